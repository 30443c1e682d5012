import { Badge, Table, Text, Tooltip } from '@mantine/core';
import {
  OPTIMIZE_STRATEGIES,
  type OptimizeResult,
  type OptimizeStrategy,
} from '../../../../shared/optimize/optimize-plan';
import { formatGap, formatLoad, formatSeconds, maxDeviation, statusLabel } from './optimize-format';

/** How each strategy is called on screen, and what it is. */
export const STRATEGY_LABEL: Record<OptimizeStrategy, { name: string; hint: string }> = {
  optimal: { name: 'Optimal (HiGHS)', hint: 'The exact MILP: proven fairest rotation within the time limit' },
  'round-robin': { name: 'Round-robin', hint: 'Member order, as PagerDuty and GoAlert rotations do' },
  'least-recent': {
    name: 'Least recently on call',
    hint: 'Greedy: the person free and longest off call (LinkedIn oncall’s scheduler)',
  },
};

/** What a schedule pays on call, in the plan's currency. */
function formatMoney(cost: NonNullable<OptimizeResult['cost']>): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency }).format(cost.total);
}

/**
 * The three strategies side by side: status, objective, bound, gap, the fairness numbers and (with pay rules) the
 * on-call pay of each schedule.
 */
export function CompareTable({ results }: { results: OptimizeResult[] }) {
  const rank = (r: OptimizeResult) => OPTIMIZE_STRATEGIES.indexOf(r.strategy);
  const sorted = [...results].sort((a, b) => rank(a) - rank(b));
  // Plans with pay rules get a cost column: what each schedule pays on call over the window.
  const withCost = results.some((r) => r.cost);
  return (
    <Table striped withTableBorder data-testid="compare-table" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Strategy</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Objective</Table.Th>
          <Table.Th ta="right">Bound</Table.Th>
          <Table.Th ta="right">Gap</Table.Th>
          <Table.Th ta="right">Max-min spread</Table.Th>
          <Table.Th ta="right">Gini</Table.Th>
          <Table.Th ta="right">Max deviation</Table.Th>
          <Table.Th ta="right">Rule breaks</Table.Th>
          <Table.Th ta="right">Changes</Table.Th>
          {withCost && <Table.Th ta="right">Cost</Table.Th>}
          <Table.Th ta="right">Time</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((r) => (
          <Table.Tr key={r.strategy} data-strategy={r.strategy}>
            <Table.Td>
              <Tooltip label={STRATEGY_LABEL[r.strategy].hint} multiline w={260}>
                <Text size="sm" fw={600}>
                  {STRATEGY_LABEL[r.strategy].name}
                </Text>
              </Tooltip>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge
                color={statusLabel(r).color}
                variant="light"
                tt="none"
                data-status={r.status}
                styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
              >
                {statusLabel(r).text}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{formatLoad(r.objective)}</Table.Td>
            <Table.Td ta="right">{formatLoad(r.bound)}</Table.Td>
            <Table.Td ta="right">{formatGap(r.gap)}</Table.Td>
            <Table.Td ta="right">{r.fairness ? formatLoad(r.fairness.maxMinSpread) : '—'}</Table.Td>
            <Table.Td ta="right">{r.fairness ? r.fairness.gini.toFixed(4) : '—'}</Table.Td>
            <Table.Td ta="right">{r.members.length > 0 ? formatLoad(maxDeviation(r)) : '—'}</Table.Td>
            <Table.Td ta="right">
              {r.violations.length > 0 ? (
                <Tooltip label={r.violations.slice(0, 5).join('\n')} multiline w={360}>
                  <Text span c="orange.8" fw={600} size="sm">
                    {r.violations.length}
                  </Text>
                </Tooltip>
              ) : (
                '0'
              )}
            </Table.Td>
            <Table.Td ta="right">{r.changedShifts}</Table.Td>
            {withCost && (
              <Table.Td ta="right" data-testid="compare-cost">
                {r.cost ? formatMoney(r.cost) : '—'}
              </Table.Td>
            )}
            <Table.Td ta="right">{formatSeconds(r.elapsedMs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
