import { Group, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { Plan, Shift } from '../../../../shared/plan/schema';
import { describeCover } from '../../../../shared/rotation/describe-cover';

/** Who the shift stands in for, rendered from its cover with today's names (nothing when it has none). */
export function CoverLine({ plan, shift }: { plan: Plan; shift: Shift }) {
  const words = describeCover(plan, shift);
  if (!words) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="shift-cover">
      <IconArrowsExchange
        size={14}
        style={{ flexShrink: 0, marginTop: 2 }}
        color="var(--mantine-color-dimmed)"
      />
      <Text size="xs">{words}</Text>
    </Group>
  );
}
