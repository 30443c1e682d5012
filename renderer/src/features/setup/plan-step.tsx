import { Stack, Text, TextInput } from '@mantine/core';
import { offsetLabel } from '../../components/time-zone-options';
import { TimeZoneSelect } from '../../components/time-zone-select';
import type { SetupDraft } from '../../../../shared/setup/setup-draft';

/** Step 1: the plan's name, organisation and time zone (handoffs and the calendar use this zone). */
export function PlanStep({
  draft,
  onChange,
}: {
  draft: SetupDraft;
  onChange: (patch: Partial<SetupDraft>) => void;
}) {
  return (
    <Stack gap="md" maw={560}>
      <Text c="dimmed" size="sm">
        Name the plan and say where the rotation lives. You can change all of this later.
      </Text>
      <TextInput
        label="Plan name"
        placeholder="Data pipeline coverage 2027"
        required
        data-autofocus
        value={draft.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
      />
      <TextInput
        label="Organisation"
        placeholder="Your company or team"
        value={draft.organisation}
        onChange={(e) => onChange({ organisation: e.currentTarget.value })}
      />
      <TimeZoneSelect
        label="Time zone"
        description={`Handoffs and the calendar use this zone (now ${offsetLabel(draft.timeZone)})`}
        required
        value={draft.timeZone}
        onChange={(value) =>
          value &&
          onChange({
            timeZone: value,
            // People still on the plan's old zone were never given their own; they follow the plan.
            members: draft.members.map((m) =>
              m.timeZone === draft.timeZone ? { ...m, timeZone: value } : m,
            ),
          })
        }
      />
    </Stack>
  );
}
