import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Plan, Scenario } from '../../../../shared/plan/schema';
import {
  compareAnalyses,
  type CompareMetricKey,
  type CompareRow,
} from '../../../../shared/scenarios/compare';
import type { PayComparison } from '../../../../shared/scenarios/compare-pay';
import { MemberChip } from '../../components/member-chip';
import { scenarioAsPlan } from '../../store/simulation-slice';
import type { AnalysisWindow } from '../../workers/analysis-client';
import { formatDelta, formatNumber, formatShare, kindLabel } from '../../components/fairness-format';
import { useAnalysis } from '../../hooks/use-analysis';
import { DirectionMark } from './direction-mark';
import { usePayComparison } from './use-pay-comparison';

type Column = { id: string; name: string };

/** How a number and its difference read in one row. */
type RowFormat = { value: (v: number) => string; delta: (d: number) => string };

const COUNT: RowFormat = { value: (v) => formatNumber(v), delta: (d) => formatDelta(d) };
const RATIO: RowFormat = { value: (v) => v.toFixed(3), delta: (d) => formatDelta(d, 3) };

/** Each headline metric's format: ratios to 3 decimals, hours to 1, shares in percent (differences in points). */
const METRIC_FORMAT: Record<CompareMetricKey, RowFormat> = {
  balance: RATIO,
  gini: RATIO,
  cv: RATIO,
  maxMinSpread: { value: (v) => formatNumber(v, 1), delta: (d) => formatDelta(d, 1) },
  maxOnCallShare: { value: formatShare, delta: (d) => `${formatDelta(d * 100, 1)} pp` },
  errors: COUNT,
  warnings: COUNT,
  flags: COUNT,
};

function Cells({ row, format }: { row: CompareRow; format: RowFormat }) {
  return (
    <>
      {row.values.map((v, i) => (
        <Table.Td key={i} ta="right" data-column={i}>
          <Group gap={8} justify="flex-end" wrap="nowrap">
            <Text size="sm">{v === null ? '—' : format.value(v)}</Text>
            {row.deltas[i] !== null && row.directions[i] && (
              <DirectionMark delta={row.deltas[i]!} direction={row.directions[i]!} format={format.delta} />
            )}
          </Group>
        </Table.Td>
      ))}
    </>
  );
}

const MONEY: RowFormat = { value: (v) => formatNumber(v, 2), delta: (d) => formatDelta(d, 2) };
const HOURS: RowFormat = { value: (v) => formatNumber(v, 1), delta: (d) => formatDelta(d, 1) };

/**
 * On-call pay per column by the plan's pay rules: the total and the hours paid (less is cheaper: green), then each
 * member's amount with its change in grey (more pay for one person is neither better nor worse).
 */
function PaySection({ pay, columns }: { pay: PayComparison; columns: Column[] }) {
  return (
    <Section title={`On-call pay (${pay.currency})`} columns={columns} label="Compared pay">
      <Table.Tr data-pay-row="total">
        <Table.Td>
          <Text size="sm" fw={600}>
            Total {pay.currency}
          </Text>
        </Table.Td>
        <Cells row={pay.total} format={MONEY} />
      </Table.Tr>
      <Table.Tr data-pay-row="hours">
        <Table.Td>
          <Text size="sm">Hours on call</Text>
        </Table.Td>
        <Cells row={pay.hours} format={HOURS} />
      </Table.Tr>
      {pay.members.map((m) => (
        <Table.Tr key={m.id} data-pay-member={m.id}>
          <Table.Td>
            <Text size="sm">{m.name}</Text>
          </Table.Td>
          {m.values.map((v, i) => (
            <Table.Td key={i} ta="right" data-column={i}>
              <Group gap={8} justify="flex-end" wrap="nowrap">
                <Text size="sm">{v === null ? '—' : MONEY.value(v)}</Text>
                {m.deltas[i] !== null && (
                  <Text size="xs" c="dimmed">
                    {MONEY.delta(m.deltas[i]!)}
                  </Text>
                )}
              </Group>
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </Section>
  );
}

function Section({
  title,
  columns,
  label,
  children,
}: {
  title: string;
  columns: Column[];
  label: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Table
        verticalSpacing={4}
        aria-label={label}
        data-testid={`compare-${label.toLowerCase().replace(/\s+/g, '-')}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {columns.map((c) => (
              <Table.Th key={c.id} ta="right">
                {c.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * The live plan beside one or two scenarios: headline metrics, flag counts by kind, on-call pay by the plan's pay
 * rules and weighted load per member (against fair share), each scenario with its difference to the live plan and
 * whether that is better or worse.
 */
export function CompareView({
  plan,
  scenarios,
  range,
}: {
  plan: Plan;
  scenarios: Scenario[];
  range: AnalysisWindow;
}) {
  const [first, second] = scenarios;
  const live = useAnalysis(plan, range);
  const a = useAnalysis(first ? scenarioAsPlan(plan, first) : null, range);
  const b = useAnalysis(second ? scenarioAsPlan(plan, second) : null, range);
  const views = [live, ...(first ? [a] : []), ...(second ? [b] : [])];
  const pay = usePayComparison(plan, scenarios, range);
  const failed = views.find((v) => v.error);
  if (failed) {
    return (
      <Text c="red.7" size="sm">
        The comparison could not be computed: {failed.error}
      </Text>
    );
  }
  if (views.some((v) => !v.analysis)) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Analysing the plans…
        </Text>
      </Group>
    );
  }
  const columns: Column[] = [
    { id: 'live', name: 'Live plan' },
    ...scenarios.slice(0, 2).map((s) => ({ id: s.id, name: s.name })),
  ];
  const comparison = compareAnalyses(views.map((v, i) => ({ ...columns[i]!, analysis: v.analysis! })));
  const colorOf = (id: string) =>
    [plan, ...scenarios.map((s) => s.body)].flatMap((p) => p.members).find((m) => m.id === id)?.color ??
    '#868e96';
  return (
    <Stack gap="md" data-testid="compare-view">
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Section title="Headline metrics" columns={columns} label="Compared metrics">
          {comparison.metrics.map((m) => (
            <Table.Tr key={m.key} data-metric={m.key}>
              <Table.Td>
                <Text size="sm">{m.label}</Text>
              </Table.Td>
              <Cells row={m} format={METRIC_FORMAT[m.key]} />
            </Table.Tr>
          ))}
        </Section>
        <Section title="Flags by kind" columns={columns} label="Compared flags">
          {comparison.flagKinds.map((k) => (
            <Table.Tr key={k.kind} data-flag-kind={k.kind}>
              <Table.Td>
                <Text size="sm">{kindLabel(k.kind)}</Text>
              </Table.Td>
              <Cells row={k} format={COUNT} />
            </Table.Tr>
          ))}
        </Section>
        {pay.status === 'ready' ? (
          <PaySection pay={pay.pay} columns={columns} />
        ) : (
          <Paper withBorder radius="md" p="md" data-testid="compare-pay-missing" data-state={pay.status}>
            <Title order={5} mb="xs">
              On-call pay
            </Title>
            {pay.status === 'pricing' ? (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  Pricing the plans…
                </Text>
              </Group>
            ) : pay.status === 'failed' ? (
              <Text size="sm" c="red.7">
                The cost could not be compared: {pay.message}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                This plan has no pay rules yet. Add them in the Pay view to compare what each scenario costs.
              </Text>
            )}
          </Paper>
        )}
      </SimpleGrid>
      <Section
        title="Weighted load per member (fair share below; closer to it is better)"
        columns={columns}
        label="Compared load"
      >
        {comparison.members.map((m) => (
          <Table.Tr key={m.id} data-member-id={m.id}>
            <Table.Td>
              <MemberChip member={{ name: m.name, color: colorOf(m.id) }} size="sm" />
            </Table.Td>
            {m.values.map((v, i) => (
              <Table.Td key={i} ta="right">
                <Group gap={8} justify="flex-end" wrap="nowrap">
                  <Stack gap={0} align="flex-end">
                    <Text size="sm">{v === null ? 'not in plan' : formatNumber(v, 1)}</Text>
                    {m.fairShares[i] !== null && (
                      <Text size="xs" c="dimmed">
                        fair {formatNumber(m.fairShares[i]!, 1)}
                      </Text>
                    )}
                  </Stack>
                  {m.deltas[i] !== null && m.directions[i] && (
                    <DirectionMark delta={m.deltas[i]!} direction={m.directions[i]!} digits={1} />
                  )}
                </Group>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Section>
      <Text size="xs" c="dimmed">
        Window {comparison.columns[0]?.from} to {comparison.columns[0]?.to}. Arrows show which way a number
        moved against the live plan; green is better, red is worse.
      </Text>
    </Stack>
  );
}
