import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, splitChannel } from '../../shared/ipc/channels';
import { APP_EVENTS } from '../../shared/ipc/events';

// One named function per channel (`window.rotaplan.plan.save(...)`), nothing else: never ipcRenderer itself,
// never process.env. Built as one CommonJS file so it runs with sandbox: true.
const api: Record<string, Record<string, (payload?: unknown) => Promise<unknown>>> = {};
for (const channel of CHANNELS) {
  const { domain, verb } = splitChannel(channel);
  api[domain] ??= {};
  api[domain][verb] = (payload?: unknown) => ipcRenderer.invoke(channel, payload ?? {});
}
contextBridge.exposeInMainWorld('rotaplan', api);

// Main → renderer events (menu clicks, a file switch) on an allow-list, and the path of a dropped file.
contextBridge.exposeInMainWorld('rotaplanDesktop', {
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!(APP_EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
});
