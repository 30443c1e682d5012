import type { MenuCommand } from '../../../shared/ipc/events';
import { EXPORT_MENU_COMMANDS, MENU_LABELS } from '../../../shared/ipc/menu-labels';
import type { ViewId } from '../store/ui-slice';

/** The export formats of the in-app File ▸ Export menu, in the order and with the labels of the native menu. */
export const EXPORT_COMMANDS: readonly { command: MenuCommand; label: string }[] = EXPORT_MENU_COMMANDS.map(
  (command) => ({ command, label: MENU_LABELS[command] }),
);

/** The view each `view:*` command shows; Mod+1…8 follow this order (the navigation's). */
export const VIEW_COMMANDS: readonly { command: MenuCommand; view: ViewId }[] = [
  { command: 'view:team', view: 'team' },
  { command: 'view:pipelines', view: 'pipelines' },
  { command: 'view:ownership', view: 'ownership' },
  { command: 'view:calendar', view: 'calendar' },
  { command: 'view:fairness', view: 'fairness' },
  { command: 'view:optimize', view: 'optimize' },
  { command: 'view:operations', view: 'operations' },
  { command: 'view:export', view: 'export' },
];

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
