import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

/**
 * Move up, move down and remove for one item of an ordered list, each labelled with the item for screen readers
 * and tests. The first item cannot move up and the last cannot move down, so those buttons are disabled.
 */
export function ReorderButtons({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (to: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Move up">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={() => onMove('up')}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${label} down`}
          disabled={index === count - 1}
          onClick={() => onMove('down')}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove">
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
