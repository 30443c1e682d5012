import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBeach } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import type { EditTrial } from '../store/plan-slice';
import { useAppStore } from '../store/store';
import { formatSpan } from '../components/wall-clock-format';
import { introducedTimeOffConflicts, type IntroducedConflict } from '../../../shared/rotation/time-off-guard';

/**
 * How to run one edit. `success` is said when it lands (with the undo hint); `onNotApplied` undoes on screen what
 * did not land (a drag's `revert`); `refusalTitle` heads the notification that explains a refusal ("Not changed"
 * unless given; null when the caller shows the reason itself, under the field that caused it); `confirmTimeOff`
 * asks first when the edit would put someone on call during their time off.
 */
export type EditRunOptions = {
  success?: string;
  /** Says what the edit did itself, given the plan before it (instead of `success`). */
  onApplied?: (before: Plan) => void;
  onNotApplied?: () => void;
  refusalTitle?: string | null;
  confirmTimeOff?: boolean;
};

/** How an edit ended: applied, refused (and why), or waiting for the user's answer about time off. */
export type EditResult =
  { outcome: 'applied' } | { outcome: 'asking' } | { outcome: 'refused'; reason: string };

/** The calendar's options: what to say when an edit lands, and what to undo on screen when it does not. */
export type GuardedEditOptions = Pick<EditRunOptions, 'success' | 'onApplied' | 'onNotApplied'>;

/** The outcome of a guarded edit: applied, refused (with a notification), or waiting for the user's answer. */
export type GuardedEditOutcome = EditResult['outcome'];

type Pending = {
  edit: PlanEdit;
  conflicts: IntroducedConflict[];
  options: EditRunOptions;
  trial: EditTrial;
};

/** Shows why an edit was refused; nothing was changed. */
function notifyRefusal(title: string, reason: string) {
  notifications.show({ color: 'red', title, message: reason, autoClose: 8000 });
}

function notifyApplied(message: string | undefined) {
  if (message)
    notifications.show({ color: 'green', message: `${message} Ctrl+Z undoes it.`, autoClose: 3000 });
}

function ConfirmTimeOff({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: Pending | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const plan = useAppStore((s) => s.plan);
  if (!plan) return null;
  const zone = plan.rotation.timeZone;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const layer = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  const people = [...new Set(pending?.conflicts.map((c) => name(c.memberId)) ?? [])];
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title="This puts someone on call during their time off"
      data-testid="time-off-confirm"
    >
      <Stack gap="sm">
        <List spacing={6} size="sm" icon={<IconBeach size={16} color="var(--mantine-color-orange-7)" />}>
          {pending?.conflicts.map((c) => (
            <List.Item key={`${c.shift.id}-${c.timeOff.id}`}>
              <Text size="sm" span fw={600}>
                {name(c.memberId)}
              </Text>{' '}
              is away ({c.timeOff.kind}
              {c.timeOff.note ? `, ${c.timeOff.note}` : ''}) {c.timeOff.start} – {c.timeOff.end}; the change
              puts them on call in {layer(c.shift.layerId)} {formatSpan(c.start, c.end, zone)}.
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          Ask them first, or pick someone who is free (“Find a swap” in the side panel lists who is).
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="orange" onClick={onConfirm}>
            Put {people.join(' and ')} on call anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The one way a view changes the plan: the edit goes to the store (validated, undoable, saved); a refusal is
 * explained in a notification (unless the caller shows it under a field) and undone on screen; with
 * `confirmTimeOff`, an edit that would put someone on call during their time off asks first in a modal. Render
 * `modal` once where edits ask.
 */
export function useEditRunner(): {
  run: (edit: PlanEdit, options?: EditRunOptions) => EditResult;
  modal: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);

  const apply = useCallback((edit: PlanEdit, options: EditRunOptions, trial?: EditTrial): EditResult => {
    const before = trial?.before ?? useAppStore.getState().plan;
    const result = useAppStore.getState().edit(edit, trial);
    if (!result.ok) {
      refuse(result.reason, options);
      return { outcome: 'refused', reason: result.reason };
    }
    if (options.onApplied && before) options.onApplied(before);
    else notifyApplied(options.success);
    return { outcome: 'applied' };
  }, []);

  const run = useCallback(
    (edit: PlanEdit, options: EditRunOptions = {}): EditResult => {
      if (!options.confirmTimeOff) return apply(edit, options);
      const plan = useAppStore.getState().plan;
      if (!plan) return { outcome: 'refused', reason: 'No plan is open.' };
      // A dry run on the pure domain tells whether the edit would be refused and whose time off it touches.
      const { validator, holidays } = useAppStore.getState();
      const trial = applyEdit(plan, edit, plan.meta.updatedAt, validator, holidays ?? undefined);
      if (!trial.ok) {
        refuse(trial.reason, options);
        return { outcome: 'refused', reason: trial.reason };
      }
      const conflicts = introducedTimeOffConflicts(plan, trial.plan);
      // The store takes the dry run's result instead of applying the edit again (while the plan is unchanged).
      const done = { before: plan, after: trial.plan };
      if (conflicts.length > 0) {
        setPending({ edit, conflicts, options, trial: done });
        return { outcome: 'asking' };
      }
      return apply(edit, options, done);
    },
    [apply],
  );

  const modal = (
    <ConfirmTimeOff
      pending={pending}
      onConfirm={() => {
        if (pending) apply(pending.edit, pending.options, pending.trial);
        setPending(null);
      }}
      onCancel={() => {
        pending?.options.onNotApplied?.();
        setPending(null);
      }}
    />
  );
  return { run, modal };
}

function refuse(reason: string, options: EditRunOptions) {
  const title = options.refusalTitle === undefined ? 'Not changed' : options.refusalTitle;
  if (title !== null) notifyRefusal(title, reason);
  options.onNotApplied?.();
}

/**
 * The runner as the calendar uses it: a refusal is notified ("Not changed") and the drag reverted; time off is
 * confirmed first. Render `modal` once.
 */
export function useGuardedEdit(): {
  run: (edit: PlanEdit, options?: GuardedEditOptions) => GuardedEditOutcome;
  modal: ReactNode;
} {
  const { run, modal } = useEditRunner();
  const guarded = useCallback(
    (edit: PlanEdit, options: GuardedEditOptions = {}) =>
      run(edit, { ...options, confirmTimeOff: true }).outcome,
    [run],
  );
  return { run: guarded, modal };
}
