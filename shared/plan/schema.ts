import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { compareInstants, isRealDate, isRealInstant } from '../time/zoned';

/**
 * The plan file's current schema version.
 * Bump it only together with a new entry in `migrations.ts` and a frozen fixture of the old version.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/**
 * A plan file object that keeps keys it does not know: parsing returns them untouched, so a plan written by a newer
 * Rotaplan, another tool or a hand edit loses nothing when this version loads, edits and saves it.
 * Why typed as a plain object: the TypeScript types list the known fields only (an index signature would turn
 * `Omit<Member, 'id'>` and friends into `unknown` bags); the unknown keys ride along at run time, where every edit
 * copies objects with spreads.
 */
function planObject<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
  return z.looseObject(shape) as unknown as z.ZodObject<S>;
}

// The pattern stays for the JSON Schema; the refinement catches what a pattern cannot (Feb 30, hour 25). It passes
// what the pattern already refused, so a malformed value gets one message, not two.
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(isoDatePattern, 'expected a date as YYYY-MM-DD')
  .refine((v) => !isoDatePattern.test(v) || isRealDate(v), 'not a real calendar date');
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isoInstant = z
  .string()
  .regex(isoInstantPattern, 'expected an ISO 8601 date-time with Z or an offset')
  .refine((v) => !isoInstantPattern.test(v) || isRealInstant(v), 'not a real date and time');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time as HH:MM');
const id = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(80)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits, ".", "_", ":" and "-"');
const text = (max = 2000) => z.string().max(max);
const name = z.string().trim().min(1, 'a name cannot be empty').max(120);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');

/**
 * True when `zone` is an IANA time zone the runtime knows (by Temporal, which asks ECMAScript Intl; no DOM or Node
 * needed). A bare UTC offset such as `+05:00` is not a zone name and is refused.
 * Why Temporal and not a new Intl.DateTimeFormat: the polyfill keeps its formatter per zone, so every edit can
 * validate each member's and rotation's zone again cheaply without a memo here.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '' || zone.startsWith('+') || zone.startsWith('-')) return false;
  try {
    new Temporal.ZonedDateTime(0n, zone);
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isKnownTimeZone, { message: 'unknown IANA time zone' });

/** A holiday region as date-holidays names it: ISO 3166-1 country, optional subdivision code. */
export const holidayRegionSchema = planObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as US'),
  subdivision: z
    .string()
    .regex(/^[A-Za-z0-9]{1,4}$/, 'expected a subdivision code such as CA')
    .optional(),
});

export const timeOffKindSchema = z.enum(['vacation', 'sick', 'parental', 'training', 'conference', 'other']);

/** An absence: both dates inclusive, in the member's own time zone. */
export const timeOffSchema = planObject({
  id,
  start: isoDate,
  end: isoDate,
  kind: timeOffKindSchema,
  note: text(500).default(''),
})
  // Only judged when both dates are real, so a malformed date is reported once, not also as an order problem.
  .refine((t) => !isRealDate(t.start) || !isRealDate(t.end) || t.end >= t.start, {
    message: 'time off ends before it starts',
    path: ['end'],
  });

export const senioritySchema = z.enum(['junior', 'mid', 'senior', 'staff', 'lead']);

export const memberSchema = planObject({
  id,
  name,
  email: z.email('expected an e-mail address'),
  role: text(120),
  seniority: senioritySchema,
  timeZone,
  holidayRegion: holidayRegionSchema,
  color: hexColor,
  /** Pipeline ids this person can handle on call (knowledge, not ownership). */
  skills: z.array(id).default([]),
  timeOff: z.array(timeOffSchema).default([]),
});

export const criticalitySchema = z.enum(['critical', 'high', 'medium', 'low']);

export const commonIssueSchema = planObject({
  id,
  name,
  symptom: text(),
  action: text(),
  escalation: text(),
});

export const pipelineSchema = planObject({
  id,
  name,
  description: text(),
  schedule: planObject({
    kind: z.enum(['cron', 'text']),
    /** A five-field cron expression when kind is cron, free text otherwise. */
    expression: text(200).min(1, 'a schedule cannot be empty'),
    timeZone,
    /** Expected run time in minutes, so the simulator can draw incidents around each run. */
    expectedDurationMinutes: z.number().int().min(1).max(1440).default(60),
  }),
  criticality: criticalitySchema,
  reportsToInvestors: z.boolean(),
  dataTypes: z.array(text(200)).default([]),
  sla: planObject({
    dataFreshness: text(300),
    issueResolution: text(300),
    freshnessHours: z
      .number()
      .positive()
      .max(24 * 90),
    resolutionHours: z
      .number()
      .positive()
      .max(24 * 90),
  }),
  monitoring: z.array(text(500)).default([]),
  commonIssues: z.array(commonIssueSchema).default([]),
  incidents: planObject({
    /** Expected incidents per week; null derives it from the criticality. */
    ratePerWeek: z.number().min(0).max(100).nullable(),
    meanDurationMinutes: z.number().min(1).max(10_080),
    /** Multiplier on the rate during the investor-report week. */
    investorWeekFactor: z.number().min(1).max(10),
  }),
});

export const ownershipSchema = planObject({
  pipelineId: id,
  primaryMemberId: id.nullable(),
  secondaryMemberId: id.nullable(),
  /** A named team or person outside the on-call team. */
  stakeholder: text(200),
});

const isoWeekday = z.number().int().min(1).max(7);

/**
 * How often a rotation hands over to its next member, at its handoff time in its zone: every N days (counted from
 * its first date), every N weeks on a weekday, monthly on a date (the last day in shorter months) or monthly on the
 * nth weekday (-1: the last one).
 */
export const cadenceSchema = z.discriminatedUnion('kind', [
  planObject({ kind: z.literal('days'), every: z.number().int().min(1).max(366) }),
  planObject({ kind: z.literal('weeks'), every: z.number().int().min(1).max(52), weekday: isoWeekday }),
  planObject({ kind: z.literal('monthly-date'), day: z.number().int().min(1).max(31) }),
  planObject({
    kind: z.literal('monthly-weekday'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: isoWeekday,
  }),
]);

/**
 * When a rotation is on call: on the listed weekdays (of the window's start, local to the rotation's zone) from
 * `start`; until `end` (the next day when `end` is not after `start`), or, without `end`, until the next window
 * of the same layer starts — so regional windows meet exactly as instants, whatever the zones' DST dates.
 */
export const restrictionWindowSchema = planObject({
  weekdays: z.array(isoWeekday).min(1, 'a window needs at least one weekday'),
  start: localTime,
  end: localTime.optional(),
});

/**
 * One rotation of a layer: its members in turn order, its cadence and handoff time in its own zone, the dates it
 * runs (`from` inclusive, `until` exclusive, at the handoff time; absent: the plan's start and end), optional
 * restriction windows (absent: all the time). `allowNight` lets turns reach 22:00-07:00 in a member's
 * zone without a warning.
 */
export const layerRotationSchema = planObject({
  id,
  name,
  members: z.array(id).min(1, 'a rotation needs at least one member'),
  cadence: cadenceSchema,
  handoffTime: localTime,
  timeZone,
  from: isoDate.optional(),
  until: isoDate.optional(),
  windows: z.array(restrictionWindowSchema).optional(),
  allowNight: z.boolean().optional(),
});

/**
 * A learner paired with the layer: each on-call shift of the layer that starts on a date from `from` up to `until`
 * (exclusive; dates local to the learner) gets a shadow shift of theirs beside it, marked `shadow`. Days they are
 * away (time off, their public holidays) are skipped. A shadow never counts as coverage and never replaces the
 * person on call.
 */
export const shadowPairingSchema = planObject({
  id,
  memberId: id,
  from: isoDate,
  until: isoDate,
}).refine((p) => !isRealDate(p.from) || !isRealDate(p.until) || p.until > p.from, {
  message: 'a shadow pairing must end after it starts',
  path: ['until'],
});

export const layerSchema = planObject({
  id,
  name,
  /** Member ids in rotation order for this layer (with `rotations`: every member of the layer, for reference). */
  memberOrder: z.array(id),
  /**
   * The rotations that cover this layer (schema 2). Absent: one rotation of `memberOrder` with the plan-wide
   * shift length, handoff and zone, on call all the time — what every layer of a schema-1 plan means.
   */
  rotations: z.array(layerRotationSchema).min(1).optional(),
  /** Learners shadowing this layer's on-call person; absent: none. */
  shadows: z.array(shadowPairingSchema).optional(),
});

export const shiftSourceSchema = z.enum(['generated', 'manual', 'override', 'swap']);

/**
 * Who a shift stands in for, kept as data so the words about it stay true after renames and moves: the member who
 * was scheduled (`originalMemberId`) for `originalStart`–`originalEnd`. `cover`: the holder covers them (`reason`;
 * `pairedStart` is the start of the shift they take back in return, when there is one). `swap`: the two traded, the
 * other one has the shift of the same layer starting at `pairedStart`. `override`: handed over by hand.
 * Optional: plans without it stay valid.
 */
export const shiftCoverSchema = planObject({
  kind: z.enum(['cover', 'swap', 'override']),
  originalMemberId: id,
  originalStart: isoInstant,
  originalEnd: isoInstant,
  reason: z.enum(['time-off', 'other-layer']).optional(),
  pairedStart: isoInstant.optional(),
  /** A cover of only part of the scheduled shift (nobody was free for all of it). */
  partial: z.boolean().optional(),
});

/** A concrete shift: [start, end) as UTC instants. */
export const shiftSchema = planObject({
  id,
  layerId: id,
  memberId: id,
  start: isoInstant,
  end: isoInstant,
  source: shiftSourceSchema,
  pinned: z.boolean().default(false),
  note: text(500).optional(),
  cover: shiftCoverSchema.optional(),
  /**
   * A learner shadowing whoever holds the layer then: shown and exported as a shadow, never coverage (no gap or
   * overlap checks, not "who is on call", not in weighted load). Absent: an on-call shift.
   */
  shadow: z.boolean().optional(),
})
  // Only judged when both instants are real, so a malformed instant is reported once, not also as an order problem.
  .refine((s) => !isRealInstant(s.start) || !isRealInstant(s.end) || compareInstants(s.end, s.start) > 0, {
    message: 'a shift must end after it starts',
    path: ['end'],
  });

export const rotationSchema = planObject({
  layers: z.array(layerSchema).min(1, 'a rotation needs at least one layer'),
  shiftLengthDays: z.number().int().min(1).max(28),
  handoff: planObject({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    time: localTime,
  }),
  timeZone,
  /** First handoff date; shifts run up to the handoff on `endDate`. */
  startDate: isoDate,
  endDate: isoDate,
  /**
   * Hard limit for the optimiser: at most this many weekends on call per person over the optimised window (a
   * weekend counts when any part of its Saturday or Sunday, in the plan's zone, is held on a layer). Absent: none.
   */
  maxWeekendsPerMember: z.number().int().min(0).max(60).optional(),
});

export const majorHolidaySchema = planObject({
  id,
  name,
  /** Month and day of the holiday (fixed-date) or a date-holidays rule name such as "4th thursday in November". */
  rule: text(120).min(1),
});

export const holidayPolicySchema = planObject({
  description: text(),
  vacationCoverage: text(),
  majorHolidays: z.array(majorHolidaySchema).default([]),
  /** Who covered which major holiday in which year, so duty rotates across years. */
  history: z
    .array(planObject({ holidayId: id, year: z.number().int().min(2000).max(2200), memberId: id }))
    .default([]),
  customHolidays: z
    .array(planObject({ date: isoDate, name, appliesTo: z.enum(['everyone', 'plan-region']) }))
    .default([]),
  planRegion: holidayRegionSchema,
});

export const investorWeekSchema = planObject({
  rule: z.discriminatedUnion('kind', [
    planObject({ kind: z.literal('last-days-of-month'), days: z.number().int().min(1).max(14) }),
    planObject({ kind: z.literal('last-full-week'), weekStartsOn: z.number().int().min(1).max(7) }),
  ]),
  description: text(),
  requireBothLayers: z.boolean(),
  requireInvestorOwnerAsPrimary: z.boolean(),
  forbidTimeOffForInvestorOwners: z.boolean(),
});

export const fairnessWeightsSchema = planObject({
  weekday: z.number().min(0).max(10),
  weekend: z.number().min(0).max(10),
  holiday: z.number().min(0).max(10),
  /** Added per night hour (22:00-07:00 in the member's zone). */
  nightBonus: z.number().min(0).max(10),
  /** Added per investor-week hour. */
  investorWeekBonus: z.number().min(0).max(10),
  /** Secondary-layer hours count this fraction of primary hours. */
  secondaryFactor: z.number().min(0).max(1),
});

export const limitsSchema = planObject({
  /** Largest share of a member's time on call (Google SRE: 0.25). */
  maxOnCallShare: z.number().min(0).max(1),
  allowBackToBack: z.boolean(),
  /** Relative deviation from fair share that counts as uneven. */
  unevenThreshold: z.number().min(0).max(1),
  maxConsecutiveShifts: z.number().int().min(1).max(52),
  /** Criticality-weighted ownership points one member may hold before it is flagged. */
  maxOwnershipLoad: z.number().min(0).max(100),
});

export const escalationLevelSchema = planObject({
  level: z.number().int().min(1).max(10),
  who: text(200).min(1),
  when: text(500),
  responseTime: text(120),
});

export const communicationSchema = planObject({
  daily: text(),
  weekly: text(),
  monthly: text(),
});

export const metricCategorySchema = z.enum(['pipeline-reliability', 'data-quality', 'team-efficiency']);

export const successMetricSchema = planObject({
  id,
  category: metricCategorySchema,
  kpi: text(200).min(1),
  target: text(200),
  measurement: text(500),
});

export const metaSchema = planObject({
  name,
  organisation: text(200),
  description: text(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

/**
 * A soft wish of one member to be on call ('prefer') or not ('avoid') on the dates `from` – `to` (inclusive, in the
 * plan's zone); `weight` is what the optimiser pays, in weighted hours, when it does not grant it.
 */
export const wishSchema = planObject({
  id,
  memberId: id,
  from: isoDate,
  to: isoDate,
  kind: z.enum(['prefer', 'avoid']),
  weight: z.number().int().min(1).max(100),
  note: text(500).optional(),
}).refine((w) => !isRealDate(w.from) || !isRealDate(w.to) || w.to >= w.from, {
  message: 'a wish ends before it starts',
  path: ['to'],
});

// --- On-call pay rules ---

/**
 * When an hourly pay rule applies; every field given must hold (an empty condition matches every minute).
 * Weekdays are ISO (1 Monday … 7 Sunday) and `from`/`to` local times in the member's zone (a window may cross
 * midnight); `holiday` is a public holiday of the member's region (or a custom holiday that applies to them);
 * `layers` are layer ids; `investorWeek` is an investor-report week (plan zone).
 */
export const payConditionSchema = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    from: localTime.optional(),
    to: localTime.optional(),
    holiday: z.boolean().optional(),
    layers: z.array(id).min(1).optional(),
    investorWeek: z.boolean().optional(),
  })
  .refine((c) => (c.from === undefined) === (c.to === undefined), {
    message: 'a time window needs both from and to',
    path: ['to'],
  })
  .refine((c) => c.from === undefined || c.from !== c.to, {
    message: 'a time window cannot start and end at the same time',
    path: ['to'],
  });

const payAmount = z.number().min(0).max(1_000_000);

/** An ordered hourly rule: the first rule whose condition matches prices a minute on call. */
export const payRuleSchema = z.strictObject({ name, when: payConditionSchema, hourly: payAmount });

/** A rate for a date range (both inclusive, member's zone) that takes precedence over the ordered rules. */
export const payOneOffSchema = z
  .strictObject({ name, from: isoDate, to: isoDate, hourly: payAmount })
  .refine((o) => !isRealDate(o.from) || !isRealDate(o.to) || o.to >= o.from, {
    message: 'a one-off period ends before it starts',
    path: ['to'],
  });

/** A flat amount per shift held, or per local day (member's zone) with any time on call. */
export const payAllowanceSchema = z.strictObject({ name, per: z.enum(['shift', 'day']), amount: payAmount });

/** The pricing parts a member group may replace. */
const payTariffShape = {
  rules: z.array(payRuleSchema).min(1, 'pay needs at least one hourly rule'),
  oneOff: z.array(payOneOffSchema).optional(),
  allowances: z.array(payAllowanceSchema).optional(),
  /** Hourly amounts on every layer after the first are multiplied by this (absent: 1). */
  secondaryFactor: z.number().min(0).max(1).optional(),
};

/** Members (by id or by holiday-region country) whose contract is priced by their own tariff. */
export const payGroupSchema = z.strictObject({
  name,
  memberIds: z.array(id).optional(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as US'))
    .optional(),
  ...payTariffShape,
});

/**
 * On-call pay: a currency and the default tariff, with groups (first match by member id or country) whose
 * contracts differ. Strict: an unknown field is refused by name, so a typo never silently prices at the default.
 */
export const payRulesSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as EUR'),
  ...payTariffShape,
  groups: z.array(payGroupSchema).optional(),
});

export type PayRules = z.infer<typeof payRulesSchema>;
export type PayRule = z.infer<typeof payRuleSchema>;
export type PayCondition = z.infer<typeof payConditionSchema>;

// --- Working-time checks ---

/**
 * Working-time limits the analysis checks the plan against (each optional; absent: not checked). `euDirective`
 * adds the EU Working Time Directive presets (11 h consecutive rest in every 24 h, at most 48 h a week on average
 * over 17 weeks), counting on-call time as working time: a check of the plan, not legal advice.
 */
export const workingTimeSchema = z.strictObject({
  /** At most this many on-call hours in any rolling 7 days. */
  maxHoursPer7Days: z.number().positive().max(168).optional(),
  /** At most this many local days (member's zone) on call in a row. */
  maxConsecutiveDays: z.number().int().min(1).max(366).optional(),
  /** At least this many hours off call after an on-call stretch that holds night hours (22:00-07:00 local). */
  minRestAfterNightHours: z.number().positive().max(72).optional(),
  euDirective: z.boolean().optional(),
});

export type WorkingTime = z.infer<typeof workingTimeSchema>;

/** Everything a what-if scenario may change: the plan without its meta and scenarios. */
export const planBodyShape = {
  members: z.array(memberSchema),
  pipelines: z.array(pipelineSchema),
  ownership: z.array(ownershipSchema),
  rotation: rotationSchema,
  shifts: z.array(shiftSchema),
  coverage: planObject({
    holidays: holidayPolicySchema,
    investorWeek: investorWeekSchema,
    weights: fairnessWeightsSchema,
    limits: limitsSchema,
  }),
  escalation: z.array(escalationLevelSchema),
  communication: communicationSchema,
  successMetrics: z.array(successMetricSchema),
  /** Optional so plans written before wishes existed stay valid without a migration. */
  wishes: z.array(wishSchema).optional(),
  /** On-call pay rules; optional, so plans without them stay valid. */
  pay: payRulesSchema.optional(),
  /** Working-time limits checked as flags; optional, so plans without them raise none of those flags. */
  workingTime: workingTimeSchema.optional(),
};

export const planBodySchema = planObject(planBodyShape);

export const scenarioSchema = planObject({
  id,
  name,
  description: text(),
  createdAt: isoInstant,
  body: planBodySchema,
});

/**
 * A conflict `rotaplan merge` could not settle: where (the entity and the path inside the plan), and what each side
 * had. The plan keeps our value; resolving the conflict means keeping it or taking theirs, then dropping the entry.
 * Optional, so plans without conflicts (all plans but a just-merged one) are unchanged.
 */
export const mergeConflictSchema = z.object({
  id,
  /** `both-changed`: both sides changed it differently; `removed-and-changed`: one removed what the other changed;
   * `rule`: each side was fine but together they break a rule of the plan (an overlap, a dangling reference). */
  kind: z.enum(['both-changed', 'removed-and-changed', 'rule']),
  /** What the conflict is about: shift, member, pipeline, ownership, layer, setting. */
  entity: z.enum(['shift', 'member', 'pipeline', 'ownership', 'layer', 'setting']),
  /** The entity's id (a pipeline id for an ownership cell); absent for a setting. */
  entityId: z.string().max(200).optional(),
  /** Where in the plan, by entity ids: `shifts[primary-2027-01-11].memberId`. */
  path: text(500),
  message: text(1000),
  /** The value in the common ancestor, ours and theirs; absent when that side has none (removed or never added). */
  base: z.unknown().optional(),
  ours: z.unknown().optional(),
  theirs: z.unknown().optional(),
});

/** The shape of a plan file, before cross-reference checks (see `planSchema`). */
export const planShapeSchema = planObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: metaSchema,
  ...planBodyShape,
  scenarios: z.array(scenarioSchema).default([]),
  /** Conflicts a git merge left for the user to resolve; absent when there are none. */
  mergeConflicts: z.array(mergeConflictSchema).optional(),
});

export type Plan = z.infer<typeof planShapeSchema>;
export type PlanBody = z.infer<typeof planBodySchema>;
export type Member = z.infer<typeof memberSchema>;
export type TimeOff = z.infer<typeof timeOffSchema>;
export type TimeOffKind = z.infer<typeof timeOffKindSchema>;
export type Seniority = z.infer<typeof senioritySchema>;
export type HolidayRegion = z.infer<typeof holidayRegionSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;
export type Criticality = z.infer<typeof criticalitySchema>;
export type CommonIssue = z.infer<typeof commonIssueSchema>;
export type Ownership = z.infer<typeof ownershipSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type ShadowPairing = z.infer<typeof shadowPairingSchema>;
export type LayerRotation = z.infer<typeof layerRotationSchema>;
export type Cadence = z.infer<typeof cadenceSchema>;
export type RestrictionWindow = z.infer<typeof restrictionWindowSchema>;
export type Shift = z.infer<typeof shiftSchema>;
export type ShiftSource = z.infer<typeof shiftSourceSchema>;
export type ShiftCover = z.infer<typeof shiftCoverSchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;
export type SuccessMetric = z.infer<typeof successMetricSchema>;
export type MetricCategory = z.infer<typeof metricCategorySchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Wish = z.infer<typeof wishSchema>;
export type MergeConflict = z.infer<typeof mergeConflictSchema>;
