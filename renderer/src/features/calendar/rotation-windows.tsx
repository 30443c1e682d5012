import { ActionIcon, Button, Chip, Group, Stack, Text, Tooltip } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { RestrictionWindow } from '../../../../shared/plan/schema';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The restriction windows of one rotation: on which weekdays, from which local time, to which (empty: until the
 * next window of the layer starts, so regions meet exactly). No window: on call all the time.
 */
export function RotationWindows({
  windows,
  label,
  onAdd,
  onChange,
  onRemove,
}: {
  windows: readonly RestrictionWindow[];
  label: string;
  onAdd: () => void;
  onChange: (index: number, window: RestrictionWindow) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <Stack gap={6}>
      {windows.length === 0 && (
        <Text size="sm" c="dimmed">
          On call all the time. Add a window to restrict it to weekdays and hours.
        </Text>
      )}
      {windows.map((w, i) => {
        const name = `window ${i + 1} of ${label}`;
        return (
          <Stack
            key={i}
            gap={6}
            pl="sm"
            data-window={i}
            style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}
          >
            <Chip.Group
              multiple
              value={w.weekdays.map(String)}
              onChange={(days) => onChange(i, { ...w, weekdays: days.map(Number).sort((a, b) => a - b) })}
            >
              <Group gap={4} aria-label={`Weekdays of ${name}`} role="group">
                {DAYS.map((d, j) => (
                  <Chip key={d} value={String(j + 1)} size="xs" radius="sm">
                    {d}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TimeInput
                label="From"
                aria-label={`Start of ${name}`}
                w={130}
                value={w.start}
                onChange={(e) => onChange(i, { ...w, start: e.currentTarget.value })}
              />
              <TimeInput
                label="To"
                aria-label={`End of ${name}`}
                placeholder="Next window"
                w={130}
                value={w.end ?? ''}
                onChange={(e) => {
                  const { end: _old, ...rest } = w;
                  const end = e.currentTarget.value;
                  onChange(i, end ? { ...rest, end } : rest);
                }}
              />
              <Tooltip label="Remove window">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${name}`}
                  onClick={() => onRemove(i)}
                  mb={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Stack>
        );
      })}
      <Group>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAdd}>
          Add window
        </Button>
      </Group>
    </Stack>
  );
}
