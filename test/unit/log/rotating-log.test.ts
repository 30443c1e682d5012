import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportMainErrors } from '../../../electron/log/report-errors';
import { createRotatingLog } from '../../../electron/log/rotating-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-log-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

const at = (iso: string) => () => new Date(iso);
const read = (name: string) => readFile(join(dir, name), 'utf8');

describe('the rotating main log', () => {
  it('appends one line per entry with time and level, and the error with its stack under it', async () => {
    const log = createRotatingLog({ dir, now: at('2027-03-01T10:00:00.000Z') });
    log.info('started');
    log.error('IPC plan:save failed unexpectedly', new TypeError('cannot read properties of undefined'));
    const text = await read('main.log');
    const lines = text.split('\n');
    expect(lines[0]).toBe('2027-03-01T10:00:00.000Z INFO started');
    expect(lines[1]).toBe('2027-03-01T10:00:00.000Z ERROR IPC plan:save failed unexpectedly');
    expect(lines[2]).toBe('  TypeError: cannot read properties of undefined');
    expect(lines[3]).toMatch(/^ {6}at /);
    expect(log.path).toBe(join(dir, 'main.log'));
  });

  it('rotates at the size limit and keeps three older files, dropping the oldest', async () => {
    const log = createRotatingLog({ dir, maxBytes: 100, keep: 3, now: at('2027-03-01T10:00:00.000Z') });
    // Each entry is 24 + 7 + 33 = 64 bytes with its newline: one per file at a 100-byte limit.
    const entry = (n: number) => `entry ${String(n).padStart(2, '0')} ${'x'.repeat(24)}`;
    for (let n = 1; n <= 6; n++) log.warn(entry(n));
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2', 'main.log.3']);
    const line = (n: number) => `2027-03-01T10:00:00.000Z WARN ${entry(n)}\n`;
    expect(Buffer.byteLength(line(1))).toBe(64);
    expect(await read('main.log')).toBe(line(6));
    expect(await read('main.log.1')).toBe(line(5));
    expect(await read('main.log.2')).toBe(line(4));
    expect(await read('main.log.3')).toBe(line(3));
  });

  it('fills a file up to the limit before rotating', async () => {
    const log = createRotatingLog({ dir, maxBytes: 1024 * 1024, now: at('2027-03-01T10:00:00.000Z') });
    const body = 'y'.repeat(1000);
    // 1,031 bytes an entry (30 of time and level, 1,000 of text, a newline): 1,017 fit in 1 MB (1,048,527 bytes
    // of 1,048,576), the 1,018th starts main.log afresh.
    for (let n = 0; n < 1018; n++) log.info(body);
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.log.1']);
    expect((await readFile(join(dir, 'main.log.1'))).length).toBe(1_048_527);
    expect((await readFile(join(dir, 'main.log'))).length).toBe(1031);
  });

  it('cuts a runaway entry and never throws when the folder cannot be written', async () => {
    const fallback: string[] = [];
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the log folder should be');
    const log = createRotatingLog({ dir: blocked, fallback: (line) => fallback.push(line) });
    expect(() => log.error('x'.repeat(50_000))).not.toThrow();
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toContain('(cut at 16000 characters)');
    expect(fallback[0]).toContain(`(could not write ${join(blocked, 'main.log')}:`);
  });
});

describe('main-process errors are logged and shown, not swallowed', () => {
  it('logs uncaught exceptions and unhandled rejections and tells the user where the details are', async () => {
    const source = new EventEmitter();
    const log = createRotatingLog({ dir, now: at('2027-03-01T10:00:00.000Z') });
    const shown: [string, string][] = [];
    let clock = 0;
    reportMainErrors(source, log, (title, message) => shown.push([title, message]), { now: () => clock });
    source.emit('uncaughtException', new Error('disk on fire'));
    clock = 1_000;
    source.emit('unhandledRejection', 'the backup folder vanished'); // within 5 s: logged, not shown again
    clock = 10_000;
    source.emit('unhandledRejection', new Error('second wave'));

    expect(shown).toEqual([
      [
        'Rotaplan hit an unexpected error',
        `Something went wrong in Rotaplan: disk on fire\n\nYour plan on disk is as last saved. Details were written to ${log.path}; please include that file if you report the problem.`,
      ],
      [
        'Rotaplan hit an unexpected error',
        `A background task failed: second wave\n\nYour plan on disk is as last saved. Details were written to ${log.path}; please include that file if you report the problem.`,
      ],
    ]);
    const text = await read('main.log');
    expect(text).toContain('ERROR uncaught exception in main\n  Error: disk on fire');
    expect(text).toContain('ERROR unhandled promise rejection in main\n  the backup folder vanished');
    expect(text).toContain('ERROR unhandled promise rejection in main\n  Error: second wave');
  });

  it('survives a dialog that cannot be shown', async () => {
    const source = new EventEmitter();
    const log = createRotatingLog({ dir, now: at('2027-03-01T10:00:00.000Z') });
    reportMainErrors(source, log, () => {
      throw new Error('no display');
    });
    expect(() => source.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(await read('main.log')).toContain('ERROR could not show an error dialog\n  Error: no display');
  });
});
