import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PublishRunResult, PublishTargetInfo } from '../../../../shared/ipc/contract';
import type { Member, Plan } from '../../../../shared/plan/schema';
import { api } from '../../api/api';

/** A member's id in the tool as the plan records it (`toolUserIds` on the member), or ''. */
function planUserId(member: Member, target: string): string {
  const ids = (member as Member & { toolUserIds?: Record<string, unknown> }).toolUserIds;
  const value = ids?.[target] ?? ids?.[target.replace(/^terraform-/, '')];
  return typeof value === 'string' ? value : '';
}

/**
 * Export ▸ Publish: pick a paging tool, map each member to the tool's user (where the tool needs ids), and publish —
 * main compiles the plan to the tool's files, expands them back by the tool's rules, and writes them into a new
 * folder under the export folder only when they page exactly the plan. The result shows the verification, the
 * counts, what went out as overrides, and the files written. The same work as `rotaplan publish`.
 */
export function PublishDialog({
  plan,
  opened,
  onClose,
}: {
  plan: Plan;
  opened: boolean;
  onClose: () => void;
}) {
  const [targets, setTargets] = useState<PublishTargetInfo[] | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [userIds, setUserIds] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened || targets) return;
    api.publish
      .targets({})
      .then((list) => {
        setTargets(list);
        setTargetId((current) => current ?? list[0]?.id ?? null);
      })
      .catch((e: unknown) => setError((e as Error).message));
  }, [opened, targets]);

  const target = targets?.find((t) => t.id === targetId) ?? null;
  const idOf = (m: Member) => userIds[m.id] ?? (target ? planUserId(m, target.id) : '');

  const publish = async (write: boolean) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const ids = Object.fromEntries(
        plan.members.map((m) => [m.id, idOf(m).trim()] as const).filter(([, id]) => id !== ''),
      );
      setResult(
        await api.publish.run({
          plan: plan as unknown as Record<string, unknown>,
          target: target.id,
          userIds: ids,
          write,
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Publish to a paging tool" size="lg" centered>
      <Stack gap="sm" data-testid="publish-dialog">
        <Text size="sm" c="dimmed">
          The regular rotations become the tool&apos;s rotation layers and only swaps, covers and hand-made
          shifts become overrides. The files are expanded back by the tool&apos;s own rules and written only
          when they page exactly the plan ({plan.rotation.startDate} to {plan.rotation.endDate}).
        </Text>
        <Select
          label="Paging tool"
          data={(targets ?? []).map((t) => ({ value: t.id, label: t.label }))}
          value={targetId}
          allowDeselect={false}
          onChange={(v) => {
            setTargetId(v);
            setResult(null);
          }}
        />
        {target?.needsUserIds ? (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>User id in the tool</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`User id of ${m.name}`}
                      placeholder="PXXXXXX"
                      value={idOf(m)}
                      onChange={(e) => setUserIds({ ...userIds, [m.id]: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          target && <Text size="sm">Users are looked up in the tool by their e-mail: no ids needed.</Text>
        )}
        {error && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title="Not published"
            data-testid="publish-error"
          >
            {error}
          </Alert>
        )}
        {result && (
          <Alert
            color={result.verified ? 'green' : 'red'}
            icon={result.verified ? <IconCircleCheck size={18} /> : <IconAlertCircle size={18} />}
            title={
              result.verified
                ? 'Verified: the tool pages exactly the plan (0 differing minutes)'
                : `Not verified: ${result.differingMinutes} minutes differ from the plan`
            }
            data-testid="publish-result"
          >
            <Stack gap={4}>
              <Text size="sm">
                {result.schedules} schedules, {result.layers} rotation layers, {result.overrides} overrides.
              </Text>
              {result.differences.length > 0 && (
                <List size="sm">
                  {result.differences.map((d) => (
                    <List.Item key={d}>{d}</List.Item>
                  ))}
                </List>
              )}
              {result.notes.map((n) => (
                <Text key={n} size="sm">
                  {n}
                </Text>
              ))}
              {result.folder ? (
                <Text size="sm" data-testid="publish-folder">
                  Written to <Code>{result.folder}</Code>: {result.files.join(', ')}
                </Text>
              ) : (
                <Text size="sm">Nothing was written.</Text>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void publish(false)} loading={busy} disabled={!target}>
            Verify only
          </Button>
          <Button
            onClick={() => void publish(true)}
            loading={busy}
            disabled={!target}
            data-testid="publish-write"
          >
            Verify and write files
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
