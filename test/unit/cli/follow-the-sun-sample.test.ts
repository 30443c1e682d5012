import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Temporal } from 'temporal-polyfill';
import { cliAt } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// Reads `rotaplan sample --variant follow-the-sun` only through its files, as a check outside the project would:
// the plan JSON for who lives where and when each region starts, the CSV export and `generate --json` for shifts.

vi.setConfig({ testTimeout: 120_000 });

const run = cliAt('2026-12-06T00:00:00.000Z');

type Row = { start: string; end: string; layer: string; member_id: string; source: string };
type RawPlan = {
  members: { id: string; timeZone: string; timeOff: { start: string; end: string }[] }[];
  rotation: {
    layers: {
      id: string;
      rotations: { members: string[]; timeZone: string; windows: { start: string }[] }[];
    }[];
  };
};

const DAY = 86_400_000;
const local = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);

let dir: string;
let plan: RawPlan;
let rows: Row[];
beforeAll(async () => {
  dir = await makeTempDir('rotaplan-fts-');
  const file = join(dir, 'fts.rotaplan.json');
  const csv = join(dir, 'shifts.csv');
  expect((await run('sample', '--variant', 'follow-the-sun', '--out', file)).code).toBe(0);
  expect((await run('export', file, '--format', 'csv', '--out', csv)).code).toBe(0);
  plan = JSON.parse(await readFile(file, 'utf8')) as RawPlan;
  rows = Papa.parse<Row>(await readFile(csv, 'utf8'), { header: true, skipEmptyLines: true }).data;
});
afterAll(async () => {
  await removeDir(dir);
});

describe('rotaplan sample --variant follow-the-sun, read from its CSV export', () => {
  const layerRows = (layer: string) =>
    rows
      .filter((r) => r.layer === layer)
      .map((r) => ({ ...r, from: Date.parse(r.start), to: Date.parse(r.end) }))
      .sort((a, b) => a.from - b.from);

  it('has at least six people in Asia, Europe and America, and names the layer in every row', () => {
    const zones = new Set(plan.members.map((m) => m.timeZone));
    expect(plan.members.length).toBeGreaterThanOrEqual(6);
    expect(zones).toEqual(new Set(['Asia/Kolkata', 'Europe/Berlin', 'America/New_York']));
    expect(new Set(rows.map((r) => r.layer))).toEqual(new Set(['primary', 'secondary']));
  });

  it.each(['primary', 'secondary'])('the %s layer covers every minute of two years exactly once', (layer) => {
    const shifts = layerRows(layer);
    for (let i = 1; i < shifts.length; i++) {
      if (shifts[i]!.from !== shifts[i - 1]!.to) {
        throw new Error(`${layer}: ${shifts[i - 1]!.end} is followed by ${shifts[i]!.start}`);
      }
    }
    expect(shifts[0]!.start).toBe('2027-01-04T07:00:00+05:30');
    expect(shifts[shifts.length - 1]!.to - shifts[0]!.from).toBeGreaterThanOrEqual(730 * DAY);
  });

  it('never has anyone on call in their local night (22:00-07:00)', () => {
    const zoneOf = new Map(plan.members.map((m) => [m.id, m.timeZone]));
    const night: string[] = [];
    for (const r of layerRows('primary').concat(layerRows('secondary'))) {
      const zone = zoneOf.get(r.member_id)!;
      const start = local(r.from, zone);
      const end = local(r.to, zone);
      const sameDay = Temporal.PlainDate.compare(start.toPlainDate(), end.toPlainDate()) === 0;
      const startMinutes = start.hour * 60 + start.minute;
      const endMinutes = end.hour * 60 + end.minute;
      if (!sameDay || startMinutes < 7 * 60 || endMinutes > 22 * 60)
        night.push(`${r.member_id} ${r.start}–${r.end}`);
    }
    expect(night).toEqual([]);
  });

  it('puts nobody on call while away: someone in the same region covers', () => {
    const away: string[] = [];
    for (const m of plan.members) {
      for (const t of m.timeOff) {
        const from = Temporal.PlainDate.from(t.start).toZonedDateTime(m.timeZone).epochMilliseconds;
        const to = Temporal.PlainDate.from(t.end)
          .add({ days: 1 })
          .toZonedDateTime(m.timeZone).epochMilliseconds;
        for (const r of rows.filter((x) => x.member_id === m.id)) {
          if (Date.parse(r.start) < to && Date.parse(r.end) > from)
            away.push(`${m.id} ${r.layer} ${r.start}`);
        }
      }
    }
    expect(plan.members.filter((m) => m.timeOff.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(away).toEqual([]);
    expect(rows.filter((r) => r.source === 'swap').length).toBeGreaterThan(0);
  });

  it('hands over at each region’s configured local time through every DST change of 2027 and 2028', () => {
    const startOf = new Map<string, { zone: string; time: string }>();
    for (const layer of plan.rotation.layers) {
      for (const r of layer.rotations) {
        for (const m of r.members)
          startOf.set(`${layer.id}/${m}`, { zone: r.timeZone, time: r.windows[0]!.start });
      }
    }
    const wrong: string[] = [];
    const offsets = new Map<string, Set<string>>();
    for (const layer of ['primary', 'secondary']) {
      for (const r of layerRows(layer)) {
        const configured = startOf.get(`${layer}/${r.member_id}`)!;
        const at = local(r.from, configured.zone);
        const time = at.toPlainTime().toString({ smallestUnit: 'minute' });
        if (time !== configured.time)
          wrong.push(`${layer} ${r.member_id} ${r.start} is ${time} in ${configured.zone}`);
        const seen = offsets.get(configured.zone) ?? new Set();
        seen.add(at.offset);
        offsets.set(configured.zone, seen);
      }
    }
    expect(wrong).toEqual([]);
    // The handoffs were met in both offsets of each DST zone: the check ran across the clock changes.
    expect(offsets.get('Europe/Berlin')).toEqual(new Set(['+01:00', '+02:00']));
    expect(offsets.get('America/New_York')).toEqual(new Set(['-05:00', '-04:00']));
    expect(offsets.get('Asia/Kolkata')).toEqual(new Set(['+05:30']));
  });

  it('regenerates to the same shifts, with no hole, double or night warning', async () => {
    const file = join(dir, 'fts.rotaplan.json');
    const { code, stdout } = await run('generate', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout.trimEnd().split('\n').pop()!) as {
      shifts: number;
      changed: number;
      layers: { id: string; name: string; shifts: number }[];
      warnings: { kind: string }[];
    };
    expect(json.shifts).toBe(rows.length);
    expect(json.changed).toBe(0);
    expect(json.layers.map((l) => [l.id, l.name, l.shifts])).toEqual([
      ['primary', 'Primary', layerRows('primary').length],
      ['secondary', 'Secondary', layerRows('secondary').length],
    ]);
    const serious = ['unresolved', 'window-hole', 'window-double', 'night', 'coverage-gap', 'overlap'];
    expect(json.warnings.filter((w) => serious.includes(w.kind))).toEqual([]);
  });
});
