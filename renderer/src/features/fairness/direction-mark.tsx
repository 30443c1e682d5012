import { Group, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconEqual } from '@tabler/icons-react';
import type { Direction } from '../../../../shared/scenarios/compare';
import { formatDelta } from '../../components/fairness-format';

const COLOR: Record<Direction, string> = { better: 'teal.7', worse: 'red.7', same: 'dimmed' };

/**
 * A difference to the live plan: the arrow shows which way the number moved, the colour whether that is better
 * (green), worse (red) or no real change (grey) — a lower Gini moves down and is better.
 */
export function DirectionMark({
  delta,
  direction,
  digits = 0,
  format,
}: {
  delta: number;
  direction: Direction;
  digits?: number;
  /** Writes the difference (default: a signed number with `digits` decimals). */
  format?: (delta: number) => string;
}) {
  const Icon = delta === 0 ? IconEqual : delta > 0 ? IconArrowUpRight : IconArrowDownRight;
  const text = format ? format(delta) : formatDelta(delta, digits);
  return (
    <Group
      gap={2}
      wrap="nowrap"
      c={COLOR[direction]}
      data-direction={direction}
      aria-label={`${text}, ${direction}`}
    >
      <Icon size={14} />
      <Text size="xs" c={COLOR[direction]} fw={600}>
        {text}
      </Text>
    </Group>
  );
}
