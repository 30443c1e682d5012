import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvents, MenuCommand } from '../../shared/ipc/events';

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
export const EXPORT_MENU_ITEMS: readonly { command: MenuCommand; label: string }[] = [
  { command: 'file:export:pdf', label: 'PDF Document…' },
  { command: 'file:export:html', label: 'HTML Document…' },
  { command: 'file:export:md', label: 'Markdown…' },
  { command: 'file:export:ics', label: 'Calendar (.ics)…' },
  { command: 'file:export:csv-shifts', label: 'Shifts (CSV)…' },
  { command: 'file:export:csv-load', label: 'Load per Member (CSV)…' },
  { command: 'file:export:csv-ownership', label: 'Ownership (CSV)…' },
  { command: 'file:export:json', label: 'Plan (JSON)…' },
];

/** The views in navigation order; Cmd/Ctrl+1…8 follow it. */
export const VIEW_MENU_ITEMS: readonly { command: MenuCommand; label: string }[] = [
  { command: 'view:team', label: 'Team' },
  { command: 'view:pipelines', label: 'Pipelines' },
  { command: 'view:ownership', label: 'Ownership' },
  { command: 'view:calendar', label: 'Calendar' },
  { command: 'view:fairness', label: 'Fairness' },
  { command: 'view:optimize', label: 'Optimise' },
  { command: 'view:operations', label: 'Operations' },
  { command: 'view:export', label: 'Export' },
];

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
    label: string,
    accelerator?: string,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send({ command }),
    ...extra,
  });
  const preferences = item('app:preferences', 'Preferences…', 'CmdOrCtrl+,');

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
      item('file:new', 'New Plan…', 'CmdOrCtrl+N'),
      item('file:open', 'Open…', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      separator,
      item('edit:save', 'Save', 'CmdOrCtrl+S'),
      item('file:saveAs', 'Save As…', 'Shift+CmdOrCtrl+S'),
      separator,
      item('file:import', 'Import Calendar…', 'CmdOrCtrl+I'),
      {
        label: 'Export',
        submenu: EXPORT_MENU_ITEMS.map((e) =>
          item(e.command, e.label, e.command === 'file:export:pdf' ? 'CmdOrCtrl+P' : undefined),
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
      item('edit:undo', 'Undo', 'CmdOrCtrl+Z'),
      item('edit:redo', 'Redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      item('calendar:newShift', 'New Shift', 'Shift+CmdOrCtrl+N'),
      ...(platform === 'linux' ? [separator, preferences] : []),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEW_MENU_ITEMS.map((v, index) => item(v.command, v.label, `CmdOrCtrl+${index + 1}`)),
      separator,
      item('calendar:today', 'Go to Today', 'CmdOrCtrl+T'),
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
      item('help:tour', 'Take the Tour'),
      ...(mac ? [] : [separator, item('app:about', `&About ${appName}`)]),
    ],
  };

  if (!mac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      // The native About panel (app.setAboutPanelOptions gives it the version and licences), as Mac apps do.
      { role: 'about', label: `About ${appName}` },
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
