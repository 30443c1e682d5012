import type { MenuCommand } from '../../../shared/ipc/events';
import type { ViewId } from '../store/ui-slice';

/** The export formats of the in-app File ▸ Export menu, in the order of the native menu (electron/main/menu.ts). */
export const EXPORT_COMMANDS: readonly { command: MenuCommand; label: string }[] = [
  { command: 'file:export:pdf', label: 'PDF document' },
  { command: 'file:export:html', label: 'HTML document' },
  { command: 'file:export:md', label: 'Markdown' },
  { command: 'file:export:ics', label: 'Calendar (.ics)' },
  { command: 'file:export:csv-shifts', label: 'Shifts (CSV)' },
  { command: 'file:export:csv-load', label: 'Load per member (CSV)' },
  { command: 'file:export:csv-ownership', label: 'Ownership (CSV)' },
  { command: 'file:export:json', label: 'Plan (JSON)' },
];

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
