import type { BaseWindow, Dialog } from 'electron';
import type { NativeDialogs } from '../handlers/context';

/**
 * NativeDialogs over Electron's `dialog`, parented to the app window so each dialog is modal to it (a sheet on
 * macOS) rather than a free-floating window the user can lose behind the app. `window()` is read at call time
 * because the window is created after the handlers.
 */
export function createNativeDialogs(dialog: Dialog, window: () => BaseWindow | null): NativeDialogs {
  return {
    async openFile({ title, filters }) {
      const parent = window();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultPath, filters }) {
      const parent = window();
      const options = { title, defaultPath, filters, properties: ['showOverwriteConfirmation' as const] };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title, defaultPath }) {
      const parent = window();
      // createDirectory: macOS offers "New Folder" only when asked; elsewhere the dialog has it anyway.
      const options = {
        title,
        ...(defaultPath ? { defaultPath } : {}),
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
