import { ActionIcon, Group, Paper, Select, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RotationDraftEdit } from '../../../../shared/plan/edits/rotation-draft-edits';
import type { LayerRotation, Member } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { ReorderButtons } from '../../components/reorder-buttons';
import { CadenceFields } from './cadence-fields';
import { RotationWindows } from './rotation-windows';

/** A labelled part of a rotation's card (members, cadence, dates, windows); more parts can be added as peers. */
function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * One rotation of a layer as a form: name, members in turn order, cadence, handoff time and zone, the dates it
 * runs, restriction windows and night duty. Every change is a draft edit handed to `onEdit`.
 */
export function RotationCard({
  rotation,
  members,
  zones,
  removable,
  onEdit,
}: {
  rotation: LayerRotation;
  members: readonly Member[];
  zones: { value: string; label: string }[];
  removable: boolean;
  onEdit: (edit: RotationDraftEdit) => void;
}) {
  const rotationId = rotation.id;
  const label = rotation.name.trim() || rotation.id;
  const byId = new Map(members.map((m) => [m.id, m]));
  const missing = members.filter((m) => !rotation.members.includes(m.id));
  // A zone the runtime lists under another name (Asia/Kolkata as Asia/Calcutta) still shows as chosen.
  const zoneOptions = zones.some((z) => z.value === rotation.timeZone)
    ? zones
    : [{ value: rotation.timeZone, label: rotation.timeZone.replace(/_/g, ' ') }, ...zones];
  return (
    <Paper withBorder radius="md" p="md" data-rotation={rotationId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <TextInput
            label="Rotation"
            aria-label={`Name of rotation ${rotationId}`}
            value={rotation.name}
            onChange={(e) => onEdit({ kind: 'rename', rotationId, name: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          {removable && (
            <Tooltip label="Remove rotation">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove rotation ${label}`}
                onClick={() => onEdit({ kind: 'remove-rotation', rotationId })}
                mb={4}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>

        <Part title="Members in turn order">
          {rotation.members.length === 0 && (
            <Text size="sm" c="red">
              Nobody yet: add a member.
            </Text>
          )}
          {rotation.members.map((id, i) => {
            const m = byId.get(id);
            const name = m?.name ?? id;
            return (
              <Group key={id} justify="space-between" wrap="nowrap" data-member={id}>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" w={16}>
                    {i + 1}
                  </Text>
                  {m ? <MemberChip member={m} size="sm" /> : <Text size="sm">{id}</Text>}
                </Group>
                <ReorderButtons
                  label={`${name} in ${label}`}
                  index={i}
                  count={rotation.members.length}
                  onMove={(to) =>
                    onEdit({ kind: 'move-member', rotationId, index: i, by: to === 'up' ? -1 : 1 })
                  }
                  onRemove={() => onEdit({ kind: 'remove-member', rotationId, index: i })}
                />
              </Group>
            );
          })}
          {missing.length > 0 && (
            <Select
              size="xs"
              placeholder="Add a member…"
              aria-label={`Add a member to ${label}`}
              data={missing.map((m) => ({ value: m.id, label: m.name }))}
              value={null}
              searchable
              onChange={(memberId) => memberId && onEdit({ kind: 'add-member', rotationId, memberId })}
            />
          )}
        </Part>

        <Part title="Cadence and handoff">
          <CadenceFields
            cadence={rotation.cadence}
            label={label}
            onChange={(cadence) => onEdit({ kind: 'set-cadence', rotationId, cadence })}
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TimeInput
              label="Handoff time"
              aria-label={`Handoff time of ${label}`}
              w={130}
              value={rotation.handoffTime}
              onChange={(e) => onEdit({ kind: 'set-handoff-time', rotationId, time: e.currentTarget.value })}
            />
            <Select
              label="Time zone"
              aria-label={`Time zone of ${label}`}
              searchable
              data={zoneOptions}
              w={260}
              allowDeselect={false}
              value={rotation.timeZone}
              onChange={(timeZone) => timeZone && onEdit({ kind: 'set-zone', rotationId, timeZone })}
            />
          </Group>
        </Part>

        <Part title="Runs">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <DateInput
              label="From"
              aria-label={`First date of ${label}`}
              placeholder="The plan's start"
              valueFormat="YYYY-MM-DD"
              clearable
              w={170}
              value={rotation.from ?? null}
              onChange={(from) =>
                onEdit({ kind: 'set-dates', rotationId, from, until: rotation.until ?? null })
              }
            />
            <DateInput
              label="Until"
              aria-label={`End date of ${label}`}
              placeholder="The plan's end"
              valueFormat="YYYY-MM-DD"
              clearable
              w={170}
              value={rotation.until ?? null}
              onChange={(until) =>
                onEdit({ kind: 'set-dates', rotationId, from: rotation.from ?? null, until })
              }
            />
          </Group>
        </Part>

        <Part title="On call">
          <RotationWindows
            windows={rotation.windows ?? []}
            label={label}
            onAdd={() =>
              onEdit({
                kind: 'add-window',
                rotationId,
                window: { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
              })
            }
            onChange={(index, window) => onEdit({ kind: 'set-window', rotationId, index, window })}
            onRemove={(index) => onEdit({ kind: 'remove-window', rotationId, index })}
          />
          <Switch
            label="Allow night duty (22:00–07:00 in a member's zone)"
            checked={rotation.allowNight === true}
            onChange={(e) => onEdit({ kind: 'set-allow-night', rotationId, allow: e.currentTarget.checked })}
          />
        </Part>
      </Stack>
    </Paper>
  );
}
