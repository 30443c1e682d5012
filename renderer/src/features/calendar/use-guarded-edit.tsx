import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBeach } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { applyEdit, type PlanEdit } from '../../../../shared/plan/edits';
import type { Plan } from '../../../../shared/plan/schema';
import type { EditTrial } from '../../store/plan-slice';
import { useAppStore } from '../../store/store';
import { formatSpan } from './calendar-format';
import { introducedTimeOffConflicts, type IntroducedConflict } from './time-off-guard';

/**
 * What to say when an edit lands (`success`, or `onApplied` given the plan before it, which then says it itself),
 * and what to undo on screen when it does not (a drag's `revert`).
 */
export type GuardedEditOptions = {
  success?: string;
  onApplied?: (before: Plan) => void;
  onNotApplied?: () => void;
};

/** The outcome of a guarded edit: applied, refused (with a notification), or waiting for the user's answer. */
export type GuardedEditOutcome = 'applied' | 'refused' | 'asking';

type Pending = {
  edit: PlanEdit;
  conflicts: IntroducedConflict[];
  options: GuardedEditOptions;
  trial: EditTrial;
};

/** Shows why an edit was refused; nothing was changed. */
export function notifyRefusal(reason: string) {
  notifications.show({ color: 'red', title: 'Not changed', message: reason, autoClose: 8000 });
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
 * Runs plan edits from the calendar: a refused edit is explained in a notification (and the drag reverted); an
 * edit that would put someone on call during their time off asks first in a modal; anything else is applied to the
 * store (validated, undoable, saved). Render `modal` once.
 */
export function useGuardedEdit(): {
  run: (edit: PlanEdit, options?: GuardedEditOptions) => GuardedEditOutcome;
  modal: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);

  const apply = useCallback(
    (edit: PlanEdit, options: GuardedEditOptions, trial: EditTrial): GuardedEditOutcome => {
      const result = useAppStore.getState().edit(edit, trial);
      if (!result.ok) {
        notifyRefusal(result.reason);
        options.onNotApplied?.();
        return 'refused';
      }
      if (options.onApplied) options.onApplied(trial.before);
      else notifyApplied(options.success);
      return 'applied';
    },
    [],
  );

  const run = useCallback(
    (edit: PlanEdit, options: GuardedEditOptions = {}): GuardedEditOutcome => {
      const plan = useAppStore.getState().plan;
      if (!plan) return 'refused';
      // A dry run on the pure domain tells whether the edit would be refused and whose time off it touches.
      const trial = applyEdit(plan, edit, plan.meta.updatedAt);
      if (!trial.ok) {
        notifyRefusal(trial.reason);
        options.onNotApplied?.();
        return 'refused';
      }
      const conflicts = introducedTimeOffConflicts(plan, trial.plan);
      // The store takes the dry run's result instead of applying the edit again (while the plan is unchanged).
      const done = { before: plan, after: trial.plan };
      if (conflicts.length > 0) {
        setPending({ edit, conflicts, options, trial: done });
        return 'asking';
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
