import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc/events';
import { PreferencesDialog } from '../features/preferences/preferences-dialog';
import { usePreferences } from '../store/preferences-store';
import { useAppStore } from '../store/store';
import { AboutDialog } from './about-dialog';
import { onAppEvent, runCommand, useCommand, useNativeMenuCommands } from '../hooks/command-bus';
import { VIEW_COMMANDS } from './command-labels';

/** Whether the keyboard focus is in a text field, where Undo/Redo mean the field's text, not the plan. */
function editingText(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable ||
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox'))
  );
}

const run = (command: MenuCommand) => () => void runCommand(command);

// Shortcuts that also act while typing in a field (saving, switching view, opening files and dialogs).
const GLOBAL_KEYS: HotkeyItem[] = [
  ['mod+S', run('edit:save')],
  ['mod+shift+S', run('file:saveAs')],
  ['mod+O', run('file:open')],
  ['mod+N', run('file:new')],
  ['mod+I', run('file:import')],
  ['mod+P', run('file:export:pdf')],
  // Mantine matches the key's own name: ",", not "comma".
  ['mod+,', run('app:preferences')],
  ['F1', run('help:tour')],
  ...VIEW_COMMANDS.map((v, i): HotkeyItem => [`mod+${i + 1}`, run(v.command)]),
];
// Shortcuts that a text field keeps for itself (its own undo) or that would surprise while typing.
const PLAN_KEYS: HotkeyItem[] = [
  ['mod+Z', run('edit:undo')],
  ['mod+shift+Z', run('edit:redo')],
  ['mod+Y', run('edit:redo')],
  ['mod+T', run('calendar:today')],
  ['mod+shift+N', run('calendar:newShift')],
];

/**
 * Listens for `plan:switched` (main was handed another plan file: a second launch, a double-click, macOS
 * open-file): the pending save goes to the old file, then the new one opens. Called by the app shell before it
 * loads the plan, so the listener is there by the time main learns the window has a plan.
 */
export function usePlanSwitchEvents(): void {
  useEffect(
    () =>
      onAppEvent('plan:switched', ({ path }) => {
        void useAppStore
          .getState()
          .switchToFile(path)
          .then((outcome) => {
            if (!outcome.ok)
              notifications.show({
                color: 'red',
                title: 'The plan was not switched',
                message: outcome.message,
                autoClose: false,
              });
            else notifications.show({ color: 'green', title: 'Plan opened', message: path });
          });
      }),
    [],
  );
}

/**
 * The app-wide commands and their shortcuts: undo/redo of the plan, save, switching views, preferences and about,
 * and the native menu's clicks. One
 * command bus carries the native menu, the in-app File menu and the keyboard, so each reaches the same code.
 */
export function AppCommands() {
  const [dialog, setDialog] = useState<'about' | 'preferences' | null>(null);
  const loadPrefs = usePreferences((s) => s.load);
  const path = useAppStore((s) => s.path);
  // Again whenever another plan file opens: main has put it at the top of the recent files.
  useEffect(() => {
    void loadPrefs();
  }, [loadPrefs, path]);

  useNativeMenuCommands();

  // Undo/redo from the native Edit menu land here even while a text field has focus: give them to the field.
  useCommand('edit:undo', () =>
    editingText() ? document.execCommand('undo') : useAppStore.getState().undo(),
  );
  useCommand('edit:redo', () =>
    editingText() ? document.execCommand('redo') : useAppStore.getState().redo(),
  );
  useCommand('edit:save', () => void useAppStore.getState().saveNow());
  for (const v of VIEW_COMMANDS) {
    // The list is constant, so the hooks run in the same order on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useCommand(v.command, () => useAppStore.getState().setView(v.view));
  }
  useCommand('app:about', () => setDialog('about'));
  useCommand('app:preferences', () => setDialog('preferences'));

  useHotkeys(GLOBAL_KEYS, []);
  useHotkeys(PLAN_KEYS);

  if (dialog === 'about') return <AboutDialog onClose={() => setDialog(null)} />;
  if (dialog === 'preferences') return <PreferencesDialog onClose={() => setDialog(null)} />;
  return null;
}
