import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { useApplyEdit } from '../../hooks/use-apply-edit';

type Draft = { memberId: string | null; layerId: string | null; from: string; until: string };

/**
 * Learners who shadow a layer's on-call person: the pairings (member, layer, dates) with a remove button each, and
 * a form to add one. Each change is one undoable edit; it rebuilds only the shadow shifts, never who is on call.
 * Why on the team page: a pairing is about a person learning the rotation, next to their time off.
 */
export function ShadowsEditor({ plan }: { plan: Plan }) {
  const apply = useApplyEdit();
  const first = plan.rotation.layers[0]?.id ?? null;
  const [draft, setDraft] = useState<Draft>({ memberId: null, layerId: first, from: '', until: '' });
  const [error, setError] = useState<string | null>(null);
  const pairings = plan.rotation.layers.flatMap((layer) =>
    (layer.shadows ?? []).map((pairing) => ({ layer, pairing })),
  );
  const memberById = new Map(plan.members.map((m) => [m.id, m]));

  const add = () => {
    if (!draft.memberId || !draft.layerId || !draft.from || !draft.until) {
      setError('Pick the learner, the layer, the first day and the day the shadowing ends.');
      return;
    }
    const refused = apply(
      {
        kind: 'shadow:add',
        layerId: draft.layerId,
        memberId: draft.memberId,
        from: draft.from,
        until: draft.until,
      },
      'Shadow not added',
    );
    setError(refused);
    if (!refused) setDraft((d) => ({ ...d, memberId: null, from: '', until: '' }));
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="shadows-editor">
      <Stack gap="sm">
        <div>
          <Title order={4}>Shadows</Title>
          <Text size="sm" c="dimmed">
            A learner shadows whoever is on call on a layer for the turns that start from the first day until
            (not including) the last; their own time off and holidays are skipped. Shadows are never coverage.
          </Text>
        </div>
        {pairings.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is shadowing yet.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Shadow pairings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Learner</Table.Th>
                <Table.Th>Layer</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pairings.map(({ layer, pairing }) => {
                const member = memberById.get(pairing.memberId);
                const name = member?.name ?? pairing.memberId;
                return (
                  <Table.Tr key={`${layer.id}/${pairing.id}`} data-pairing-id={pairing.id}>
                    <Table.Td>{member ? <MemberChip member={member} size="sm" /> : name}</Table.Td>
                    <Table.Td>{layer.name}</Table.Td>
                    <Table.Td>{pairing.from}</Table.Td>
                    <Table.Td>{pairing.until}</Table.Td>
                    <Table.Td ta="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${name}'s shadowing on ${layer.name}`}
                        onClick={() =>
                          apply(
                            { kind: 'shadow:remove', layerId: layer.id, pairingId: pairing.id },
                            'Shadow not removed',
                          )
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {error && (
          <Alert color="red" variant="light" title="Shadow not added" data-testid="shadow-error">
            {error}
          </Alert>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Learner"
            placeholder="Member"
            data={plan.members.map((m) => ({ value: m.id, label: m.name }))}
            value={draft.memberId}
            onChange={(memberId) => setDraft((d) => ({ ...d, memberId }))}
            searchable
            w={200}
          />
          <Select
            label="Layer"
            data={plan.rotation.layers.map((l) => ({ value: l.id, label: l.name }))}
            value={draft.layerId}
            onChange={(layerId) => setDraft((d) => ({ ...d, layerId }))}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            type="date"
            label="From"
            value={draft.from}
            onChange={(e) => {
              const from = e.currentTarget.value;
              setDraft((d) => ({ ...d, from }));
            }}
          />
          <TextInput
            type="date"
            label="Until (not included)"
            value={draft.until}
            onChange={(e) => {
              const until = e.currentTarget.value;
              setDraft((d) => ({ ...d, until }));
            }}
          />
          <Button onClick={add}>Add shadow</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
