import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { MEMBER_PALETTE } from '../../../../shared/plan/member-colors';
import { MemberChip } from '../../components/member-chip';
import {
  balancedOwnership,
  type DraftOwnership,
  type SetupDraft,
} from '../../../../shared/setup/setup-draft';

/** Step 4: primary and secondary owner of every pipeline, and its business stakeholder; starts from a balanced split. */
export function OwnershipStep({
  draft,
  onChange,
}: {
  draft: SetupDraft;
  onChange: (patch: Partial<SetupDraft>) => void;
}) {
  const people = draft.members.map((m, i) => ({
    value: m.key,
    label: m.name.trim() || `Member ${i + 1}`,
    // New members get the palette in order, so the chip here has the colour they will have in the plan.
    color: MEMBER_PALETTE[i % MEMBER_PALETTE.length]!,
  }));
  const row = (key: string): DraftOwnership =>
    draft.ownership[key] ?? { primary: null, secondary: null, stakeholder: '' };
  const update = (key: string, fields: Partial<DraftOwnership>) =>
    onChange({ ownership: { ...draft.ownership, [key]: { ...row(key), ...fields } } });
  const count = (memberKey: string, seat: 'primary' | 'secondary') =>
    draft.pipelines.filter((p) => row(p.key)[seat] === memberKey).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" size="sm" maw={720}>
          Each pipeline gets a primary owner (who knows it best) and a secondary owner (the backup), and a
          business stakeholder to tell when it breaks. The split below is balanced by criticality; change what
          you know better.
        </Text>
        <Button
          variant="light"
          leftSection={<IconScale size={16} />}
          onClick={() =>
            onChange({ ownership: balancedOwnership(draft.members, draft.pipelines, draft.ownership) })
          }
        >
          Suggest a balanced split
        </Button>
      </Group>
      <Table withTableBorder verticalSpacing="xs" aria-label="Ownership of each pipeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pipeline</Table.Th>
            <Table.Th>Primary owner</Table.Th>
            <Table.Th>Secondary owner</Table.Th>
            <Table.Th>Business stakeholder</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.pipelines.map((p, i) => {
            const name = p.name.trim() || `Pipeline ${i + 1}`;
            const r = row(p.key);
            return (
              <Table.Tr key={p.key}>
                <Table.Td fw={600}>{name}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Primary owner of ${name}`}
                    data={people}
                    allowDeselect={false}
                    value={r.primary}
                    onChange={(value) => update(p.key, { primary: value })}
                    error={r.primary === null ? 'Pick someone' : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Secondary owner of ${name}`}
                    data={people}
                    clearable
                    placeholder="Nobody"
                    value={r.secondary}
                    onChange={(value) => update(p.key, { secondary: value })}
                    error={
                      r.secondary !== null && r.secondary === r.primary
                        ? 'Same as the primary owner'
                        : undefined
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Business stakeholder of ${name}`}
                    placeholder="e.g. Finance — VP FP&A"
                    value={r.stakeholder}
                    onChange={(e) => update(p.key, { stakeholder: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group gap="lg" aria-label="Ownership per person">
        {people.map((person) => (
          <Group key={person.value} gap={6} wrap="nowrap">
            <MemberChip member={{ name: person.label, color: person.color }} size="sm" />
            <Text size="sm" c="dimmed">
              primary {count(person.value, 'primary')} · secondary {count(person.value, 'secondary')}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
