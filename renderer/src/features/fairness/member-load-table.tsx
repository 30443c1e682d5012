import { Paper, Table, Text, Tooltip } from '@mantine/core';
import type { Analysis } from '../../../../shared/fairness/analyze';
import type { Member } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { formatNumber, formatShare } from '../../components/fairness-format';

const COLUMNS = [
  ['onCallHours', 'On call h'],
  ['weekendHours', 'Weekend h'],
  ['holidayHours', 'Holiday h'],
  ['nightHours', 'Night h'],
  ['investorWeekHours', 'Investor-week h'],
] as const;

/**
 * Per-member breakdown of the load ledger: hours on call and of them weekend, public holiday (own region), night
 * (22:00-07:00 own zone) and investor-week hours; weighted load against fair share; shifts and share on call;
 * hours shadowing the on-call person as a learner, apart (they are not on call and weigh nothing).
 */
export function MemberLoadTable({ analysis, members }: { analysis: Analysis; members: Member[] }) {
  const colorOf = (id: string) => members.find((m) => m.id === id)?.color ?? '#868e96';
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={860}>
        <Table
          verticalSpacing="xs"
          horizontalSpacing="md"
          striped
          aria-label="Load per member"
          data-testid="member-load-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={170}>Member</Table.Th>
              {COLUMNS.map(([key, label]) => (
                <Table.Th key={key} ta="right">
                  {label}
                </Table.Th>
              ))}
              <Table.Th ta="right">Weighted</Table.Th>
              <Table.Th ta="right">Fair share</Table.Th>
              <Table.Th ta="right">Shifts</Table.Th>
              <Table.Th ta="right">On call</Table.Th>
              <Table.Th ta="right">Shadow h</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.members.map((m) => {
              const gap = m.weightedLoad - m.fairShare;
              return (
                <Table.Tr key={m.id} data-member-id={m.id}>
                  <Table.Td>
                    <MemberChip member={{ name: m.name, color: colorOf(m.id) }} size="sm" />
                  </Table.Td>
                  {COLUMNS.map(([key]) => (
                    <Table.Td key={key} ta="right" data-column={key}>
                      {formatNumber(m[key])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" data-column="weightedLoad" fw={600}>
                    {formatNumber(m.weightedLoad, 1)}
                  </Table.Td>
                  <Table.Td ta="right" data-column="fairShare">
                    <Tooltip
                      label={`Best possible split of whole shifts: ${formatNumber(m.fairShareRange.low, 1)} – ${formatNumber(m.fairShareRange.high, 1)}; available ${formatShare(m.availability)} of the window`}
                    >
                      <span>
                        {formatNumber(m.fairShare, 1)}{' '}
                        <Text
                          span
                          size="xs"
                          c={
                            Math.abs(gap) < 0.05
                              ? 'dimmed'
                              : gap > 0
                                ? 'var(--rp-text-over)'
                                : 'var(--rp-text-under)'
                          }
                        >
                          ({gap >= 0 ? '+' : '−'}
                          {formatNumber(Math.abs(gap), 1)})
                        </Text>
                      </span>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td ta="right" data-column="shiftCount">
                    {m.shiftCount}
                  </Table.Td>
                  <Table.Td ta="right" data-column="onCallShare">
                    {formatShare(m.onCallShare)}
                  </Table.Td>
                  <Table.Td ta="right" data-column="shadowHours" c={m.shadowHours > 0 ? undefined : 'dimmed'}>
                    {formatNumber(m.shadowHours)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
