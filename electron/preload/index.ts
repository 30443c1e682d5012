import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, splitChannel } from '../../shared/ipc/channels';

// One named function per channel (`window.rotaplan.plan.save(...)`), nothing else: never ipcRenderer itself,
// never process.env. Built as one CommonJS file so it runs with sandbox: true.
const api: Record<string, Record<string, (payload?: unknown) => Promise<unknown>>> = {};
for (const channel of CHANNELS) {
  const { domain, verb } = splitChannel(channel);
  api[domain] ??= {};
  api[domain][verb] = (payload?: unknown) => ipcRenderer.invoke(channel, payload ?? {});
}
contextBridge.exposeInMainWorld('rotaplan', api);
