import { Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { CellChange } from '../../../../shared/optimize/roster-to-shifts';
import type { Plan } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { formatSpan } from '../../components/wall-clock-format';

function Who({ plan, memberId }: { plan: Plan; memberId: string | null }) {
  const member = memberId ? plan.members.find((m) => m.id === memberId) : undefined;
  if (!member)
    return (
      <Text size="sm" c="dimmed">
        {memberId ?? 'nobody'}
      </Text>
    );
  return <MemberChip member={member} size="sm" />;
}

/** The proposal as a diff against the current schedule: one row per period and layer whose person changes. */
export function ProposalDiff({ plan, changes }: { plan: Plan; changes: CellChange[] }) {
  const zone = plan.rotation.timeZone;
  const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="proposal-no-changes">
        The current schedule is already this fair: nothing to change.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={380} type="auto">
      <Table striped withTableBorder stickyHeader data-testid="proposal-diff" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Layer</Table.Th>
            <Table.Th>Before → after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={`${c.layerId}-${c.start}`} data-testid="proposal-change">
              <Table.Td>
                <Text size="sm">{formatSpan(c.start, c.end, zone)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{layerName(c.layerId)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Who plan={plan} memberId={c.fromMemberId} />
                  <IconArrowRight size={14} aria-label="becomes" />
                  <Who plan={plan} memberId={c.toMemberId} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
