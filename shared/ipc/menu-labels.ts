import type { MenuCommand } from './events';
import { VIEW_COMMAND_LABELS } from './views';

/**
 * The label of every menu command, as the native menu (electron/main/menu.ts) and the in-app File menu both show
 * it. Why one table: the two menus carry the same commands, so a command must read the same in both; Title Case,
 * with an ellipsis where the command asks something first, as macOS and Windows menus write them. Platform touches
 * (a Windows mnemonic `&`) are added by the native menu, not here.
 */
export const MENU_LABELS = {
  'file:new': 'New Plan…',
  'file:open': 'Open…',
  'file:openRecent': 'Open Recent',
  'file:saveAs': 'Save As…',
  'file:import': 'Import Calendar…',
  'file:export:md': 'Markdown…',
  'file:export:html': 'HTML Document…',
  'file:export:pdf': 'PDF Document…',
  'file:export:ics': 'Calendar (.ics)…',
  'file:export:csv-shifts': 'Shifts (CSV)…',
  'file:export:csv-load': 'Load per Member (CSV)…',
  'file:export:csv-ownership': 'Ownership (CSV)…',
  'file:export:json': 'Plan (JSON)…',
  'edit:undo': 'Undo',
  'edit:redo': 'Redo',
  'edit:save': 'Save',
  ...VIEW_COMMAND_LABELS,
  'calendar:today': 'Go to Today',
  'calendar:newShift': 'New Shift',
  'app:about': 'About Rotaplan',
  'app:preferences': 'Preferences…',
  'help:tour': 'Take the Tour',
} as const satisfies Record<MenuCommand, string>;

/**
 * The formats of the File ▸ Export submenu in the order the Export view lists them. Why here: the native and the
 * in-app submenu list them in the same order.
 */
export const EXPORT_MENU_COMMANDS = [
  'file:export:pdf',
  'file:export:html',
  'file:export:md',
  'file:export:ics',
  'file:export:csv-shifts',
  'file:export:csv-load',
  'file:export:csv-ownership',
  'file:export:json',
] as const satisfies readonly MenuCommand[];
