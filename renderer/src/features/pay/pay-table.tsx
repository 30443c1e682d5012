import { Paper, Table } from '@mantine/core';
import type { PayReport } from '../../../../shared/pay/pay-report';
import { formatMoney } from './format-money';

/**
 * Member × month amounts with a total per member (the CLI's per-member amount) and per month, and the grand total
 * (the CLI's `total`). Months are the members' local months, as in the payroll CSV.
 */
export function PayTable({ report }: { report: PayReport }) {
  const months = [...new Set(report.months.map((m) => m.month))].sort();
  const cell = (memberId: string, month: string) =>
    report.months.find((m) => m.memberId === memberId && m.month === month)?.amount ?? 0;
  const monthTotal = (month: string) =>
    report.months.filter((m) => m.month === month).reduce((s, m) => s + m.amount, 0);
  const money = (v: number) =>
    v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Paper withBorder radius="md">
      {/* A focusable region: twelve month columns scroll sideways, and keyboard users must reach them too. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Pay per member and month (scrolls sideways)"
        style={{ overflowX: 'auto' }}
      >
        <Table
          striped
          verticalSpacing="xs"
          miw={900}
          aria-label="Pay per member and month"
          data-testid="pay-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} ta="right">
                  {m}
                </Table.Th>
              ))}
              <Table.Th ta="right">Hours</Table.Th>
              <Table.Th ta="right">Total ({report.currency})</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.members.map((member) => (
              <Table.Tr key={member.id} data-member-id={member.id}>
                <Table.Td>{member.name}</Table.Td>
                {months.map((m) => (
                  <Table.Td key={m} ta="right">
                    {money(cell(member.id, m))}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{member.hours.toLocaleString('en-US')}</Table.Td>
                <Table.Td ta="right" fw={600} data-column="amount" data-amount={member.amount}>
                  {money(member.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} ta="right">
                  {money(monthTotal(m))}
                </Table.Th>
              ))}
              <Table.Th />
              <Table.Th ta="right" data-testid="pay-total" data-amount={report.total}>
                {formatMoney(report.total, report.currency)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
    </Paper>
  );
}
