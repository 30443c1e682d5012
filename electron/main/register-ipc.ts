import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';
import { withShiftColumns } from '../../shared/ipc/wire-shifts';
import type { Dispatch } from '../handlers/dispatch';
import { isAppUrl } from './harden';

/**
 * Registers every channel of the contract on ipcMain. Messages from a frame that is not the app (another origin,
 * a subframe) are refused before the dispatcher validates the payload and runs the handler.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, appOrigin: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, appOrigin)) {
        return {
          ok: false,
          error: { code: 'untrusted-sender', message: `Refused ${channel} from an untrusted sender.` },
        };
      }
      const result = await dispatch(channel, payload);
      // Plans cross with their shifts as columns, as in the preview (see wire-shifts.ts): fewer objects to clone.
      return result.ok ? { ...result, value: withShiftColumns(result.value) } : result;
    });
  }
}
