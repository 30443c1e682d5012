import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';

/** What a view whose issue has not landed shows: what it will do and which issue brings it. No fake data. */
export function NotYetView({ title, issue, purpose }: { title: string; issue: number; purpose: string }) {
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{title}</Title>
      <Alert variant="light" color="gray" icon={<IconHourglassHigh />} title="Not built yet">
        <Text size="sm">{purpose}</Text>
        <Text size="sm" mt="xs" c="dimmed">
          This view arrives with issue #{issue}. Your plan already holds this section; it is kept and saved as
          it is.
        </Text>
      </Alert>
    </Stack>
  );
}
