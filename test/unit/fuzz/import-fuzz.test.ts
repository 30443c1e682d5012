import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createDispatcher, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { createPlanStore, type PlanStore } from '../../../electron/store/plan-store';
import { importIcs, type IcsImportResult } from '../../../shared/import/ics-import';
import { SAMPLE, SMALL_SAMPLE, mutate, mutationArb } from './fuzz-helpers';

// Fixed seeds: a failure reproduces; fast-check prints the shrunk counterexample.
const SEED = 20270307;
vi.setConfig({ testTimeout: 240_000 });

const FIXTURES = ['pagerduty.ics', 'opsgenie.ics', 'grafana-oncall.ics', 'goalert.ics', 'google.ics'].map(
  (f) => readFileSync(join(__dirname, '../../fixtures/ics', f), 'utf8'),
);
/** Longest a single import may take before it counts as a hang (generous for a busy CI machine). */
const HANG_MS = 3_000;
let totalRuns = 0;

/** An import that did not throw, did not hang, and either read entries or said clearly why not. */
function checkImport(input: string | Uint8Array): IcsImportResult {
  const started = performance.now();
  const result = importIcs(input, SAMPLE);
  const elapsed = performance.now() - started;
  totalRuns += 1;
  expect(elapsed).toBeLessThan(HANG_MS);
  if (result.ok) {
    expect(result.errors).toEqual([]);
    for (const e of result.entries) expect(Date.parse(e.end)).toBeGreaterThan(Date.parse(e.start));
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(typeof e.code).toBe('string');
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect(result.entries).toEqual([]);
  }
  return result;
}

const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
);

/** A vendor fixture with some lines deleted, duplicated, replaced, cut or given another value. */
const mutatedFixture = fc
  .tuple(fc.nat({ max: FIXTURES.length - 1 }), fc.array(lineEdit, { minLength: 1, maxLength: 6 }))
  .map(([which, edits]) => {
    let lines = FIXTURES[which]!.split('\r\n');
    for (const edit of edits) {
      const i = edit.at % lines.length;
      switch (edit.kind) {
        case 'delete':
          lines = lines.filter((_, j) => j !== i);
          break;
        case 'duplicate':
          lines = [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)];
          break;
        case 'replace':
          lines[i] = edit.text;
          break;
        case 'truncate':
          lines = lines.slice(0, i);
          break;
        case 'value':
          lines[i] = `${(lines[i] ?? '').split(':')[0]}:${edit.text}`;
          break;
      }
    }
    return lines.join('\r\n');
  });

const dateTime = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
    )
    .map(([y, mo, d, h, mi]) => {
      const p = (n: number, w = 2) => String(n).padStart(w, '0');
      return `${p(y, 4)}${p(mo)}${p(d)}T${p(h)}${p(mi)}00`;
    }),
  fc.constantFrom('20270301T170000Z', '20270301', 'garbage', '', '20270230T090000', '20270314T023000'),
);
const zoneParam = fc.constantFrom(
  '',
  ';TZID=America/Los_Angeles',
  ';TZID=Mars/Olympus',
  ';VALUE=DATE',
  ';TZID=',
  ';TZID=UTC',
);
const rrule = fc.oneof(
  fc.constant(''),
  fc
    .tuple(
      fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY', 'FORTNIGHTLY', ''),
      fc.integer({ min: -2, max: 400 }),
      fc.option(fc.integer({ min: -1, max: 5000 })),
      fc.option(
        fc.constantFrom(
          'BYMONTHDAY=31;BYMONTH=2',
          'BYDAY=5MO',
          'BYYEARDAY=366',
          'BYSETPOS=-1;BYDAY=MO',
          'BYWEEKNO=53',
          'UNTIL=19990101T000000Z',
          'BYHOUR=25',
        ),
      ),
    )
    .map(
      ([f, i, c, extra]) =>
        `RRULE:FREQ=${f};INTERVAL=${i}${c === null ? '' : `;COUNT=${c}`}${extra ? `;${extra}` : ''}`,
    ),
);
/** Calendars built from hostile parts: impossible dates, unknown zones, endless or impossible repeats. */
const hostileCalendar = fc
  .array(
    fc.record({
      start: dateTime,
      end: dateTime,
      sz: zoneParam,
      ez: zoneParam,
      rule: rrule,
      who: fc.string({ maxLength: 30 }),
    }),
    { minLength: 0, maxLength: 5 },
  )
  .map((events) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Fuzz//Fuzz//EN',
      ...events.flatMap((e, i) => [
        'BEGIN:VEVENT',
        `UID:fuzz-${i}`,
        `SUMMARY:On Call - ${e.who.replace(/[\r\n]/g, ' ')} - Primary`,
        `DTSTART${e.sz}:${e.start}`,
        `DTEND${e.ez}:${e.end}`,
        ...(e.rule ? [e.rule] : []),
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ].join('\r\n'),
  );

describe('fuzz: the .ics importer never throws, never hangs, always says why', () => {
  afterAll(() => {
    // 3,000 + 1,000 + 3,000 + 2,000 + 1,000 = 10,000 importer runs (and 2,000 plan:openText runs below).
    expect(totalRuns).toBe(10_000);
  });

  it('arbitrary text (3,000) and arbitrary Unicode (1,000)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => void checkImport(text)),
      { numRuns: 3000, seed: SEED },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (text) => void checkImport(`BEGIN:VCALENDAR\r\n${text}`),
      ),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('vendor fixtures with lines deleted, duplicated, replaced or cut (3,000)', () => {
    fc.assert(
      fc.property(mutatedFixture, (text) => void checkImport(text)),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('hostile calendars: impossible dates, unknown zones, endless and impossible repeats (2,000)', () => {
    fc.assert(
      fc.property(hostileCalendar, (text) => void checkImport(text)),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('random bytes, some after an iCalendar header (1,000)', () => {
    const header = new TextEncoder().encode('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, withHeader) => {
        const input = withHeader ? new Uint8Array([...header, ...bytes]) : bytes;
        void checkImport(input);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});

describe('fuzz: plan:openText refuses bad plans with a message and leaves the open file byte-identical', () => {
  let dir: string;
  let store: PlanStore;
  let dispatch: Dispatch;
  let before: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-fuzz-open-'));
    store = createPlanStore({
      userDataDir: dir,
      createDefaultPlan: () => SMALL_SAMPLE,
      now: () => new Date('2027-03-01T10:00:00.000Z'),
    });
    dispatch = createDispatcher(
      createHandlers({ store, mode: 'preview', version: 'fuzz', userDataDir: dir }),
      (error) => {
        throw error;
      },
    );
    await store.load();
    before = await readFile(store.currentPath);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  const texts = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    mutationArb.map((m) => JSON.stringify(mutate(SMALL_SAMPLE, m).doc)),
    fc.integer({ min: 2, max: 1e6 }).map((v) => JSON.stringify({ ...SMALL_SAMPLE, schemaVersion: v })),
    fc.nat({ max: 3000 }).map((n) => JSON.stringify(SMALL_SAMPLE).slice(0, n)),
  );

  it('2,000 generated texts: valid plans open as copies, everything else is refused; the open file never changes', async () => {
    const original = store.currentPath;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const started = performance.now();
        const result = await dispatch('plan:openText', { text, fileName: 'fuzz.rotaplan.json' });
        expect(performance.now() - started).toBeLessThan(HANG_MS);
        if (result.ok) {
          // A valid mutation opens as a copy in plans/; go back to the original for the next run.
          await store.open(original);
          return;
        }
        refused += 1;
        expect(['invalid-plan', 'newer-version']).toContain(result.error.code);
        expect(result.error.message).toMatch(
          /^fuzz\.rotaplan\.json (is not valid JSON|is not a valid plan|comes from a newer Rotaplan)/,
        );
        expect(result.error.message).toContain('The plan you had open is unchanged.');
        expect(store.currentPath).toBe(original);
        expect((await readFile(original)).equals(before)).toBe(true);
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect(refused).toBeGreaterThan(1500);
    expect((await readFile(original)).equals(before)).toBe(true);
  });
});
