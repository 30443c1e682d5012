import { Group, NumberInput, Select } from '@mantine/core';
import type { Cadence } from '../../../../shared/plan/schema';
import { defaultCadence } from '../../../../shared/plan/edits/rotation-draft-edits';

/** ISO weekdays as Select options, Monday first. */
export const WEEKDAY_OPTIONS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
].map((label, i) => ({ value: String(i + 1), label }));

const KINDS: { value: Cadence['kind']; label: string }[] = [
  { value: 'days', label: 'Every N days' },
  { value: 'weeks', label: 'Every N weeks' },
  { value: 'monthly-date', label: 'Monthly on a date' },
  { value: 'monthly-weekday', label: 'Monthly on a weekday' },
];

const NTH = [
  { value: '1', label: 'First' },
  { value: '2', label: 'Second' },
  { value: '3', label: 'Third' },
  { value: '4', label: 'Fourth' },
  { value: '-1', label: 'Last' },
];

/** A whole number typed into a NumberInput, or NaN while the field is empty (the draft's problems name it). */
const whole = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);

/**
 * The cadence of one rotation: its kind and the fields that kind has (every N days; every N weeks on a weekday;
 * monthly on a date; monthly on the nth weekday).
 */
export function CadenceFields({
  cadence,
  label,
  onChange,
}: {
  cadence: Cadence;
  label: string;
  onChange: (cadence: Cadence) => void;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Cadence"
        aria-label={`Cadence of ${label}`}
        data={KINDS}
        value={cadence.kind}
        allowDeselect={false}
        w={190}
        onChange={(kind) =>
          kind && kind !== cadence.kind && onChange(defaultCadence(kind as Cadence['kind']))
        }
      />
      {(cadence.kind === 'days' || cadence.kind === 'weeks') && (
        <NumberInput
          label={cadence.kind === 'days' ? 'Days per turn' : 'Weeks per turn'}
          aria-label={`${cadence.kind === 'days' ? 'Days' : 'Weeks'} per turn of ${label}`}
          min={1}
          max={cadence.kind === 'days' ? 366 : 52}
          allowDecimal={false}
          w={130}
          value={cadence.every}
          onChange={(v) => onChange({ ...cadence, every: whole(v) })}
        />
      )}
      {cadence.kind === 'monthly-date' && (
        <NumberInput
          label="Day of the month"
          aria-label={`Day of the month of ${label}`}
          description="The last day in shorter months"
          min={1}
          max={31}
          allowDecimal={false}
          w={160}
          value={cadence.day}
          onChange={(v) => onChange({ ...cadence, day: whole(v) })}
        />
      )}
      {cadence.kind === 'monthly-weekday' && (
        <Select
          label="Which"
          aria-label={`Which weekday of the month of ${label}`}
          data={NTH}
          w={110}
          allowDeselect={false}
          value={String(cadence.nth)}
          onChange={(v) => v && onChange({ ...cadence, nth: Number(v) as 1 | 2 | 3 | 4 | -1 })}
        />
      )}
      {(cadence.kind === 'weeks' || cadence.kind === 'monthly-weekday') && (
        <Select
          label="Handoff day"
          aria-label={`Handoff day of ${label}`}
          data={WEEKDAY_OPTIONS}
          w={150}
          allowDeselect={false}
          value={String(cadence.weekday)}
          onChange={(v) => v && onChange({ ...cadence, weekday: Number(v) })}
        />
      )}
    </Group>
  );
}
