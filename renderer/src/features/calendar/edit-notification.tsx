import { Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Plan } from '../../../../shared/plan/schema';
import {
  consequenceHeadline,
  describeConsequence,
  editConsequences,
} from '../../../../shared/rotation/edit-consequences';
import { editRuleBreaks } from '../../../../shared/rotation/edit-rule-breaks';
import { useAppStore } from '../../store/store';
import { afterPaint } from './after-paint';

let counter = 0;

/**
 * The message after a calendar edit landed: every shift it changed (who, layer, old → new times) with an Undo
 * button, then the rules it newly breaks (checked once the drop has painted). Undo only takes back this edit:
 * after a later one it says to use Ctrl+Z.
 * Why: a drop or resize often changes someone else's shift too (the other side of a swap, the neighbour whose
 * handoff moved); the user must see all of it, with the new times, and be able to take it back at once.
 */
export function notifyEditConsequences(before: Plan, shiftId: string, verb: string): void {
  const after = useAppStore.getState().plan;
  if (!after) return;
  const zone = after.rotation.timeZone;
  const consequences = editConsequences(before, after);
  const id = `rp-edit-${++counter}`;
  const undo = () => {
    const state = useAppStore.getState();
    if (state.plan === after) state.undo();
    else
      notifications.show({
        color: 'gray',
        message: 'A later change came after this one: Ctrl+Z undoes the changes one at a time.',
      });
    notifications.hide(id);
  };
  const show = (breaks: string[]) => ({
    id,
    color: breaks.length > 0 ? 'orange' : 'green',
    title: `${verb}: ${consequenceHeadline(consequences, shiftId, zone)}`,
    autoClose: breaks.length > 0 ? 15_000 : 8000,
    message: (
      <Stack gap={6} data-testid="edit-consequences">
        <List size="xs" spacing={2}>
          {consequences.map((c) => (
            <List.Item key={c.shiftId}>{describeConsequence(c, zone)}</List.Item>
          ))}
        </List>
        {breaks.length > 0 && (
          <Stack gap={2} data-testid="edit-rule-breaks">
            <Text size="xs" fw={600} c="orange.8">
              This breaks {breaks.length === 1 ? 'a rule' : `${breaks.length} rules`}:
            </Text>
            {breaks.map((b) => (
              <Text key={b} size="xs" c="orange.9">
                {b}
              </Text>
            ))}
          </Stack>
        )}
        <Group justify="flex-end" gap="xs">
          <Text size="xs" c="dimmed">
            Ctrl+Z also undoes it
          </Text>
          <Button size="compact-xs" variant="light" onClick={undo}>
            Undo
          </Button>
        </Group>
      </Stack>
    ),
  });
  notifications.show(show([]));
  // The rule check reads the periods around the change; it runs once the drop has painted, then adds its warning.
  afterPaint(() => {
    const breaks = editRuleBreaks(before, after, consequences, useAppStore.getState().holidays?.clock);
    if (breaks.length > 0) notifications.update(show(breaks));
  });
}
