import '@mantine/dates/styles.css';
import { Group, NumberInput, Switch, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';

/** What the user sets for a solve: the window (plan-local dates, both included), the time limit, fewest changes. */
export type OptimizeSettings = { from: string; to: string; timeLimitSeconds: number; fewestChanges: boolean };

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
    </Group>
  );
}
