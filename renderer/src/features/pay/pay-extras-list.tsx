import { Paper, Table, Text } from '@mantine/core';
import type { Layer, PayRules } from '../../../../shared/plan/schema';
import { describeCondition } from './describe-condition';

/**
 * The parts of the pay rules besides the default hourly rules: one-off periods (they take precedence), allowances
 * and member groups with their own rules. Null when the plan has none of them.
 */
export function PayExtrasList({ rules, layers }: { rules: PayRules; layers: readonly Layer[] }) {
  const oneOff = rules.oneOff ?? [];
  const allowances = rules.allowances ?? [];
  const groups = rules.groups ?? [];
  if (oneOff.length + allowances.length + groups.length === 0) return null;
  const layerName = (id: string) => layers.find((l) => l.id === id)?.name ?? id;
  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600} mb="xs">
        One-off periods, allowances and groups
      </Text>
      <Table aria-label="Pay periods, allowances and groups" data-testid="pay-extras">
        <Table.Tbody>
          {oneOff.map((o) => (
            <Table.Tr key={`one-off-${o.name}`}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>
                {o.from} – {o.to} (takes precedence over the hourly rules)
              </Table.Td>
              <Table.Td ta="right">
                {rules.currency} {o.hourly.toFixed(2)}/h
              </Table.Td>
            </Table.Tr>
          ))}
          {allowances.map((a) => (
            <Table.Tr key={`allowance-${a.name}`}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>per {a.per === 'shift' ? 'shift' : 'local day on call'}</Table.Td>
              <Table.Td ta="right">
                {rules.currency} {a.amount.toFixed(2)}
              </Table.Td>
            </Table.Tr>
          ))}
          {groups.map((g) => (
            <Table.Tr key={`group-${g.name}`}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td>
                {[...(g.memberIds ?? []), ...(g.countries ?? [])].join(', ')}: own rules —{' '}
                {g.rules
                  .map((r) => `${r.name} (${describeCondition(r.when, layerName)}) ${r.hourly.toFixed(2)}/h`)
                  .join('; ')}
              </Table.Td>
              <Table.Td ta="right">
                {g.secondaryFactor !== undefined ? `secondary × ${g.secondaryFactor}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
