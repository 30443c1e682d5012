import { VIEW_COMMANDS } from './views';

/**
 * Every command a menu, a shortcut or the in-app File menu can ask the renderer to run. One list for the native
 * menu (Electron main), the in-app menu and the keyboard, so a command never exists in one and not the others.
 */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:openRecent',
  'file:saveAs',
  'file:import',
  'file:export:md',
  'file:export:html',
  'file:export:pdf',
  'file:export:ics',
  'file:export:csv-shifts',
  'file:export:csv-load',
  'file:export:csv-ownership',
  'file:export:json',
  'edit:undo',
  'edit:redo',
  'edit:save',
  ...VIEW_COMMANDS,
  'calendar:today',
  'calendar:newShift',
  'app:about',
  'app:preferences',
  'help:tour',
] as const;

/** One command id such as `file:open`. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Events main sends to the renderer (the only main → renderer traffic). `menu:command` carries a menu click
 * (with the file path for `file:openRecent`); `plan:switched` says main opened another file (a second launch, a
 * double-click, macOS open-file), so the renderer saves what it has and reloads.
 */
export type AppEvents = {
  'menu:command': { command: MenuCommand; path?: string };
  'plan:switched': { path: string };
};

/** An event name. */
export type AppEvent = keyof AppEvents;

/** Every event name, for the preload's allow-list. */
export const APP_EVENTS: readonly AppEvent[] = ['menu:command', 'plan:switched'];

/** Whether a string names a menu command (main checks before it forwards, the renderer before it runs one). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
