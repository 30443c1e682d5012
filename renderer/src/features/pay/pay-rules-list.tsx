import { Paper, Table, Text } from '@mantine/core';
import type { PayCondition, PayRules } from '../../../../shared/plan/schema';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A rule's condition in words ("Sat, Sun", "22:00–07:00", "public holiday"); "any time" when empty. */
export function describeCondition(when: PayCondition): string {
  const parts: string[] = [];
  if (when.weekdays) parts.push(when.weekdays.map((d) => WEEKDAYS[d - 1]).join(', '));
  if (when.from && when.to) parts.push(`${when.from}–${when.to}`);
  if (when.holiday !== undefined) parts.push(when.holiday ? 'public holiday' : 'not a public holiday');
  if (when.layers) parts.push(`layers ${when.layers.join(', ')}`);
  if (when.investorWeek !== undefined)
    parts.push(when.investorWeek ? 'investor week' : 'outside investor weeks');
  return parts.length > 0 ? parts.join(' · ') : 'any time';
}

/** The plan's pay rules, read-only, in the order they are tried (first match prices a minute). */
export function PayRulesList({ rules }: { rules: PayRules }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600} mb="xs">
        Rules, first match prices each minute (secondary layers × {rules.secondaryFactor ?? 1})
      </Text>
      <Table aria-label="Pay rules" data-testid="pay-rules">
        <Table.Tbody>
          {rules.rules.map((r) => (
            <Table.Tr key={`rule-${r.name}`}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{describeCondition(r.when)}</Table.Td>
              <Table.Td ta="right">
                {rules.currency} {r.hourly}/h
              </Table.Td>
            </Table.Tr>
          ))}
          {(rules.oneOff ?? []).map((o) => (
            <Table.Tr key={`one-off-${o.name}`}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>
                {o.from} – {o.to} (takes precedence)
              </Table.Td>
              <Table.Td ta="right">
                {rules.currency} {o.hourly}/h
              </Table.Td>
            </Table.Tr>
          ))}
          {(rules.allowances ?? []).map((a) => (
            <Table.Tr key={`allowance-${a.name}`}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>per {a.per === 'shift' ? 'shift' : 'local day on call'}</Table.Td>
              <Table.Td ta="right">
                {rules.currency} {a.amount}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
