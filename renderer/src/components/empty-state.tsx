import { Paper, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What a view shows when it has nothing yet: what is missing and what to do next. */
export function EmptyState({
  icon: IconComponent,
  title,
  children,
  action,
}: {
  icon: Icon;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs">
        <IconComponent size={36} color="var(--rp-icon-muted)" />
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          {children}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}
