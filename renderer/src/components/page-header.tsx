import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title row every view starts with: a title, one line on what the view is for, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="lg">
      <div>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="sm" maw={760}>
          {description}
        </Text>
      </div>
      {actions && (
        <Group gap="sm" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
