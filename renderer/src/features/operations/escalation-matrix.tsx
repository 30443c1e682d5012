import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_ESCALATION_LEVELS } from '../../../../shared/plan/edits/operations-edits';
import { mentions } from '../../../../shared/plan/edits/pipeline-edits';
import type { EscalationLevel, Member } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { CommitTextarea } from '../../components/commit-on-blur-inputs';
import { ReorderButtons } from '../../components/reorder-buttons';
import { useApplyEdit } from '../../hooks/use-apply-edit';

type NewLevel = { who: string; when: string; responseTime: string };

const EMPTY: NewLevel = { who: '', when: '', responseTime: '' };

/**
 * The escalation matrix: levels 1..n (who, when to escalate, response time) edited in place, reordered and
 * renumbered by the domain; team members named in "who" are shown as their chips.
 */
export function EscalationMatrix({ levels, members }: { levels: EscalationLevel[]; members: Member[] }) {
  const apply = useApplyEdit();
  const [draft, setDraft] = useState<NewLevel>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const sorted = levels.slice().sort((a, b) => a.level - b.level);
  const full = sorted.length >= MAX_ESCALATION_LEVELS;

  const add = () => {
    if (draft.who.trim() === '') {
      setError('say who to contact at this level');
      return;
    }
    const refused = apply({
      kind: 'operations:addEscalation',
      level: { who: draft.who.trim(), when: draft.when.trim(), responseTime: draft.responseTime.trim() },
    });
    setError(refused);
    if (!refused) setDraft(EMPTY);
  };

  return (
    <Stack gap="sm">
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          No escalation levels yet — add who is called first, and who comes next when that does not help.
        </Text>
      ) : (
        <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label="Escalation matrix" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>Level</Table.Th>
              <Table.Th w="28%">Who</Table.Th>
              <Table.Th>When to escalate</Table.Th>
              <Table.Th w="20%">Response time</Table.Th>
              <Table.Th w={104} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((l, index) => {
              const named = members.filter((m) => mentions(l.who, m.name));
              return (
                <Table.Tr key={l.level} data-level={l.level} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Badge variant="light" size="lg" circle mt={4} aria-label={`Level ${l.level}`}>
                      {l.level}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <CommitTextarea
                      singleLine
                      aria-label={`Who at level ${l.level}`}
                      value={l.who}
                      onCommit={(who) =>
                        apply({ kind: 'operations:updateEscalation', level: l.level, fields: { who } })
                      }
                    />
                    {named.length > 0 && (
                      <Group gap={4} mt={4}>
                        {named.map((m) => (
                          <MemberChip key={m.id} member={m} size="sm" />
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CommitTextarea
                      singleLine
                      aria-label={`When to escalate to level ${l.level}`}
                      value={l.when}
                      onCommit={(when) =>
                        apply({ kind: 'operations:updateEscalation', level: l.level, fields: { when } })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <CommitTextarea
                      singleLine
                      aria-label={`Response time at level ${l.level}`}
                      value={l.responseTime}
                      onCommit={(responseTime) =>
                        apply({
                          kind: 'operations:updateEscalation',
                          level: l.level,
                          fields: { responseTime },
                        })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group mt={4} justify="flex-end">
                      <ReorderButtons
                        label={`level ${l.level}`}
                        index={index}
                        count={sorted.length}
                        onMove={(to) =>
                          apply({ kind: 'operations:moveEscalation', level: l.level, to }, 'Level not moved')
                        }
                        onRemove={() =>
                          apply({ kind: 'operations:removeEscalation', level: l.level }, 'Level not removed')
                        }
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {full ? (
        <Text size="sm" c="dimmed">
          The matrix holds {MAX_ESCALATION_LEVELS} levels, the most a plan keeps.
        </Text>
      ) : (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 3 }}
            aria-label="New level: who"
            placeholder={`Level ${sorted.length + 1}: who`}
            value={draft.who}
            error={error}
            onChange={(e) => {
              const who = e.currentTarget.value;
              setDraft((d) => ({ ...d, who }));
              setError(null);
            }}
          />
          <TextInput
            style={{ flex: 4 }}
            aria-label="New level: when"
            placeholder="When to escalate"
            value={draft.when}
            onChange={(e) => {
              const when = e.currentTarget.value;
              setDraft((d) => ({ ...d, when }));
            }}
          />
          <TextInput
            style={{ flex: 2 }}
            aria-label="New level: response time"
            placeholder="Response time"
            value={draft.responseTime}
            onChange={(e) => {
              const responseTime = e.currentTarget.value;
              setDraft((d) => ({ ...d, responseTime }));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
            Add level
          </Button>
        </Group>
      )}
    </Stack>
  );
}
