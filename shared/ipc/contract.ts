import { isRealDate } from '../time/zoned';
import { z } from 'zod';
import type { OptimizeResult } from '../optimize/optimize-plan';
import type { Plan } from '../plan/schema';
import { preferencesSchema, type Preferences } from '../prefs/preferences';
import type { PlanProblem } from '../plan/validate';
import type { PayReport } from '../pay/pay-report';
import type { PricedMinute } from '../pay/rule-at';
import type { PayComparison } from '../scenarios/compare-pay';
import type { Channel, Domain, VerbOf } from './channels';
import { PUBLISH_TARGETS, type PublishTargetId } from '../publish/target';

const filePath = z
  .string()
  .min(1, 'a file path cannot be empty')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a file path cannot contain NUL');

/** Largest text file (plan or .ics) the renderer may hand to main: 20 MB. */
export const MAX_TEXT_FILE = 20 * 1024 * 1024;
/** Most shifts one `plan:savePatch` may carry (a big plan has ~36,000; a bigger change is sent whole). */
export const MAX_PATCH_SHIFTS = 100_000;
/** Largest export the renderer may ask main to write: 50 MB. */
export const MAX_EXPORT = 50 * 1024 * 1024;

/** A bare file name (no folder part): exports and opened copies are placed by main, never by the renderer. */
const fileName = z
  .string()
  .min(1, 'a file name cannot be empty')
  .max(255)
  .regex(/^[^/\\\0:*?"<>|]+$/, 'a file name cannot contain a folder separator or any of : * ? " < > |')
  .refine((n) => n !== '.' && n !== '..', 'not a file name');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2027-01-31');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time like 23:30');
const entityId = z.string().min(1, 'an id cannot be empty').max(200);
/** Optional plan-zone dates (inclusive) of a pay window; absent sides take the rotation's horizon, as the CLI does. */
const payRange = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
/** Most plans one `pay:compare` prices (the live plan and its scenarios). */
export const MAX_PAY_COMPARE = 12;
const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a job id');
/** An IANA zone name's shape (`America/Vancouver`, `Etc/GMT+8`); whether the runtime knows it is the answer's job. */
const zoneName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/,
    'expected an IANA time zone name like Europe/Berlin',
  )
  .max(64);
/** Most years `ref:zoneOffsets` compares in one request. */
export const MAX_OFFSET_YEARS = 60;

/**
 * The request schema of every channel. Main and the preview server validate each payload against it before a
 * handler runs, so a handler only ever sees typed, checked input. Plans are checked by the store (full validation
 * with migration and JSON paths), so the schema here only requires an object.
 */
/** A plan file's revision (a hash of its bytes). */
const revision = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'not a revision');

export const requestSchemas = {
  'app:info': z.object({}).strict(),
  'app:gitStatus': z.object({}).strict(),
  'plan:load': z.object({}).strict(),
  // baseRevision: the revision the app last saw, for a store that has read nothing since it started (a restart).
  'plan:save': z
    .object({ plan: z.record(z.string(), z.unknown()), baseRevision: revision.optional() })
    .strict(),
  // The shifts and the rest are checked by the store on the rebuilt plan, like a whole plan's.
  'plan:savePatch': z
    .object({
      baseRevision: revision,
      patch: z
        .object({
          rest: z.record(z.string(), z.unknown()),
          upsert: z
            .array(z.looseObject({ id: z.string().max(200) }))
            .max(MAX_PATCH_SHIFTS, `a patch carries at most ${MAX_PATCH_SHIFTS} shifts`),
          remove: z.array(z.string().max(200)).max(MAX_PATCH_SHIFTS),
          shiftCount: z.number().int().min(0),
        })
        .strict(),
    })
    .strict(),
  'plan:open': z.object({ path: filePath }).strict(),
  'plan:saveAs': z.object({ path: filePath }).strict(),
  'plan:backups': z.object({}).strict(),
  'plan:restoreBackup': z
    .object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'not a backup id') })
    .strict(),
  'ref:holidayRegions': z.object({}).strict(),
  'ref:zoneOffsets': z
    .object({
      zones: z.array(zoneName).min(1, 'name at least one time zone').max(500),
      from: isoDate,
      to: isoDate,
    })
    .strict()
    .refine((r) => [r.from, r.to].every(isRealDate), {
      message: 'expected real dates like 2027-01-31',
      path: ['from'],
    })
    .refine((r) => r.from <= r.to, { message: 'the span ends before it starts', path: ['to'] })
    .refine((r) => Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) <= MAX_OFFSET_YEARS, {
      message: `the span is longer than ${MAX_OFFSET_YEARS} years`,
      path: ['to'],
    }),
  'conflict:reload': z.object({}).strict(),
  'conflict:keepMine': z.object({ plan: z.record(z.string(), z.unknown()) }).strict(),
  'conflict:compare': z.object({ plan: z.record(z.string(), z.unknown()) }).strict(),
  'plan:new': z.object({ plan: z.record(z.string(), z.unknown()) }).strict(),
  'plan:openText': z
    .object({ text: z.string().max(MAX_TEXT_FILE, 'the file is larger than 20 MB'), fileName: fileName })
    .strict(),
  'prefs:get': z.object({}).strict(),
  'prefs:set': z.object({ patch: preferencesSchema.partial() }).strict(),
  'dialog:openPlan': z.object({}).strict(),
  'dialog:saveAs': z.object({}).strict(),
  'dialog:openIcs': z.object({}).strict(),
  'dialog:chooseFolder': z.object({}).strict(),
  'export:save': z
    .object({
      fileName,
      content: z.string().max(MAX_EXPORT, 'the export is larger than 50 MB'),
      encoding: z.enum(['utf8', 'base64']),
    })
    .strict(),
  'export:pdf': z
    .object({ fileName, html: z.string().max(MAX_EXPORT, 'the report is larger than 50 MB') })
    .strict(),
  'optimize:start': z
    .object({
      plan: z.record(z.string(), z.unknown()),
      strategy: z.enum(['optimal', 'round-robin', 'least-recent']),
      timeLimitSeconds: z.number().positive().max(3600),
      from: isoDate.optional(),
      to: isoDate.optional(),
      /** Cost per period that differs from the current schedule (the fewest-changes rule); 0 ignores changes. */
      changeWeight: z.number().min(0).max(1000).optional(),
      /** Weight per unit of currency of the plan's on-call pay (cheapest of equally fair); 0 ignores pay. */
      costWeight: z.number().min(0).max(1000).optional(),
    })
    .strict(),
  'optimize:status': z.object({ jobId: jobId }).strict(),
  'optimize:cancel': z.object({ jobId: jobId }).strict(),
  'publish:targets': z.object({}).strict(),
  'publish:run': z
    .object({
      plan: z.record(z.string(), z.unknown()),
      target: z.enum(PUBLISH_TARGETS),
      /** The tool's user id per member id (where the target needs ids); blank entries are left out by the caller. */
      userIds: z.record(z.string().max(80), z.string().trim().min(1).max(200)),
      /** Write the files (only when verified) into a new folder under the export folder; false only verifies. */
      write: z.boolean(),
    })
    .strict(),
  // Pay is priced in main, where the CLI prices it, so both read the same time-zone data (a browser engine may ship
  // other zone rules than Node). The plan is checked by the same validator as a save.
  'pay:report': z.object({ plan: z.record(z.string(), z.unknown()), ...payRange }).strict(),
  'pay:priceAt': z
    .object({
      plan: z.record(z.string(), z.unknown()),
      memberId: entityId,
      layerId: entityId,
      date: isoDate,
      time: localTime,
    })
    .strict(),
  'pay:compare': z
    .object({
      /** The live plan first (its pay rules price every column), then the scenarios. */
      plans: z
        .array(
          z
            .object({ id: entityId, name: z.string().max(200), plan: z.record(z.string(), z.unknown()) })
            .strict(),
        )
        .min(1, 'name at least one plan')
        .max(MAX_PAY_COMPARE, `compare at most ${MAX_PAY_COMPARE} plans`),
      ...payRange,
    })
    .strict(),
} satisfies Record<Channel, z.ZodType>;

/** What a notice on load tells the user: a first start, a migrated file, or a file that could not be read. */
export type LoadNotice = {
  kind: 'first-run' | 'migrated' | 'recovered';
  message: string;
  /** For `recovered`: where the unreadable file was kept, and what is wrong with it. */
  keptAs?: string;
  problems?: PlanProblem[];
};

/** A plan as the store hands it out: the content plus where it lives and which revision it is. */
export type LoadedPlan = { plan: Plan; path: string; revision: string; notice: LoadNotice | null };

/** A kept earlier version of the plan file. */
export type Backup = { id: string; savedAt: string; bytes: number; name: string };

/** The versions of the time-zone data a runtime reads: tz (IANA release, e.g. `2025c`) and ICU. */
export type TzDataVersions = { tzdata: string | null; icu: string | null };

const offsetTableSchema = z
  .object({
    zone: z.string(),
    known: z.boolean(),
    from: z.number(),
    to: z.number(),
    periods: z.array(z.object({ from: z.number(), offsetMinutes: z.number().int() }).strict()),
  })
  .strict();

/**
 * The main process's answer to `ref:zoneOffsets`: its tz data versions and, per zone asked, its offset periods.
 * Why a schema for an answer: the window compares it with its own rules and warns on what it finds, so it checks
 * the shape before believing it.
 */
export const zoneOffsetsAnswerSchema = z
  .object({
    tzdata: z.string().nullable(),
    icu: z.string().nullable(),
    tables: z.array(offsetTableSchema),
  })
  .strict();

/** See `zoneOffsetsAnswerSchema`. */
export type ZoneOffsetsAnswer = z.infer<typeof zoneOffsetsAnswerSchema>;

/** Countries and their subdivisions as date-holidays names them. */
export type HolidayCountry = { code: string; name: string; subdivisions: { code: string; name: string }[] };

/** Ids named in one plan and not the other, or named in both with different content (each as its display name). */
export type NamedChanges = { onlyMine: string[]; onlyTheirs: string[]; changed: string[] };

/**
 * What differs between the plan in the app ("mine") and the file another program changed ("theirs"), so a user
 * facing a save conflict can choose between reload and keep-mine knowing what each loses.
 */
export type PlanComparison = {
  path: string;
  /** Whether the file on disk could be read as a plan; when not, `theirsProblem` says why. */
  theirsStatus: 'valid' | 'missing' | 'unreadable';
  theirsProblem?: string;
  mine: PlanCounts;
  theirs: PlanCounts | null;
  members: NamedChanges;
  pipelines: NamedChanges;
  shifts: { onlyMine: number; onlyTheirs: number; changed: number };
  /** Other top-level sections that differ (meta, rotation, coverage, escalation …). */
  otherSections: string[];
};

/** The size of one side of a comparison. */
export type PlanCounts = {
  name: string;
  updatedAt: string;
  members: number;
  pipelines: number;
  shifts: number;
};

/** The response type of every channel. */
export type Responses = {
  /** `tz`: the main process's time-zone data versions (shown in About). */
  'app:info': {
    version: string;
    mode: 'electron' | 'preview';
    planPath: string;
    userDataDir: string;
    tz: TzDataVersions;
  };
  /** The open plan file's git branch (null outside a working tree) and whether it has uncommitted changes. */
  'app:gitStatus': { branch: string | null; dirty: boolean };
  'plan:load': LoadedPlan;
  'plan:save': { path: string; revision: string; savedAt: string };
  'plan:savePatch': { path: string; revision: string; savedAt: string };
  'plan:open': LoadedPlan;
  'plan:saveAs': { path: string; revision: string; savedAt: string };
  'plan:backups': Backup[];
  'plan:restoreBackup': LoadedPlan;
  'ref:holidayRegions': HolidayCountry[];
  /** The main process's offsets of the zones asked for over [from, to] (UTC dates), with its tz data versions. */
  'ref:zoneOffsets': ZoneOffsetsAnswer;
  'conflict:reload': LoadedPlan;
  'conflict:keepMine': { path: string; revision: string; savedAt: string };
  'conflict:compare': PlanComparison;
  'plan:new': LoadedPlan;
  'plan:openText': LoadedPlan;
  'prefs:get': Preferences;
  'prefs:set': Preferences;
  /** null: the user cancelled the dialog. */
  'dialog:openPlan': LoadedPlan | null;
  'dialog:saveAs': { path: string; revision: string; savedAt: string } | null;
  'dialog:openIcs': { fileName: string; text: string } | null;
  /** The folder the user picked (for the export folder preference); null when cancelled. */
  'dialog:chooseFolder': { path: string } | null;
  /** Where the file was written; null when the user cancelled the save dialog. */
  'export:save': { path: string } | null;
  'export:pdf': { path: string } | null;
  'optimize:start': { jobId: string };
  'optimize:status': OptimizeJobStatus;
  'optimize:cancel': { cancelled: boolean };
  'publish:targets': PublishTargetInfo[];
  'publish:run': PublishRunResult;
  /** The plan's pay by its own rules over the window: what `rotaplan pay --json` prints, plus the member-months. */
  'pay:report': PayReport;
  /** Which rule prices the minute at a member's local date and time on a layer (the rules editor's example). */
  'pay:priceAt': PricedMinute;
  /** The plans' pay side by side, all priced by the first plan's rules (the what-if cost comparison). */
  'pay:compare': PayComparison;
};

/** A paging tool this build can publish to, as the Publish dialog lists it. */
export type PublishTargetInfo = { id: PublishTargetId; label: string; needsUserIds: boolean };

/**
 * What publishing in the app found: the verification (equal, differing minutes, the first differences in words),
 * notes on what went out as overrides, the counts, the files (relative paths), and the folder they were written to
 * (null when only verified, or when verification failed and nothing was written).
 */
export type PublishRunResult = {
  target: PublishTargetId;
  verified: boolean;
  differingMinutes: number;
  differences: string[];
  notes: string[];
  schedules: number;
  layers: number;
  overrides: number;
  files: string[];
  folder: string | null;
};

/**
 * Where an optimiser job stands. The solve runs in a worker thread of main; the renderer polls this and shows the
 * progress (best objective, bound and gap so far) with a Cancel button.
 */
export type OptimizeJobStatus = {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  elapsedMs: number;
  progress: { objective: number | null; bound: number | null; gap: number | null } | null;
  /** Set when state is `done` (a cancelled solve also returns its best schedule so far, when it has one). */
  result: OptimizeResult | null;
  /** Set when state is `failed`: what went wrong, as a sentence. */
  error: string | null;
};

/** The request payload type of a channel. */
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

/** The response type of a channel. */
export type ResponseOf<C extends Channel> = Responses[C];

/** Machine-readable error codes a handler may return. */
export type IpcErrorCode =
  | 'unknown-channel'
  | 'bad-payload'
  | 'untrusted-sender'
  | 'invalid-plan'
  | 'newer-version'
  | 'conflict'
  /** plan:savePatch: the file's revision is not the one the patch was made against; send the whole plan. */
  | 'stale-base'
  | 'not-found'
  | 'io'
  | 'unsupported'
  | 'internal';

/** An error as it crosses the process boundary: a code, a sentence for the user, and where (JSON paths). */
export type IpcErrorShape = { code: IpcErrorCode; message: string; problems?: PlanProblem[] };

/** What every channel returns over the wire; errors are values, so their code and paths survive the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };

/** The API object the preload exposes as `window.rotaplan`: one function per channel, grouped by domain. */
export type RotaplanApi = {
  [D in Domain]: {
    [V in VerbOf<D>]: (
      request: RequestOf<`${D}:${V}` & Channel>,
    ) => Promise<IpcResult<ResponseOf<`${D}:${V}` & Channel>>>;
  };
};
