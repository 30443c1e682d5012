import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import type { OptimizeResult } from '../../../../shared/optimize/optimize-plan';
import type { Plan } from '../../../../shared/plan/schema';
import { MemberBarChart, type MemberDatum } from '../../components/member-bar-chart';
import { formatGap, formatLoad, formatSeconds, maxDeviation, statusLabel } from './optimize-format';
import { ProposalDiff } from './proposal-diff';

/** Why there is no schedule: the explanation with the rules and dates that conflict, never a bare word. */
export function InfeasibleExplanation({ plan, result }: { plan: Plan; result: OptimizeResult }) {
  const name = (id: string | null) => (id ? (plan.members.find((m) => m.id === id)?.name ?? id) : null);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={
        result.status === 'timeout' ? 'No schedule within the time limit' : 'No schedule meets every rule'
      }
      data-testid="proposal-infeasible"
    >
      <Stack gap="xs">
        <Text size="sm">{result.explanation ?? 'The solver gave no reason.'}</Text>
        {result.conflicts && result.conflicts.length > 0 && (
          <List size="sm" spacing={2}>
            {result.conflicts.slice(0, 12).map((c, i) => (
              <List.Item key={i}>
                <b>{c.rule}</b> · {c.layerId} {c.start.slice(0, 10)} – {c.end.slice(0, 10)}
                {c.memberId ? ` · ${name(c.memberId)}` : ''}: {c.detail}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          Your plan was not changed.
        </Text>
      </Stack>
    </Alert>
  );
}

/** Per-member weighted load before and after, against fair share, each bar in the member's colour. */
function LoadBeforeAfter({ plan, result }: { plan: Plan; result: OptimizeResult }) {
  const data: MemberDatum[] = result.members.map((m) => {
    const member = plan.members.find((x) => x.id === m.id);
    return {
      member: member?.name ?? m.id,
      memberColor: member?.color ?? 'gray',
      Before: Math.round(m.weightedLoadBefore * 10) / 10,
      After: Math.round(m.weightedLoad * 10) / 10,
      'Fair share': Math.round(m.fairShare * 10) / 10,
    };
  });
  return (
    <MemberBarChart
      label="Weighted load per member before and after the proposal, against fair share"
      data={data}
      series={[
        { name: 'Before', opacity: 0.3 },
        { name: 'After', opacity: 1 },
        { name: 'Fair share', opacity: 1, neutral: true },
      ]}
      unit=" h"
      height={240}
    />
  );
}

/**
 * The proposal: headline numbers, the shifts that change, the load per member before and after, and "Apply" as
 * one undoable step. `stale` says the schedule changed since the solve started (the diff would lie).
 */
export function ProposalPanel({
  plan,
  result,
  stale,
  applied,
  onApply,
  onUndo,
}: {
  plan: Plan;
  result: OptimizeResult;
  stale: boolean;
  applied: boolean;
  onApply: () => void;
  onUndo: () => void;
}) {
  if (!result.proposal) return <InfeasibleExplanation plan={plan} result={result} />;
  // The team metric on both sides: the number the Fairness view shows for the same window, under the same name.
  const spreadBefore = result.fairnessBefore?.maxMinSpread ?? null;
  const spreadAfter = result.fairness?.maxMinSpread ?? null;
  return (
    <Stack gap="md" data-testid="proposal" data-status={result.status}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Status
          </Text>
          <Badge color={statusLabel(result).color} variant="light" tt="none" size="lg">
            {statusLabel(result).text}
          </Badge>
          <Text size="xs" c="dimmed" mt={4}>
            gap {formatGap(result.gap)} · {formatSeconds(result.elapsedMs)}
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Shifts that change
          </Text>
          <Text fw={700} size="xl" data-testid="proposal-change-count">
            {result.changedShifts}
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Max-min spread (weighted h)
          </Text>
          <Text fw={700} size="xl" data-testid="proposal-spread">
            {formatLoad(spreadBefore)} → {formatLoad(spreadAfter)}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Adjusted for time off, as in the Fairness view: “before” is its figure for the same window.
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Largest deviation from fair share
          </Text>
          <Text fw={700} size="xl">
            {formatLoad(maxDeviation(result))} h
          </Text>
        </Paper>
      </SimpleGrid>
      {result.violations.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title="This schedule breaks hard rules"
        >
          <List size="sm">
            {result.violations.slice(0, 8).map((v) => (
              <List.Item key={v}>{v}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="space-between">
        <Title order={5}>Changed shifts</Title>
        {applied ? (
          <Group gap="xs">
            <Badge color="green" variant="light" leftSection={<IconCheck size={12} />} tt="none">
              Applied — one step in the undo history
            </Badge>
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={onUndo}>
              Undo
            </Button>
          </Group>
        ) : (
          <Button
            size="xs"
            leftSection={<IconCheck size={14} />}
            disabled={stale || result.changedShifts === 0}
            onClick={onApply}
            data-testid="apply-proposal"
          >
            Apply proposal
          </Button>
        )}
      </Group>
      {stale && !applied && (
        <Text size="xs" c="orange.8">
          The schedule changed since this proposal was made; propose again to apply it.
        </Text>
      )}
      <ProposalDiff plan={plan} changes={result.proposal.changes} />
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="xs">
          Weighted load per member: before and after
        </Title>
        <LoadBeforeAfter plan={plan} result={result} />
      </Paper>
    </Stack>
  );
}
