import '@mantine/dates/styles.css';
import {
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { rotationSlots } from '../../../../shared/rotation/generate-shifts';
import { draftEndDate, type DraftRotation, type SetupDraft } from '../../../../shared/setup/setup-draft';
import {
  followTheSunRegions,
  STARTING_POINTS,
  type StartingPoint,
} from '../../../../shared/setup/starting-points';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HORIZONS = [
  { value: '13', label: '13 weeks (a quarter)' },
  { value: '26', label: '26 weeks (half a year)' },
  { value: '52', label: '52 weeks (a year)' },
];

function shiftCount(draft: SetupDraft): number | null {
  const r = draft.rotation;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.startDate) || !/^\d{2}:\d{2}$/.test(r.handoffTime)) return null;
  if (!Number.isInteger(r.shiftLengthDays) || r.shiftLengthDays < 1 || r.shiftLengthDays > 28) return null;
  try {
    return rotationSlots({
      layers: [],
      shiftLengthDays: r.shiftLengthDays,
      handoff: { weekday: r.handoffWeekday, time: r.handoffTime },
      timeZone: draft.timeZone,
      startDate: r.startDate,
      endDate: draftEndDate(r),
    }).length;
  } catch {
    return null;
  }
}

/** What each starting point's layers look like for this team, in words. */
function modelLines(draft: SetupDraft, names: string[]): string[] {
  const r = draft.rotation;
  if (r.startingPoint === 'business-hours') {
    return [
      `Business hours (Mon–Fri 09:00–17:00, ${draft.timeZone}): ${names.join(' → ')}`,
      `After hours (evenings, nights, weekends): ${[...names.slice(1), names[0]].join(' → ')}`,
    ];
  }
  if (r.startingPoint === 'follow-the-sun') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.startDate)) return [];
    const placed = draft.members.map((m, i) => ({ id: names[i]!, timeZone: m.timeZone }));
    let regions: ReturnType<typeof followTheSunRegions> = [];
    try {
      regions = followTheSunRegions(placed, r.startDate);
    } catch {
      return [];
    }
    return regions.map(
      (g) =>
        `${g.timeZone.replace(/_/g, ' ')} ${g.start}–${g.end}${g.night ? ' (reaches into the night)' : ''}: ${g.memberIds.join(' → ')}`,
    );
  }
  return [`Primary: ${names.join(' → ')}`];
}

/** Step 5: shift length, handoff weekday and time, layers, start date and how far ahead to plan. */
export function RotationStep({
  draft,
  onChange,
}: {
  draft: SetupDraft;
  onChange: (patch: Partial<SetupDraft>) => void;
}) {
  const r = draft.rotation;
  const set = (fields: Partial<DraftRotation>) => onChange({ rotation: { ...r, ...fields } });
  const names = draft.members.map((m, i) => m.name.trim() || `Member ${i + 1}`);
  const shifts = shiftCount(draft);
  const weekly = r.shiftLengthDays % 7 === 0;
  return (
    <Stack gap="md" maw={900}>
      <Text c="dimmed" size="sm">
        How the on-call duty rotates. Shifts are generated from these settings and can be edited, swapped or
        regenerated in the Calendar.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Starting point
        </Text>
        <SegmentedControl
          aria-label="Starting point"
          data={STARTING_POINTS.map((p) => ({ value: p.id, label: p.label }))}
          value={r.startingPoint}
          onChange={(value) => set({ startingPoint: value as StartingPoint })}
        />
        <Text size="xs" c="dimmed">
          {STARTING_POINTS.find((p) => p.id === r.startingPoint)?.description} Change any of it later in the
          Calendar&apos;s Rotations editor.
        </Text>
      </Stack>
      <SimpleGrid cols={3} spacing="md">
        <NumberInput
          label="Shift length (days)"
          description="7 for a weekly rotation"
          min={1}
          max={28}
          allowDecimal={false}
          value={r.shiftLengthDays}
          onChange={(value) => set({ shiftLengthDays: typeof value === 'number' ? value : Number.NaN })}
        />
        <Select
          label="Handoff day"
          description={weekly ? 'Shifts change on this weekday' : 'Only used by multiples of 7 days'}
          data={WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))}
          allowDeselect={false}
          value={String(r.handoffWeekday)}
          onChange={(value) => value && set({ handoffWeekday: Number(value) })}
        />
        <TimeInput
          disabled={r.startingPoint !== 'weekly'}
          label="Handoff time"
          description={
            r.startingPoint === 'weekly'
              ? `Local time in ${draft.timeZone}`
              : 'Set by the starting point: each rotation hands over as its window starts'
          }
          value={r.handoffTime}
          onChange={(e) => set({ handoffTime: e.currentTarget.value })}
        />
        <DatePickerInput
          label="Start date"
          description="The first shift starts here"
          valueFormat="ddd D MMM YYYY"
          value={r.startDate || null}
          onChange={(value) => set({ startDate: value ?? '' })}
        />
        <Select
          label="Plan ahead"
          data={HORIZONS}
          allowDeselect={false}
          value={String(r.horizonWeeks)}
          onChange={(value) => value && set({ horizonWeeks: Number(value) })}
        />
        <Checkbox
          label="Secondary layer (backup on call)"
          mt={30}
          checked={r.secondaryLayer}
          onChange={(e) => set({ secondaryLayer: e.currentTarget.checked })}
        />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" data-testid="rotation-summary">
        <Text fw={600} size="sm" mb={6}>
          What will be generated
        </Text>
        <List size="sm" spacing={4}>
          {modelLines(draft, names).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
          {r.secondaryLayer && names.length > 1 && r.startingPoint === 'weekly' && (
            <List.Item>Secondary: {[...names.slice(1), names[0]].join(' → ')}</List.Item>
          )}
          <List.Item>
            {shifts === null
              ? 'Fix the settings above to see the shifts.'
              : r.startingPoint === 'weekly'
                ? `${shifts} shifts per layer, from ${r.startDate} to ${draftEndDate(r)}, handing off at ${r.handoffTime}`
                : `${shifts} turns per rotation, from ${r.startDate} to ${draftEndDate(r)}`}
          </List.Item>
        </List>
        <Group mt="xs">
          <Text size="xs" c="dimmed">
            Time off and holidays are added later; the rotation engine swaps shifts around them.
          </Text>
        </Group>
      </Paper>
    </Stack>
  );
}
