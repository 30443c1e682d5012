import { ActionIcon, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBeach, IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { MemberRemovalStrategy } from '../../../../shared/plan/edits/member-edits';
import type { Member } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { MemberChip } from '../../components/member-chip';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { TimeOffDialog } from './time-off-dialog';
import { TimeOffOverview } from './time-off-overview';
import { ShadowsEditor } from './shadows-editor';
import { MemberForm } from '../../components/member-form-dialog';
import { newMember } from '../../../../shared/plan/new-member';
import { RemoveMemberDialog } from './remove-member-dialog';
import { offsetLabel } from '../../components/time-zone-options';
import { useHolidayRegions } from '../../hooks/use-holiday-regions';

type Editing = { mode: 'add' | 'edit'; member: Member } | null;

/** The Team view: every engineer on the rotation, with add, edit and remove. */
export function TeamView() {
  const plan = useAppStore((s) => s.plan);
  const edit = useAppStore((s) => s.edit);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [timeOffFor, setTimeOffFor] = useState<string | null>(null);
  const { countries } = useHolidayRegions();
  if (!plan) return null;

  const regionName = (region: Member['holidayRegion']) => {
    const country = countries.find((c) => c.code === region.country);
    const sub = country?.subdivisions.find((s) => s.code === region.subdivision);
    return { country: country?.name ?? region.country, subdivision: sub?.name ?? region.subdivision };
  };

  const pipelineName = (id: string) => plan.pipelines.find((p) => p.id === id)?.name ?? id;

  function submit(member: Member): string | null {
    const result =
      editing?.mode === 'add'
        ? edit({ kind: 'member:add', member })
        : edit({ kind: 'member:update', memberId: member.id, fields: member });
    if (!result.ok) return result.reason;
    setEditing(null);
    return null;
  }

  function remove(member: Member, strategy: MemberRemovalStrategy): string | null {
    const result = edit({ kind: 'member:remove', memberId: member.id, strategy });
    if (!result.ok) return result.reason;
    setRemoving(null);
    notifications.show({
      color: 'green',
      title: 'Removed',
      message: `${member.name} was removed. Undo brings them back.`,
    });
    return null;
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Team"
        description={`${plan.members.length} ${plan.members.length === 1 ? 'engineer shares' : 'engineers share'} the rotation. Time zones set the night hours; holiday regions set each person’s public holidays.`}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ mode: 'add', member: newMember(plan, crypto.randomUUID()) })}
          >
            Add member
          </Button>
        }
      />

      {plan.members.length === 0 ? (
        <EmptyState icon={IconUsers} title="No team members yet">
          Add the engineers who share on-call duty. Each gets a colour, a time zone and a holiday region.
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Team members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Time zone</Table.Th>
                <Table.Th>Holiday region</Table.Th>
                <Table.Th>Knows</Table.Th>
                <Table.Th>Time off</Table.Th>
                <Table.Th w={120} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.members.map((m) => (
                <Table.Tr key={m.id} data-member-id={m.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <MemberChip member={m} />
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.role || '—'}</Text>
                    <Text size="xs" c="dimmed" tt="capitalize">
                      {m.seniority}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.timeZone.replace(/_/g, ' ')}</Text>
                    <Text size="xs" c="dimmed">
                      {offsetLabel(m.timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.holidayRegion.country}
                      {m.holidayRegion.subdivision ? `-${m.holidayRegion.subdivision}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[regionName(m.holidayRegion).subdivision, regionName(m.holidayRegion).country]
                        .filter(Boolean)
                        .join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} maw={220}>
                      {m.skills.length === 0 ? 'No pipelines yet' : m.skills.map(pipelineName).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.timeOff.length === 0
                        ? 'None'
                        : `${m.timeOff.length} period${m.timeOff.length === 1 ? '' : 's'}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={`Edit ${m.name}`}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${m.name}`}
                          onClick={() => setEditing({ mode: 'edit', member: m })}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={`Time off for ${m.name}`}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Time off for ${m.name}`}
                          onClick={() => setTimeOffFor(m.id)}
                        >
                          <IconBeach size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={`Remove ${m.name}`}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${m.name}`}
                          onClick={() => setRemoving(m)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {plan.members.length > 0 && (
        <TimeOffOverview members={plan.members} onOpen={(m) => setTimeOffFor(m.id)} />
      )}
      {plan.members.length > 0 && <ShadowsEditor plan={plan} />}
      <TimeOffDialog
        member={plan.members.find((m) => m.id === timeOffFor) ?? null}
        defaultDate={plan.rotation.startDate}
        onClose={() => setTimeOffFor(null)}
      />

      {editing && (
        <MemberForm
          key={editing.member.id}
          opened
          title={editing.mode === 'add' ? 'Add team member' : `Edit ${editing.member.name}`}
          member={editing.member}
          pipelines={plan.pipelines}
          onClose={() => setEditing(null)}
          onSubmit={submit}
        />
      )}
      <RemoveMemberDialog
        plan={plan}
        member={removing}
        onCancel={() => setRemoving(null)}
        onConfirm={remove}
      />
    </Stack>
  );
}
