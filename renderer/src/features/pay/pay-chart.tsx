import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { PayReport } from '../../../../shared/pay/pay-report';
import type { Member } from '../../../../shared/plan/schema';

/** Cost per month, stacked by member in each member's own colour (each member's local month). */
export function PayChart({ report, members }: { report: PayReport; members: readonly Member[] }) {
  const months = [...new Set(report.months.map((m) => m.month))].sort();
  const data = months.map((month) => {
    const row: Record<string, string | number> = { month };
    for (const m of report.members) {
      row[m.name] = report.months.find((x) => x.memberId === m.id && x.month === month)?.amount ?? 0;
    }
    return row;
  });
  const colorOf = new Map(members.map((m) => [m.id, m.color]));
  return (
    <Paper withBorder radius="md" p="md" aria-label="Cost per month">
      <Text fw={600} mb="sm">
        Cost per month ({report.currency})
      </Text>
      <BarChart
        h={260}
        data={data}
        dataKey="month"
        type="stacked"
        withLegend
        series={report.members.map((m) => ({ name: m.name, color: colorOf.get(m.id) ?? 'gray.6' }))}
      />
    </Paper>
  );
}
