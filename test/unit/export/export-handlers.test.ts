import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerContext, NativeDialogs } from '../../../electron/handlers/context';
import { createDispatcher } from '../../../electron/handlers/dispatch';
import { exportFolder, exportHandlers, numberedName } from '../../../electron/handlers/export-handlers';
import { createHandlers } from '../../../electron/handlers';
import { createPlanStore } from '../../../electron/store/plan-store';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-export-h-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

function context(extra: Partial<HandlerContext> = {}): HandlerContext {
  return {
    store: createPlanStore({
      userDataDir: dir,
      createDefaultPlan: () => createSamplePlan('2026-11-27T00:00:00Z'),
    }),
    mode: 'preview',
    version: '0.1.0',
    userDataDir: dir,
    ...extra,
  };
}

const dispatcher = (ctx: HandlerContext) => createDispatcher(createHandlers(ctx), () => undefined);

describe('export:save in the preview', () => {
  it('writes into <userData>/exports and never overwrites: name (2).ext, name (3).ext', async () => {
    const handlers = exportHandlers(context());
    const save = handlers['export:save']!;
    const a = await save({ fileName: 'team.ics', content: 'A', encoding: 'utf8' });
    const b = await save({ fileName: 'team.ics', content: 'B', encoding: 'utf8' });
    const c = await save({ fileName: 'plan.rotaplan.json', content: '{}', encoding: 'utf8' });
    const d = await save({ fileName: 'plan.rotaplan.json', content: '{"x":1}', encoding: 'utf8' });
    const e = await save({ fileName: 'team.ics', content: 'C', encoding: 'utf8' });
    const exports = join(dir, 'exports');
    expect([a, b, c, d, e]).toEqual([
      { path: join(exports, 'team.ics') },
      { path: join(exports, 'team (2).ics') },
      { path: join(exports, 'plan.rotaplan.json') },
      { path: join(exports, 'plan (2).rotaplan.json') },
      { path: join(exports, 'team (3).ics') },
    ]);
    expect(await readFile(join(exports, 'team.ics'), 'utf8')).toBe('A');
    expect(await readFile(join(exports, 'team (2).ics'), 'utf8')).toBe('B');
    expect((await readdir(exports)).sort()).toEqual([
      'plan (2).rotaplan.json',
      'plan.rotaplan.json',
      'team (2).ics',
      'team (3).ics',
      'team.ics',
    ]);
  });

  it('decodes base64 bytes exactly and refuses content that is not base64', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]);
    const result = await dispatcher(context())('export:save', {
      fileName: 'r.pdf',
      content: bytes.toString('base64'),
      encoding: 'base64',
    });
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'exports', 'r.pdf') } });
    expect(await readFile(join(dir, 'exports', 'r.pdf'))).toEqual(bytes);
    const bad = await dispatcher(context())('export:save', {
      fileName: 'x.pdf',
      content: '%%%',
      encoding: 'base64',
    });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'bad-payload',
        message: 'The content of x.pdf is not valid base64; nothing was written.',
      },
    });
    expect(await readdir(join(dir, 'exports'))).toEqual(['r.pdf']);
  });

  it('refuses a file name with a folder in it before anything is written', async () => {
    const result = await dispatcher(context())('export:save', {
      fileName: '../evil.ics',
      content: 'x',
      encoding: 'utf8',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-payload');
    await expect(readdir(join(dir, 'exports'))).rejects.toThrow();
  });

  it('uses the exportDir preference when preferences.json names one, and tolerates a broken file', async () => {
    const custom = join(dir, 'my exports');
    await writeFile(join(dir, 'preferences.json'), JSON.stringify({ exportDir: custom }));
    expect(await exportFolder({ userDataDir: dir })).toBe(custom);
    const r = await exportHandlers(context())['export:save']!({
      fileName: 'a.csv',
      content: 'x',
      encoding: 'utf8',
    });
    expect(r).toEqual({ path: join(custom, 'a.csv') });
    await writeFile(join(dir, 'preferences.json'), '{ not json');
    expect(await exportFolder({ userDataDir: dir })).toBe(join(dir, 'exports'));
  });
});

describe('export:save in Electron', () => {
  it('asks through the save dialog starting in the export folder, writes the chosen path, null on cancel', async () => {
    const asked: Parameters<NativeDialogs['saveFile']>[0][] = [];
    let answer: string | null = join(dir, 'chosen.csv');
    const dialogs: NativeDialogs = {
      openFile: async () => null,
      chooseFolder: async () => null,
      saveFile: async (o) => {
        asked.push(o);
        return answer;
      },
    };
    await writeFile(join(dir, 'chosen.csv'), 'old');
    const save = exportHandlers(context({ mode: 'electron', dialogs }))['export:save']!;
    expect(await save({ fileName: 'load.csv', content: 'new', encoding: 'utf8' })).toEqual({
      path: join(dir, 'chosen.csv'),
    });
    expect(asked[0]).toEqual({
      title: 'Export',
      defaultPath: join(dir, 'exports', 'load.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(await readFile(join(dir, 'chosen.csv'), 'utf8')).toBe('new');
    answer = null;
    expect(await save({ fileName: 'load.csv', content: 'newer', encoding: 'utf8' })).toBeNull();
    expect(await readFile(join(dir, 'chosen.csv'), 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('export:pdf', () => {
  it('renders through ctx.renderPdf and saves the bytes', async () => {
    const seen: string[] = [];
    const renderPdf = async (html: string) => {
      seen.push(html);
      return new Uint8Array(Buffer.from('%PDF-1.7 fake'));
    };
    const r = await dispatcher(context({ renderPdf }))('export:pdf', {
      fileName: 'report.pdf',
      html: '<p>x</p>',
    });
    expect(r).toEqual({ ok: true, value: { path: join(dir, 'exports', 'report.pdf') } });
    expect(seen).toEqual(['<p>x</p>']);
    expect(await readFile(join(dir, 'exports', 'report.pdf'), 'latin1')).toBe('%PDF-1.7 fake');
  });

  it('without a renderer answers unsupported with a sentence; a failing renderer writes nothing', async () => {
    const r = await dispatcher(context())('export:pdf', { fileName: 'report.pdf', html: '<p>x</p>' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'unsupported',
        message:
          'PDF export is not available here: this shell has no PDF renderer. Export the HTML report and print it to PDF from a browser.',
      },
    });
    const failing = await dispatcher(
      context({
        renderPdf: async () => {
          throw new Error('the browser did not finish the PDF within 60 s');
        },
      }),
    )('export:pdf', { fileName: 'report.pdf', html: '<p>x</p>' });
    expect(failing).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: 'The PDF could not be made: the browser did not finish the PDF within 60 s',
      },
    });
    await expect(readdir(join(dir, 'exports'))).rejects.toThrow();
  });
});

describe('numberedName', () => {
  it.each([
    ['team.ics', 1, 'team.ics'],
    ['team.ics', 2, 'team (2).ics'],
    ['a.b.csv', 3, 'a.b (3).csv'],
    ['x.rotaplan.json', 2, 'x (2).rotaplan.json'],
    ['README', 2, 'README (2)'],
    ['.hidden', 2, '.hidden (2)'],
  ])('%s #%i is %s', (name, n, expected) => {
    expect(numberedName(name, n)).toBe(expected);
  });
});
