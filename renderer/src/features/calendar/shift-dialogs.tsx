import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Plan, Shift } from '../../../../shared/plan/schema';
import { describeShift } from '../../../../shared/rotation/describe-shift';
import { isShadowShift } from '../../../../shared/rotation/shadow-shifts';
import { swapChoices } from './calendar-details';
import { formatSpan } from '../../components/wall-clock-format';

/** Reassign a shift to another member (an override): the dialog path for dragging a chip onto a shift. */
export function ReassignDialog({
  plan,
  shift,
  onClose,
  onReassign,
}: {
  plan: Plan;
  shift: Shift;
  onClose: () => void;
  onReassign: (memberId: string) => void;
}) {
  // The swap assistant's rules: eligible people first, the others with the first rule they would break.
  const [candidates] = useState(() => {
    const choices = swapChoices(plan, shift.id);
    return typeof choices === 'string' ? [] : choices;
  });
  const [memberId, setMemberId] = useState<string | null>(
    candidates.find((c) => c.eligible)?.memberId ?? null,
  );
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  return (
    <Modal opened onClose={onClose} title="Reassign shift" data-testid="reassign-dialog">
      <Stack gap="sm">
        <Text size="sm">{describeShift(plan, shift)}</Text>
        <Select
          label="Who covers it instead"
          data={candidates.map((c) => ({
            value: c.memberId,
            label: c.eligible
              ? `${name(c.memberId)} — free`
              : `${name(c.memberId)} — ${c.reasons[0] ?? 'not eligible'}`,
          }))}
          value={memberId}
          onChange={setMemberId}
          allowDeselect={false}
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          The shift becomes an override: regenerating the rotation keeps it.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!memberId} onClick={() => memberId && onReassign(memberId)}>
            Reassign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Swap a shift's person with another shift's person: the dialog path for swapping two shifts. */
export function SwapDialog({
  plan,
  shift,
  onClose,
  onSwap,
}: {
  plan: Plan;
  shift: Shift;
  onClose: () => void;
  onSwap: (otherShiftId: string) => void;
}) {
  const zone = plan.rotation.timeZone;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  // Same layer first, then by time; shifts of the same person, pinned ones and shadows (not on call) cannot be
  // swapped.
  const options = plan.shifts
    .filter((s) => s.id !== shift.id && s.memberId !== shift.memberId && !s.pinned && !isShadowShift(s))
    .sort((a, b) => Number(a.layerId !== shift.layerId) - Number(b.layerId !== shift.layerId))
    .map((s) => ({
      value: s.id,
      label: `${name(s.memberId)} · ${layerName(s.layerId)} · ${formatSpan(s.start, s.end, zone)}`,
    }));
  const [otherId, setOtherId] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title="Swap with another shift" size="lg" data-testid="swap-dialog">
      <Stack gap="sm">
        <Text size="sm">{describeShift(plan, shift)}</Text>
        <Select
          label="The shift to swap with"
          description="The two people trade: each takes the other's shift. Type a name or a date to search."
          placeholder="Pick a shift"
          searchable
          data={options}
          value={otherId}
          onChange={setOtherId}
          maxDropdownHeight={280}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!otherId} onClick={() => otherId && onSwap(otherId)}>
            Swap
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
