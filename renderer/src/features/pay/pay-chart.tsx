import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { PayReport } from '../../../../shared/pay/pay-report';

/** Cost per month, stacked by member (each member's local month). */
export function PayChart({ report }: { report: PayReport }) {
  const months = [...new Set(report.months.map((m) => m.month))].sort();
  const data = months.map((month) => {
    const row: Record<string, string | number> = { month };
    for (const m of report.members) {
      row[m.name] = report.months.find((x) => x.memberId === m.id && x.month === month)?.amount ?? 0;
    }
    return row;
  });
  const colors = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.6', 'indigo.6'];
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
        series={report.members.map((m, i) => ({ name: m.name, color: colors[i % colors.length]! }))}
      />
    </Paper>
  );
}
