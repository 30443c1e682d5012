import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { CHANNELS } from '../../../shared/ipc/channels';

const BUNDLE = 'out/preload/index.cjs';

describe('the built preload', () => {
  it('is one CommonJS file that requires nothing but electron (so it runs with sandbox: true)', () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build first`).toBe(true);
    const code = readFileSync(BUNDLE, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s/m);
  });

  it('exposes one named function per channel and nothing else', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: (channel: string, payload: unknown) => {
          invoked.push([channel, payload]);
          return Promise.resolve({ ok: true, value: channel });
        },
        on: (channel: string, fn: (e: unknown, p: unknown) => void) => listeners.set(channel, fn),
        removeListener: (channel: string) => listeners.delete(channel),
      },
      webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(BUNDLE, 'utf8'), {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
    });
    expect(Object.keys(exposed)).toEqual(['rotaplan', 'rotaplanDesktop']);
    const api = exposed.rotaplan as Record<string, Record<string, (p?: unknown) => Promise<unknown>>>;
    const names = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((v) => `${domain}:${v}`),
    );
    expect(names.sort()).toEqual([...CHANNELS].sort());
    await expect(api.plan!.open!({ path: '/tmp/a.rotaplan.json' })).resolves.toEqual({
      ok: true,
      value: 'plan:open',
    });
    await api.plan!.load!();
    expect(invoked).toEqual([
      ['plan:open', { path: '/tmp/a.rotaplan.json' }],
      ['plan:load', {}],
    ]);

    const desktop = exposed.rotaplanDesktop as {
      on: (event: string, fn: (p: unknown) => void) => () => void;
      pathForFile: (file: { name: string }) => string;
    };
    const heard: unknown[] = [];
    const off = desktop.on('menu:command', (p) => heard.push(p));
    listeners.get('menu:command')!({}, { command: 'file:open' });
    expect(heard).toEqual([{ command: 'file:open' }]);
    off();
    expect(listeners.has('menu:command')).toBe(false);
    expect(() => desktop.on('ipc:anything', () => {})).toThrow('unknown event ipc:anything');
    expect(desktop.pathForFile({ name: 'a.rotaplan.json' })).toBe('/dropped/a.rotaplan.json');
  });
});
