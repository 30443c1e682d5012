import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconGripVertical, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PayEdit } from '../../../../shared/plan/edits/pay-edits';
import type { Layer, PayRule, PayRules } from '../../../../shared/plan/schema';
import { ReorderButtons } from '../../components/reorder-buttons';
import { describeCondition } from './describe-condition';
import { PayRuleDialog } from './pay-rule-dialog';

/** Runs a pay edit; returns the refusal's reason, or null when it landed. */
export type RunPayEdit = (edit: PayEdit, success: string) => string | null;

function RuleRow({
  rule,
  index,
  count,
  currency,
  layerName,
  onEdit,
  onMove,
  onRemove,
}: {
  rule: PayRule;
  index: number;
  count: number;
  currency: string;
  layerName: (id: string) => string;
  onEdit: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: rule.name,
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      px="sm"
      py={6}
      data-testid="pay-rule-row"
      data-rule={rule.name}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.85 : 1,
        zIndex: isDragging ? 2 : undefined,
        position: 'relative',
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Drag ${rule.name} to reorder (Space, arrows, Space)`}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <Text size="sm" c="dimmed" w={20} ta="right">
          {index + 1}.
        </Text>
        <Text size="sm" fw={600} w={140} truncate="end" title={rule.name}>
          {rule.name}
        </Text>
        <Text size="sm" style={{ flex: 1 }}>
          {describeCondition(rule.when, layerName)}
        </Text>
        <Text size="sm" fw={600} ta="right" w={110} data-column="hourly">
          {currency} {rule.hourly.toFixed(2)}/h
        </Text>
        <Tooltip label="Change">
          <ActionIcon variant="subtle" color="gray" aria-label={`Change ${rule.name}`} onClick={onEdit}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
        <ReorderButtons
          label={rule.name}
          index={index}
          count={count}
          onMove={(to) => onMove(to === 'up' ? index - 1 : index + 1)}
          onRemove={onRemove}
        />
      </Group>
    </Paper>
  );
}

/**
 * The default tariff's ordered hourly rules, editable: drag a row (or its handle with Space and the arrow keys, or
 * the move buttons) to change the order — the first rule that matches prices a minute —, change or add a rule in a
 * dialog, remove one; the currency and the secondary layers' factor sit above. Every change is one undoable edit.
 */
export function PayRulesEditor({
  rules,
  layers,
  run,
}: {
  rules: PayRules;
  layers: readonly Layer[];
  run: RunPayEdit;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const [dialog, setDialog] = useState<{ index: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const layerName = (id: string) => layers.find((l) => l.id === id)?.name ?? id;
  const editing = dialog?.index !== null && dialog ? (rules.rules[dialog.index ?? -1] ?? null) : null;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rules.rules.findIndex((r) => r.name === active.id);
    const to = rules.rules.findIndex((r) => r.name === over.id);
    if (from >= 0 && to >= 0)
      run({ kind: 'pay:moveRule', from, to }, `Moved "${String(active.id)}" to ${to + 1}.`);
  };

  const save = (rule: PayRule) => {
    const index = dialog?.index ?? null;
    const reason =
      index === null
        ? run(
            { kind: 'pay:addRule', rule, at: Math.max(0, rules.rules.length - 1) },
            `Added the rule "${rule.name}".`,
          )
        : run({ kind: 'pay:updateRule', index, rule }, `Changed the rule "${rule.name}".`);
    if (reason === null) {
      setDialog(null);
      setError(null);
    } else setError(reason);
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="pay-rules-editor">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 320px' }}>
            <Text fw={600}>Hourly rules</Text>
            <Text size="sm" c="dimmed">
              Tried from the top: the first rule that matches prices each minute on call, in the member&apos;s
              own time zone.
            </Text>
          </div>
          <Group gap="sm" align="flex-end">
            <TextInput
              label="Currency"
              w={90}
              defaultValue={rules.currency}
              key={`currency-${rules.currency}`}
              maxLength={3}
              onBlur={(e) => {
                const value = e.currentTarget.value.trim().toUpperCase();
                if (value !== rules.currency)
                  run({ kind: 'pay:settings', currency: value }, `Currency is ${value}.`);
              }}
            />
            <NumberInput
              label="Secondary factor"
              w={150}
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              defaultValue={rules.secondaryFactor ?? 1}
              key={`factor-${rules.secondaryFactor ?? 1}`}
              onBlur={(e) => {
                const value = Number(e.currentTarget.value);
                if (value !== (rules.secondaryFactor ?? 1))
                  run({ kind: 'pay:settings', secondaryFactor: value }, `Secondary layers pay × ${value}.`);
              }}
            />
            <Button
              leftSection={<IconPlus size={16} />}
              variant="light"
              onClick={() => {
                setError(null);
                setDialog({ index: null });
              }}
            >
              Add rule
            </Button>
          </Group>
        </Group>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={rules.rules.map((r) => r.name)} strategy={verticalListSortingStrategy}>
            <Stack gap={6} aria-label="Pay rules in order" data-testid="pay-rules">
              {rules.rules.map((rule, index) => (
                <RuleRow
                  key={rule.name}
                  rule={rule}
                  index={index}
                  count={rules.rules.length}
                  currency={rules.currency}
                  layerName={layerName}
                  onEdit={() => {
                    setError(null);
                    setDialog({ index });
                  }}
                  onMove={(to) =>
                    run({ kind: 'pay:moveRule', from: index, to }, `Moved "${rule.name}" to ${to + 1}.`)
                  }
                  onRemove={() => run({ kind: 'pay:removeRule', index }, `Removed the rule "${rule.name}".`)}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      </Stack>
      <PayRuleDialog
        opened={dialog !== null}
        rule={editing}
        currency={rules.currency}
        layers={layers}
        error={error}
        onSave={save}
        onClose={() => setDialog(null)}
      />
    </Paper>
  );
}
