import type { IpcMain } from 'electron';
import { CHANNELS } from '../../../shared/ipc/channels';
import { registerIpc } from '../../../electron/main/register-ipc';
import { withShiftObjects } from '../../../shared/ipc/wire-shifts';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) };
  return { ipcMain: ipcMain as unknown as IpcMain, handlers };
}

describe('IPC registration in main', () => {
  it('registers exactly the channels of the contract', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, async () => ({ ok: true, value: null }), 'file://');
    expect([...handlers.keys()]).toEqual([...CHANNELS]);
  });

  it('sends a plan with its shifts as columns, which the renderer turns back into the same shifts', async () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, async () => ({ ok: true, value: { plan, path: '/p' } }), 'file://');
    const app = { senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } };
    const sent = (await handlers.get('plan:load')!(app, {})) as { ok: true; value: { plan: object } };
    expect(sent.value.plan).not.toHaveProperty('shifts');
    expect(sent.value.plan).toHaveProperty('shiftColumns');
    expect(withShiftObjects(sent.value)).toEqual({ plan, path: '/p' });
  });

  it('drops messages from untrusted senders before the dispatcher sees them', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const seen: string[] = [];
    registerIpc(
      ipcMain,
      async (channel) => {
        seen.push(channel);
        return { ok: true, value: 'ran' };
      },
      'file://',
    );
    const load = handlers.get('plan:load')!;
    const app = { senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } };
    const remote = { senderFrame: { url: 'https://attacker.example/', parent: null } };
    const subframe = { senderFrame: { url: 'file:///app/out/renderer/index.html', parent: {} } };
    const gone = { senderFrame: null };

    await expect(load(app, {})).resolves.toEqual({ ok: true, value: 'ran' });
    for (const event of [remote, subframe, gone]) {
      await expect(load(event, {})).resolves.toEqual({
        ok: false,
        error: { code: 'untrusted-sender', message: 'Refused plan:load from an untrusted sender.' },
      });
    }
    expect(seen).toEqual(['plan:load']);
  });
});
