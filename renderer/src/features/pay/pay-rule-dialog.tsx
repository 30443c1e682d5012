import '@mantine/dates/styles.css';
import {
  Button,
  Chip,
  Group,
  Input,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useState } from 'react';
import type { Layer, PayCondition, PayRule } from '../../../../shared/plan/schema';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
type TriState = 'any' | 'yes' | 'no';

const triOf = (v: boolean | undefined): TriState => (v === undefined ? 'any' : v ? 'yes' : 'no');
const boolOf = (v: TriState): boolean | undefined => (v === 'any' ? undefined : v === 'yes');

/** A condition that may be required, refused or left open: any / yes / no as one segmented control. */
function TriStateField({
  label,
  name,
  value,
  onChange,
  words,
}: {
  label: string;
  name: string;
  value: TriState;
  onChange: (value: TriState) => void;
  words: [string, string, string];
}) {
  return (
    <Input.Wrapper label={label}>
      <SegmentedControl
        fullWidth
        aria-label={name}
        value={value}
        onChange={(v) => onChange(v as TriState)}
        data={[
          { value: 'any', label: words[0] },
          { value: 'yes', label: words[1] },
          { value: 'no', label: words[2] },
        ]}
      />
    </Input.Wrapper>
  );
}

/** The form's fields as typed: strings and lists, turned into a rule only on save. */
type Draft = {
  name: string;
  hourly: number | string;
  weekdays: string[];
  from: string;
  to: string;
  holiday: TriState;
  investorWeek: TriState;
  layers: string[];
};

function draftOf(rule: PayRule | null): Draft {
  const when = rule?.when ?? {};
  return {
    name: rule?.name ?? '',
    hourly: rule?.hourly ?? 10,
    weekdays: (when.weekdays ?? []).map(String),
    from: when.from ?? '',
    to: when.to ?? '',
    holiday: triOf(when.holiday),
    investorWeek: triOf(when.investorWeek),
    layers: when.layers ?? [],
  };
}

/** The rule a draft stands for; fields left empty are not part of the condition. */
function ruleOf(d: Draft): PayRule {
  const when: PayCondition = {};
  if (d.weekdays.length > 0) when.weekdays = d.weekdays.map(Number).sort((a, b) => a - b);
  if (d.from !== '' || d.to !== '') {
    when.from = d.from || undefined;
    when.to = d.to || undefined;
  }
  const holiday = boolOf(d.holiday);
  if (holiday !== undefined) when.holiday = holiday;
  if (d.layers.length > 0) when.layers = d.layers;
  const investorWeek = boolOf(d.investorWeek);
  if (investorWeek !== undefined) when.investorWeek = investorWeek;
  for (const key of Object.keys(when) as (keyof PayCondition)[])
    if (when[key] === undefined) delete when[key];
  return { name: d.name.trim(), when, hourly: typeof d.hourly === 'number' ? d.hourly : Number.NaN };
}

/**
 * Adds or changes one hourly pay rule: its name, rate and condition (weekdays, a local time window that may cross
 * midnight, public holiday, layers, investor week). Saving returns the rule; the caller applies it as an edit and
 * shows a refusal under the form (`error`), so a rule the plan cannot hold is never half-saved.
 */
export function PayRuleDialog({
  opened,
  rule,
  currency,
  layers,
  error,
  onSave,
  onClose,
}: {
  opened: boolean;
  rule: PayRule | null;
  currency: string;
  layers: readonly Layer[];
  error: string | null;
  onSave: (rule: PayRule) => void;
  onClose: () => void;
}) {
  // The form mounts with each opening (Mantine unmounts a closed modal's content), so it starts from `rule`.
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={rule ? `Change the rule "${rule.name}"` : 'Add a pay rule'}
      size="lg"
      centered
    >
      <PayRuleForm
        rule={rule}
        currency={currency}
        layers={layers}
        error={error}
        onSave={onSave}
        onClose={onClose}
      />
    </Modal>
  );
}

function PayRuleForm({
  rule,
  currency,
  layers,
  error,
  onSave,
  onClose,
}: {
  rule: PayRule | null;
  currency: string;
  layers: readonly Layer[];
  error: string | null;
  onSave: (rule: PayRule) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const set = (fields: Partial<Draft>) => setDraft((d) => ({ ...d, ...fields }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(ruleOf(draft));
      }}
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            data-autofocus
          />
          <NumberInput
            label={`Hourly rate (${currency})`}
            min={0}
            decimalScale={2}
            value={draft.hourly}
            onChange={(value) => set({ hourly: value })}
          />
        </Group>
        <Input.Wrapper label="Weekdays (member's local day; none: every day)">
          <Chip.Group multiple value={draft.weekdays} onChange={(weekdays) => set({ weekdays })}>
            <Group gap={6}>
              {WEEKDAYS.map((label, i) => (
                <Chip key={label} value={String(i + 1)} size="sm">
                  {label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Group grow>
          <TimeInput
            label="From (local time)"
            description="Empty: all day"
            value={draft.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
          <TimeInput
            label="To (may be after midnight)"
            description="22:00 to 07:00 spans the night"
            value={draft.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </Group>
        <Stack gap="sm">
          <TriStateField
            label="Public holiday (member's region)"
            name="Public holiday"
            value={draft.holiday}
            onChange={(holiday) => set({ holiday })}
            words={['Any day', 'Holiday', 'Not a holiday']}
          />
          <TriStateField
            label="Investor-report week"
            name="Investor-report week"
            value={draft.investorWeek}
            onChange={(investorWeek) => set({ investorWeek })}
            words={['Any week', 'Investor week', 'Other weeks']}
          />
        </Stack>
        <MultiSelect
          label="Layers"
          placeholder={draft.layers.length === 0 ? 'Every layer' : undefined}
          data={layers.map((l) => ({ value: l.id, label: l.name }))}
          value={draft.layers}
          onChange={(value) => set({ layers: value })}
          clearable
        />
        {error && (
          <Text c="red" size="sm" role="alert" data-testid="pay-rule-error">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">{rule ? 'Save rule' : 'Add rule'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
