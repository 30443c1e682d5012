import '@mantine/dates/styles.css';
import { Group, NumberInput, Switch, Text, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useAppStore } from '../../store/store';

/**
 * What the user sets for a solve: the window (plan-local dates, both included), the time limit, fewest changes,
 * and lowest on-call pay among equally fair rotations (plans with pay rules).
 */
export type OptimizeSettings = {
  from: string;
  to: string;
  timeLimitSeconds: number;
  fewestChanges: boolean;
  lowestPay: boolean;
};

/** The settings row of the Optimise view. */
export function OptimizeSettingsBar({
  value,
  onChange,
  disabled,
}: {
  value: OptimizeSettings;
  onChange: (next: OptimizeSettings) => void;
  disabled: boolean;
}) {
  // The range being picked: the first click alone must not change the window.
  const [draft, setDraft] = useState<[string | null, string | null] | null>(null);
  const maxWeekends = useAppStore((s) => s.plan?.rotation.maxWeekendsPerMember);
  const wishCount = useAppStore((s) => s.plan?.wishes?.length ?? 0);
  const hasPay = useAppStore((s) => s.plan?.pay !== undefined);
  const edit = useAppStore((s) => s.edit);
  const [weekendError, setWeekendError] = useState<string | null>(null);
  // What is typed, committed on blur or Enter: typing "12" is one undoable edit, not two.
  const [weekendDraft, setWeekendDraft] = useState<number | string | null>(null);
  const commitWeekends = () => {
    if (weekendDraft === null) return;
    setWeekendDraft(null);
    const max = weekendDraft === '' ? null : Number(weekendDraft);
    if (max === (maxWeekends ?? null) || (max !== null && !Number.isFinite(max))) return;
    // The plan keeps the limit, so the next solve (and the CLI) reads it, and undo takes it back.
    const result = edit({ kind: 'rotation:set-max-weekends', max });
    setWeekendError(result.ok ? null : result.reason);
  };
  return (
    <Group gap="md" align="flex-end">
      <DatePickerInput
        type="range"
        allowSingleDateInRange
        size="xs"
        w={250}
        label="Window"
        valueFormat="MMM D, YYYY"
        data-testid="optimize-window"
        disabled={disabled}
        value={draft ?? [value.from, value.to]}
        defaultDate={value.from}
        onDropdownClose={() => setDraft(null)}
        onChange={([from, to]) => {
          if (!from || !to) {
            setDraft([from, to]);
            return;
          }
          setDraft(null);
          onChange({ ...value, from, to });
        }}
      />
      <NumberInput
        size="xs"
        w={130}
        label="Time limit (s)"
        min={1}
        max={600}
        disabled={disabled}
        value={value.timeLimitSeconds}
        onChange={(v) =>
          typeof v === 'number' && v >= 1 && onChange({ ...value, timeLimitSeconds: Math.min(600, v) })
        }
      />
      <Tooltip
        label="Among equally fair rotations, prefer the one that changes the fewest shifts of the current schedule"
        multiline
        w={260}
      >
        <Switch
          size="sm"
          mb={4}
          label="Fewest changes"
          disabled={disabled}
          checked={value.fewestChanges}
          onChange={(e) => onChange({ ...value, fewestChanges: e.currentTarget.checked })}
        />
      </Tooltip>
      {hasPay && (
        <Tooltip
          label="Among equally fair rotations, prefer the one whose on-call pay (the plan's pay rules) is lowest"
          multiline
          w={260}
        >
          <Switch
            size="sm"
            mb={4}
            label="Lowest pay"
            data-testid="optimize-lowest-pay"
            disabled={disabled}
            checked={value.lowestPay}
            onChange={(e) => onChange({ ...value, lowestPay: e.currentTarget.checked })}
          />
        </Tooltip>
      )}
      <Tooltip
        label="At most this many weekends on call per person in the window (any part of Saturday or Sunday counts). Empty: no limit."
        multiline
        w={260}
      >
        <NumberInput
          size="xs"
          w={190}
          label="Max weekends per person"
          placeholder="No limit"
          data-testid="optimize-max-weekends"
          min={0}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
          error={weekendError}
          value={weekendDraft ?? maxWeekends ?? ''}
          onChange={setWeekendDraft}
          onBlur={commitWeekends}
          onKeyDown={(e) => e.key === 'Enter' && commitWeekends()}
        />
      </Tooltip>
      {wishCount > 0 && (
        <Text size="xs" c="dimmed" mb={6} data-testid="optimize-wish-count">
          {wishCount} {wishCount === 1 ? 'wish' : 'wishes'} in the plan
        </Text>
      )}
    </Group>
  );
}
