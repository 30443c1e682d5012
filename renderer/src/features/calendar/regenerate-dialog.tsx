import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Layer, Plan, Rotation } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { useAppStore } from '../../store/store';
import { timeZoneOptions } from '../../components/time-zone-options';
import { diffRows, previewRegeneration, regenerationEdit } from './rotation-draft';
import type { RunEdit } from './side-panel';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
  (label, i) => ({
    value: String(i + 1),
    label,
  }),
);

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;
const SHOWN_ROWS = 150;

function LayerOrder({
  plan,
  layer,
  onChange,
}: {
  plan: Plan;
  layer: Layer;
  onChange: (memberOrder: string[]) => void;
}) {
  const order = layer.memberOrder;
  const member = (id: string) => plan.members.find((m) => m.id === id);
  const missing = plan.members.filter((m) => !order.includes(m.id));
  const moveBy = (i: number, by: number) => {
    const next = [...order];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    onChange(next);
  };
  return (
    <Paper withBorder radius="sm" p="xs" data-layer-order={layer.id}>
      <Text size="sm" fw={600} mb={4}>
        {layer.name} order
      </Text>
      <Stack gap={4}>
        {order.map((id, i) => {
          const m = member(id);
          return (
            <Group key={`${id}-${i}`} gap={4} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed" w={14}>
                  {i + 1}
                </Text>
                {m ? <MemberChip member={m} size="sm" /> : <Text size="sm">{id}</Text>}
              </Group>
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  aria-label={`Move ${m?.name ?? id} up in ${layer.name}`}
                  disabled={i === 0}
                  onClick={() => moveBy(i, -1)}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  aria-label={`Move ${m?.name ?? id} down in ${layer.name}`}
                  disabled={i === order.length - 1}
                  onClick={() => moveBy(i, 1)}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${m?.name ?? id} from ${layer.name}`}
                  onClick={() => onChange(order.filter((_, j) => j !== i))}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
        {missing.length > 0 && (
          <Select
            size="xs"
            placeholder="Add a member…"
            aria-label={`Add a member to ${layer.name}`}
            data={missing.map((m) => ({ value: m.id, label: m.name }))}
            value={null}
            onChange={(id) => id && onChange([...order, id])}
          />
        )}
      </Stack>
    </Paper>
  );
}

/**
 * "Regenerate rotation": the rotation settings (member order per layer, shift length, handoff weekday and time,
 * time zone, start and end) with a live preview of what regeneration would add, remove and change, applied as one
 * undoable edit. Pinned and hand-made shifts are kept.
 */
export function RegenerateDialog({ plan, onClose, run }: { plan: Plan; onClose: () => void; run: RunEdit }) {
  const [draft, setDraft] = useState<Rotation>(plan.rotation);
  const [settled] = useDebouncedValue(draft, 200);
  const holidays = useAppStore((s) => s.holidays);
  const preview = useMemo(
    () => previewRegeneration(plan, settled, holidays ?? undefined),
    [plan, settled, holidays],
  );
  const rows = useMemo(
    () => (preview.ok ? diffRows(plan, preview.regeneration, preview.rotation) : []),
    [plan, preview],
  );
  const zones = useMemo(() => timeZoneOptions(), []);
  const set = (fields: Partial<Rotation>) => setDraft((d) => ({ ...d, ...fields }));
  const setLayer = (layerId: string, memberOrder: string[]) =>
    set({ layers: draft.layers.map((l) => (l.id === layerId ? { ...l, memberOrder } : l)) });
  const count = (change: 'added' | 'removed' | 'changed') => rows.filter((r) => r.change === change).length;
  const weekly = draft.shiftLengthDays % 7 === 0;
  const nothing = preview.ok && rows.length === 0 && !preview.settingsChanged;

  return (
    <Modal opened onClose={onClose} title="Regenerate rotation" size="xl" data-testid="regenerate-dialog">
      <Stack gap="md">
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label="Shift length"
            suffix={draft.shiftLengthDays === 1 ? ' day' : ' days'}
            min={1}
            max={28}
            value={draft.shiftLengthDays}
            onChange={(v) => typeof v === 'number' && set({ shiftLengthDays: v })}
          />
          <Select
            label="Handoff weekday"
            description={weekly ? undefined : 'Only for shifts of whole weeks'}
            data={WEEKDAYS}
            value={String(draft.handoff.weekday)}
            disabled={!weekly}
            allowDeselect={false}
            onChange={(v) => v && set({ handoff: { ...draft.handoff, weekday: Number(v) } })}
          />
          <TextInput
            label="Handoff time"
            type="time"
            value={draft.handoff.time}
            onChange={(e) => set({ handoff: { ...draft.handoff, time: e.currentTarget.value } })}
          />
          <Select
            label="Time zone"
            searchable
            data={zones}
            value={draft.timeZone}
            allowDeselect={false}
            onChange={(v) => v && set({ timeZone: v })}
          />
          <TextInput
            label="Start"
            type="date"
            value={draft.startDate}
            onChange={(e) => set({ startDate: e.currentTarget.value })}
          />
          <TextInput
            label="End"
            type="date"
            value={draft.endDate}
            onChange={(e) => set({ endDate: e.currentTarget.value })}
          />
        </SimpleGrid>
        <SimpleGrid cols={Math.min(draft.layers.length, 3)} spacing="sm">
          {draft.layers.map((layer) => (
            <LayerOrder
              key={layer.id}
              plan={plan}
              layer={layer}
              onChange={(order) => setLayer(layer.id, order)}
            />
          ))}
        </SimpleGrid>

        {!preview.ok ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle />}
            title="These settings cannot be used"
          >
            {preview.problems.map((p) => (
              <Text size="sm" key={p}>
                {p}
              </Text>
            ))}
          </Alert>
        ) : (
          <Stack gap="xs" data-testid="regenerate-diff">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                What would change
              </Text>
              <Badge color="green" variant="light">
                {count('added')} added
              </Badge>
              <Badge color="red" variant="light">
                {count('removed')} removed
              </Badge>
              <Badge color="blue" variant="light">
                {count('changed')} changed
              </Badge>
              <Badge color="gray" variant="light">
                {preview.kept} pinned or hand-made kept
              </Badge>
            </Group>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {preview.settingsChanged
                  ? 'The shifts stay exactly as they are; only the settings change.'
                  : 'The shifts already match these settings.'}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={260} type="auto">
                <Table striped withTableBorder fz="xs" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={84}>Change</Table.Th>
                      <Table.Th>Layer</Table.Th>
                      <Table.Th>When ({preview.rotation.timeZone})</Table.Th>
                      <Table.Th>Who</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.slice(0, SHOWN_ROWS).map((r) => (
                      <Table.Tr key={r.id} data-change={r.change}>
                        <Table.Td>
                          <Badge
                            size="xs"
                            variant="light"
                            tt="none"
                            style={{ overflow: 'visible' }}
                            color={CHANGE_COLOR[r.change]}
                          >
                            {r.change}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{r.layer}</Table.Td>
                        <Table.Td>{r.when}</Table.Td>
                        <Table.Td>{r.who}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {rows.length > SHOWN_ROWS && (
                  <Text size="xs" c="dimmed" mt={4}>
                    … and {rows.length - SHOWN_ROWS} more.
                  </Text>
                )}
              </ScrollArea.Autosize>
            )}
            {preview.regeneration.unresolved.length > 0 && (
              <Alert color="orange" variant="light" title="Nobody else was free for these stretches">
                {preview.regeneration.unresolved.slice(0, 6).map((u) => (
                  <Text size="xs" key={`${u.layerId}-${u.start}`}>
                    {u.message}
                  </Text>
                ))}
              </Alert>
            )}
          </Stack>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!preview.ok || nothing || settled !== draft}
            onClick={() => {
              if (!preview.ok) return;
              const outcome = run(regenerationEdit(preview), {
                success: `Rotation regenerated: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed.`,
              });
              if (outcome !== 'refused') onClose();
            }}
          >
            Apply changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
