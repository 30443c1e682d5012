import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useAppStore } from '../store/store';

/** Saved / saving / failed, always visible in the top bar; a failure shows its reason. */
export function SaveState() {
  const status = useAppStore((s) => s.saveStatus);
  const error = useAppStore((s) => s.saveError);
  const path = useAppStore((s) => s.path);
  switch (status) {
    case 'saved':
      return (
        <Tooltip label={`Saved to ${path}`}>
          <Group gap={6} data-testid="save-state" data-status="saved">
            <IconCircleCheck size={16} color="var(--mantine-color-green-7)" />
            <Text size="sm" c="dimmed">
              Saved
            </Text>
          </Group>
        </Tooltip>
      );
    case 'pending':
    case 'saving':
      return (
        <Group gap={6} data-testid="save-state" data-status={status}>
          {status === 'saving' ? <Loader size={14} /> : <IconPencil size={16} />}
          <Text size="sm" c="dimmed">
            {status === 'saving' ? 'Saving…' : 'Unsaved changes'}
          </Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={6} data-testid="save-state" data-status="failed" maw={420} wrap="nowrap">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="red.7" lineClamp={2} title={error ?? ''}>
            Not saved: {error}
          </Text>
        </Group>
      );
  }
}
