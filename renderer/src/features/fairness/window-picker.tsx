import '@mantine/dates/styles.css';
import { Button, Group } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { AnalysisWindow } from '../../workers/analysis-client';

/**
 * The analysis window: a date range in the plan's zone (both days included), the plan horizon by default.
 * Why the horizon: "the plan's year" is handoff to handoff, so four people on a weekly rotation hold exactly 25 %.
 */
export function WindowPicker({
  value,
  horizon,
  onChange,
}: {
  value: AnalysisWindow;
  horizon: { from: string; to: string };
  onChange: (next: AnalysisWindow) => void;
}) {
  const custom = value.from !== undefined || value.to !== undefined;
  // The range being picked: the first click alone must not change the analysis, nor be lost on re-render.
  const [draft, setDraft] = useState<[string | null, string | null] | null>(null);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <DatePickerInput
        type="range"
        allowSingleDateInRange
        size="xs"
        w={250}
        label="Analysis window"
        valueFormat="MMM D, YYYY"
        data-testid="analysis-window"
        value={draft ?? [value.from ?? horizon.from, value.to ?? horizon.to]}
        defaultDate={value.from ?? horizon.from}
        onDropdownClose={() => setDraft(null)}
        onChange={([from, to]) => {
          if (!from || !to) {
            setDraft([from, to]);
            return;
          }
          setDraft(null);
          onChange(from === horizon.from && to === horizon.to ? {} : { from, to });
        }}
      />
      <Button size="xs" variant="default" disabled={!custom} onClick={() => onChange({})}>
        Whole plan
      </Button>
    </Group>
  );
}
