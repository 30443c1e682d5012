import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { showValue } from '../../../../shared/git/plan-entities';
import type { MergeConflict, Plan } from '../../../../shared/plan/schema';
import { useAppStore } from '../../store/store';

/** A conflict's subject in the user's words: "Shift Jan 18 (Primary)", "Member Maya Chen", "Setting …". */
function subject(plan: Plan, c: MergeConflict): string {
  const id = c.entityId ?? '';
  switch (c.entity) {
    case 'shift': {
      const shift = plan.shifts.find((s) => s.id === id);
      const layer = plan.rotation.layers.find((l) => l.id === shift?.layerId)?.name;
      return shift ? `Shift ${id} (${layer ?? shift.layerId})` : `Shift ${id}`;
    }
    case 'member':
      return `Member ${plan.members.find((m) => m.id === id)?.name ?? id}`;
    case 'pipeline':
      return `Pipeline ${plan.pipelines.find((p) => p.id === id)?.name ?? id}`;
    case 'ownership':
      return `Ownership of ${plan.pipelines.find((p) => p.id === id)?.name ?? id}`;
    case 'layer':
      return `Layer ${id}`;
    case 'setting':
      return c.path === '' ? 'The whole plan' : `Setting ${c.path}`;
  }
}

/** A member id as their name, other values as short JSON. */
function shown(plan: Plan, value: unknown): string {
  if (typeof value === 'string') {
    const member = plan.members.find((m) => m.id === value);
    if (member) return member.name;
  }
  return showValue(value);
}

/**
 * The conflicts a git merge recorded in the plan, each resolved by keeping our value or taking theirs as one
 * undoable edit. Shown above every view while any are left, so a merged plan opens on them.
 */
export function MergeConflictsPanel() {
  const plan = useAppStore((s) => s.plan);
  const edit = useAppStore((s) => s.edit);
  const [refusal, setRefusal] = useState<string | null>(null);
  const conflicts = plan?.mergeConflicts ?? [];
  if (!plan || conflicts.length === 0) return null;
  const resolve = (conflictId: string, side: 'ours' | 'theirs') => {
    const result = edit({ kind: 'conflict:resolve', conflictId, side });
    setRefusal(result.ok ? null : result.reason);
  };
  return (
    <Alert
      mb="lg"
      variant="light"
      color="orange"
      icon={<IconGitMerge />}
      title={`${conflicts.length} merge conflict${conflicts.length === 1 ? '' : 's'} to resolve`}
      data-testid="merge-conflicts"
    >
      <Stack gap="xs">
        <Text size="sm">
          A git merge could not combine these changes. The plan keeps our value until you choose; each choice
          is one step you can undo.
        </Text>
        {conflicts.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" data-testid={`merge-conflict-${c.id}`}>
            <div>
              <Text size="sm" fw={600}>
                {subject(plan, c)}: {c.message}
              </Text>
              <Text size="xs" c="dimmed">
                <code>{c.path || '(plan)'}</code> ours {shown(plan, c.ours)}, theirs {shown(plan, c.theirs)}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => resolve(c.id, 'ours')}>
                Keep ours
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={c.path === ''}
                onClick={() => resolve(c.id, 'theirs')}
              >
                Take theirs
              </Button>
            </Group>
          </Group>
        ))}
        {refusal && (
          <Text size="sm" c="red" data-testid="merge-conflict-refusal">
            Not possible: {refusal}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
