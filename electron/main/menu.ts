import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvents, MenuCommand } from '../../shared/ipc/events';
import { EXPORT_MENU_COMMANDS, MENU_LABELS } from '../../shared/ipc/menu-labels';
import { VIEW_COMMANDS } from '../../shared/ipc/views';

/** The platforms whose menu conventions differ (Electron's `process.platform` values). */
export type MenuPlatform = 'darwin' | 'win32' | 'linux';

export type MenuTemplateOptions = {
  platform: MenuPlatform;
  /** Plan files opened lately, newest first (preferences.recentFiles). */
  recentFiles: readonly string[];
  appName: string;
  /** Sends a click to the renderer as a `menu:command` event. */
  send: (payload: AppEvents['menu:command']) => void;
  /** Reload and developer tools appear only in development. */
  development?: boolean;
};

/** The export formats in the File ▸ Export submenu, in the order the Export view lists them. */
export const EXPORT_MENU_ITEMS: readonly { command: MenuCommand; label: string }[] = EXPORT_MENU_COMMANDS.map(
  (command) => ({ command, label: MENU_LABELS[command] }),
);

/** The views in navigation order; Cmd/Ctrl+1…9 follow it. */
export const VIEW_MENU_ITEMS: readonly { command: MenuCommand; label: string }[] = VIEW_COMMANDS.map(
  (command) => ({ command, label: MENU_LABELS[command] }),
);

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as a plain template, one per platform convention: on macOS the app menu comes first (About,
 * Preferences… ⌘,, Services, Hide, Quit) and a Window menu is added; on Windows and Linux Preferences sit under
 * File (Windows) or Edit (Linux), Quit/Exit closes File and About closes Help.
 * Why pure: the template is the whole behaviour of the menu, so a test can check every platform without Electron.
 * Every app item sends a MenuCommand to the renderer rather than acting in main: undo and redo belong to the plan's
 * history (the renderer's store), not to the web contents', and the renderer decides what a command means in the
 * view that is open.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, recentFiles, appName, send, development = false } = options;
  const mac = platform === 'darwin';
  const item = (
    command: MenuCommand,
    accelerator?: string,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({
    id: command,
    label: MENU_LABELS[command],
    ...(accelerator ? { accelerator } : {}),
    click: () => send({ command }),
    ...extra,
  });
  const preferences = item('app:preferences', 'CmdOrCtrl+,');

  const recent: MenuItemConstructorOptions[] =
    recentFiles.length === 0
      ? [{ label: 'No Recent Plans', enabled: false }]
      : recentFiles.map((path, index) => ({
          id: `file:openRecent:${index}`,
          label: basename(path),
          sublabel: path,
          toolTip: path,
          click: () => send({ command: 'file:openRecent', path }),
        }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('file:new', 'CmdOrCtrl+N'),
      item('file:open', 'CmdOrCtrl+O'),
      { label: MENU_LABELS['file:openRecent'], submenu: recent },
      separator,
      item('edit:save', 'CmdOrCtrl+S'),
      item('file:saveAs', 'Shift+CmdOrCtrl+S'),
      separator,
      item('file:import', 'CmdOrCtrl+I'),
      {
        label: 'Export',
        submenu: EXPORT_MENU_ITEMS.map((e) =>
          item(e.command, e.command === 'file:export:pdf' ? 'CmdOrCtrl+P' : undefined),
        ),
      },
      ...(mac
        ? [separator, { role: 'close' } as MenuItemConstructorOptions]
        : platform === 'win32'
          ? [
              separator,
              preferences,
              separator,
              { role: 'quit', label: 'E&xit' } as MenuItemConstructorOptions,
            ]
          : [
              separator,
              { role: 'quit', label: '&Quit', accelerator: 'Ctrl+Q' } as MenuItemConstructorOptions,
            ]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('edit:undo', 'CmdOrCtrl+Z'),
      item('edit:redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      item('calendar:newShift', 'Shift+CmdOrCtrl+N'),
      ...(platform === 'linux' ? [separator, preferences] : []),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEW_MENU_ITEMS.map((v, index) => item(v.command, `CmdOrCtrl+${index + 1}`)),
      separator,
      item('calendar:today', 'CmdOrCtrl+T'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(development
        ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
        : []),
    ] as MenuItemConstructorOptions[],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      item('help:tour'),
      ...(mac ? [] : [separator, item('app:about', undefined, { label: `&${MENU_LABELS['app:about']}` })]),
    ],
  };

  if (!mac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      // The native About panel (app.setAboutPanelOptions gives it the version and licences), as Mac apps do.
      { role: 'about', label: MENU_LABELS['app:about'] },
      separator,
      preferences,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu' }, help];
}
