import type { MenuCommand } from '../../../shared/ipc/events';
import { EXPORT_MENU_COMMANDS, MENU_LABELS } from '../../../shared/ipc/menu-labels';
import { viewCommand, VIEWS, type ViewId } from '../../../shared/ipc/views';

/** The export formats of the in-app File ▸ Export menu, in the order and with the labels of the native menu. */
export const EXPORT_COMMANDS: readonly { command: MenuCommand; label: string }[] = EXPORT_MENU_COMMANDS.map(
  (command) => ({ command, label: MENU_LABELS[command] }),
);

/** The view each `view:*` command shows; Mod+1…9 follow this order (the navigation's). */
export const VIEW_COMMANDS: readonly { command: MenuCommand; view: ViewId }[] = VIEWS.map((v) => ({
  command: viewCommand(v.id),
  view: v.id,
}));

/** The shortcut shown beside a command, in the platform's notation (⌘ on a Mac, Ctrl elsewhere). */
export function shortcutLabel(keys: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
  return keys
    .split('+')
    .map((k) =>
      k === 'mod' ? (mac ? '⌘' : 'Ctrl') : k === 'shift' ? (mac ? '⇧' : 'Shift') : k.toUpperCase(),
    )
    .join(mac ? '' : '+');
}
