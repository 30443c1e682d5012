import { Box, Paper, Progress, Stack, Text, Title, Group } from '@mantine/core';
import type { MemberOwnershipLoad } from '../../../../shared/ownership/ownership-load';
import {
  PRIMARY_OWNERSHIP_POINTS,
  SECONDARY_OWNERSHIP_FACTOR,
} from '../../../../shared/ownership/ownership-load';
import type { Member, Pipeline } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Per-member ownership load as bars in the member's colour against one shared scale, with the plan's limit drawn
 * as a line across every bar, so "who owns too much" reads at a glance. The points per criticality are spelled
 * out below, because a bar is only useful when its unit is known.
 */
export function OwnershipLoadBars({
  loads,
  members,
  pipelines,
  limit,
}: {
  loads: MemberOwnershipLoad[];
  members: Member[];
  pipelines: Pipeline[];
  limit: number;
}) {
  const scale = Math.max(limit * 1.25, ...loads.map((l) => l.load * 1.05), 1);
  const limitAt = (limit / scale) * 100;
  const name = (id: string) => pipelines.find((p) => p.id === id)?.name ?? id;
  const w = PRIMARY_OWNERSHIP_POINTS;
  return (
    <Paper withBorder radius="md" p="md" w={270} style={{ flexShrink: 0 }} data-testid="ownership-loads">
      <Stack gap="md">
        <div>
          <Title order={4}>Ownership load</Title>
          <Text size="xs" c="dimmed">
            Points per member; the line is the limit of {fmt(limit)}.
          </Text>
        </div>
        {loads.length === 0 && (
          <Text size="sm" c="dimmed">
            No team members yet — add them in Team.
          </Text>
        )}
        {loads.map((load) => {
          const member = members.find((m) => m.id === load.memberId);
          if (!member) return null;
          const owned = [
            ...load.primary.map((id) => name(id)),
            ...load.secondary.map((id) => `${name(id)} (2nd)`),
          ];
          return (
            <Stack key={load.memberId} gap={4} data-member-id={load.memberId}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <MemberChip member={member} size="sm" />
                <Text size="sm" fw={600} c={load.over ? 'red.7' : undefined}>
                  {fmt(load.load)} / {fmt(limit)}
                </Text>
              </Group>
              <Box pos="relative">
                <Progress.Root size="lg">
                  <Progress.Section
                    value={Math.min(100, (load.load / scale) * 100)}
                    color={member.color}
                    aria-label={`${member.name}'s ownership load`}
                    aria-valuetext={`${fmt(load.load)} of ${fmt(limit)} points`}
                  />
                </Progress.Root>
                <Box
                  aria-hidden
                  pos="absolute"
                  top={-3}
                  bottom={-3}
                  w={2}
                  bg="red.7"
                  style={{ left: `calc(${limitAt}% - 1px)`, borderRadius: 1 }}
                />
              </Box>
              <Text size="xs" c={load.over ? 'red.7' : 'dimmed'} lineClamp={2}>
                {load.over ? 'Above the limit · ' : ''}
                {owned.length > 0 ? owned.join(', ') : 'Owns no pipeline'}
              </Text>
            </Stack>
          );
        })}
        <Text size="xs" c="dimmed">
          Primary owner: critical {w.critical}, high {w.high}, medium {w.medium}, low {w.low} points; a
          secondary owner carries {SECONDARY_OWNERSHIP_FACTOR * 100} % of that.
        </Text>
      </Stack>
    </Paper>
  );
}
