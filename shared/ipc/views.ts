/**
 * The app's views in navigation order, each with its id and the label the navigation and the View menu show.
 * Why one list here: the native View menu (main), the in-app navigation, the store's current view and the
 * Cmd/Ctrl+1…9 shortcuts (renderer) name the same views in the same order; the renderer's shell adds what each
 * view draws.
 */
export const VIEWS = [
  { id: 'team', label: 'Team' },
  { id: 'pipelines', label: 'Pipelines' },
  { id: 'ownership', label: 'Ownership' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'fairness', label: 'Fairness' },
  { id: 'pay', label: 'Pay' },
  { id: 'optimize', label: 'Optimise' },
  { id: 'operations', label: 'Operations' },
  { id: 'export', label: 'Export' },
] as const;

/** One view's id such as `calendar`. */
export type ViewId = (typeof VIEWS)[number]['id'];

/** The menu command that shows a view, such as `view:calendar`. */
export type ViewCommand = `view:${ViewId}`;

/** The command that shows `view`. */
export function viewCommand(view: ViewId): ViewCommand {
  return `view:${view}`;
}

/** The `view:*` commands in navigation order (the menu and the shortcuts number them in this order). */
export const VIEW_COMMANDS: readonly ViewCommand[] = VIEWS.map((v) => viewCommand(v.id));

/** Each `view:*` command's menu label: the view's own label. */
export const VIEW_COMMAND_LABELS = Object.fromEntries(
  VIEWS.map((v) => [viewCommand(v.id), v.label]),
) as Record<ViewCommand, string>;
