import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Temporal } from 'temporal-polyfill';
import { runCli, type CliIo } from '../../../electron/cli/main';
import { exportShiftsCsv } from '../../../shared/io/csv-shifts';
import type { Plan } from '../../../shared/plan/schema';
import { sample } from './plan-fixtures';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 20_000 });

const HEADER = 'start,end,layer,member_id,member_name,source,pinned,note,shadow';
const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('exportShiftsCsv', () => {
  it('writes the header, then one row per shift with the plan zone’s offset at each instant', () => {
    const lines = exportShiftsCsv(sample()).split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1, 5)).toEqual([
      '2027-01-04T09:00:00-08:00,2027-01-11T09:00:00-08:00,primary,maya,Maya Chen,generated,false,,false',
      '2027-01-11T09:00:00-08:00,2027-01-18T09:00:00-08:00,primary,diego,Diego Alvarez,generated,false,,false',
      '2027-01-18T09:00:00-08:00,2027-01-25T09:00:00-08:00,primary,priya,Priya Raman,generated,false,,false',
      // Who covers whom is data of the plan file (a shift's cover), not a note: the note column holds notes only.
      '2027-01-25T09:00:00-08:00,2027-02-01T09:00:00-08:00,primary,diego,Diego Alvarez,swap,false,,false',
    ]);
    expect(lines).toContain(
      '2027-07-05T09:00:00-07:00,2027-07-12T09:00:00-07:00,primary,priya,Priya Raman,generated,false,,false',
    );
    expect(lines).toContain(
      '2027-03-08T09:00:00-08:00,2027-03-15T09:00:00-07:00,secondary,priya,Priya Raman,generated,false,,false',
    );
    expect(lines).toHaveLength(1 + 104 + 1);
    expect(lines[105]).toBe('');
  });

  it('gives the sample’s 2027 with no gap and no overlap in either layer, every handoff Monday 09:00 local', () => {
    const data = parse(exportShiftsCsv(sample(), { from: '2027-01-01', to: '2027-12-31' }));
    expect(data).toHaveLength(104);
    for (const layer of ['primary', 'secondary']) {
      const own = data.filter((r) => r.layer === layer);
      expect(own).toHaveLength(52);
      for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBe(own[i - 1]!.end);
      expect(own[0]!.start).toBe('2027-01-04T09:00:00-08:00');
      expect(own[51]!.end).toBe('2028-01-03T09:00:00-08:00');
    }
    const offsets = new Set<string>();
    for (const r of data) {
      for (const value of [r.start!, r.end!]) {
        const local = Temporal.ZonedDateTime.from(`${value}[America/Los_Angeles]`);
        expect([local.dayOfWeek, local.hour, local.minute, local.second]).toEqual([1, 9, 0, 0]);
        offsets.add(value.slice(19));
      }
    }
    expect([...offsets].sort()).toEqual(['-07:00', '-08:00']);
  });

  it('filters by member and by a window of local dates', () => {
    const priya = parse(exportShiftsCsv(sample(), { memberId: 'priya' }));
    expect(new Set(priya.map((r) => r.member_id))).toEqual(new Set(['priya']));
    expect(priya).toHaveLength(sample().shifts.filter((s) => s.memberId === 'priya').length);
    const march = parse(exportShiftsCsv(sample(), { from: '2027-03-10', to: '2027-03-20' }));
    expect(march.map((r) => [r.layer, r.start])).toEqual([
      ['primary', '2027-03-08T09:00:00-08:00'],
      ['primary', '2027-03-15T09:00:00-07:00'],
      ['secondary', '2027-03-08T09:00:00-08:00'],
      ['secondary', '2027-03-15T09:00:00-07:00'],
    ]);
  });

  it('quotes by RFC 4180 and neutralises formula cells, but not start and end', () => {
    const base = sample();
    const plan: Plan = {
      ...base,
      members: base.members.map((m) => (m.id === 'maya' ? { ...m, name: '=HYPERLINK("http://x")' } : m)),
      shifts: [
        { ...base.shifts[0]!, note: '+1, call "me"\nlater' },
        { ...base.shifts[1]!, memberId: 'maya', note: '@SUM(A1)', pinned: true },
        { ...base.shifts[2]!, note: '-' },
      ],
    };
    expect(exportShiftsCsv(plan).split('\n').slice(1).join('\n')).toBe(
      [
        `2027-01-04T09:00:00-08:00,2027-01-11T09:00:00-08:00,primary,maya,"'=HYPERLINK(""http://x"")",generated,false,"'+1, call ""me""\nlater",false`,
        `2027-01-11T09:00:00-08:00,2027-01-18T09:00:00-08:00,primary,maya,"'=HYPERLINK(""http://x"")",generated,true,'@SUM(A1),false`,
        `2027-01-18T09:00:00-08:00,2027-01-25T09:00:00-08:00,primary,priya,Priya Raman,generated,false,'-,false`,
        '',
      ].join('\n'),
    );
  });
});

describe('rotaplan export --format csv', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-csv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  function io() {
    const out = { stdout: '', stderr: '' };
    const cli: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      now: () => new Date('2026-11-27T00:00:00.000Z'),
    };
    return { cli, out };
  }

  it('writes the shifts of a plan file, for one member and a window, to --out', async () => {
    const file = join(dir, 'p.rotaplan.json');
    const target = join(dir, 'sam.csv');
    await writeFile(file, JSON.stringify(sample()));
    const { cli, out } = io();
    const code = await runCli(
      [
        'export',
        file,
        '--format',
        'csv',
        '--member',
        'sam',
        '--from',
        '2027-01-01',
        '--to',
        '2027-02-28',
        '--out',
        target,
      ],
      cli,
    );
    expect([code, out.stderr]).toEqual([0, `Wrote csv to ${target}\n`]);
    expect((await readFile(target, 'utf8')).split('\n')).toEqual([
      HEADER,
      '2027-02-08T09:00:00-08:00,2027-02-15T09:00:00-08:00,primary,sam,Sam Okafor,swap,false,,false',
      '2027-02-22T09:00:00-08:00,2027-03-01T09:00:00-08:00,primary,sam,Sam Okafor,generated,false,,false',
      '2027-01-18T09:00:00-08:00,2027-01-25T09:00:00-08:00,secondary,sam,Sam Okafor,generated,false,,false',
      '2027-02-15T09:00:00-08:00,2027-02-22T09:00:00-08:00,secondary,sam,Sam Okafor,generated,false,,false',
      '',
    ]);
  });

  it('prints to stdout without --out', async () => {
    const file = join(dir, 'p.rotaplan.json');
    await writeFile(file, JSON.stringify(sample()));
    const { cli, out } = io();
    expect(await runCli(['export', file, '--format', 'csv'], cli)).toBe(0);
    expect(out.stdout).toBe(exportShiftsCsv(sample()));
  });
});
