import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { layerWithRotationsFrom } from '../../../../shared/plan/edits/layer-rotations-from';
import type { LayerRotation, Plan } from '../../../../shared/plan/schema';
import { instantMs } from '../../../../shared/time/zoned';
import { formatDate } from '../../components/wall-clock-format';
import type { RunEdit } from './side-panel';

/**
 * Asks from which date a layer's drafted rotations take effect, says which shifts stay as they are, and applies the
 * change as one undoable edit. From the plan's first day (or earlier) the whole layer is generated again.
 */
export function ApplyRotationsDialog({
  plan,
  layerId,
  rotations,
  initialDate,
  run,
  onClose,
  onApplied,
}: {
  plan: Plan;
  layerId: string;
  rotations: LayerRotation[];
  initialDate: string;
  run: RunEdit;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { startDate, endDate } = plan.rotation;
  const [from, setFrom] = useState<string | null>(initialDate);
  const layer = plan.rotation.layers.find((l) => l.id === layerId)!;
  const whole = from !== null && from <= startDate;
  const result = useMemo(
    () =>
      from === null ? null : layerWithRotationsFrom(plan, { layerId, rotations, from: whole ? null : from }),
    [plan, layerId, rotations, from, whole],
  );
  const kept =
    result?.ok && result.effective !== null
      ? plan.shifts.filter((s) => s.layerId === layerId && instantMs(s.start) < result.effective!).length
      : 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Apply the ${layer.name} rotations`}
      size="md"
      data-testid="apply-rotations"
    >
      <Stack gap="sm">
        <DateInput
          label="Takes effect from"
          description={`Between ${formatDate(startDate)} and ${formatDate(endDate)}; shifts before it stay as they are`}
          valueFormat="YYYY-MM-DD"
          minDate={startDate}
          maxDate={endDate}
          value={from}
          onChange={setFrom}
        />
        {result === null ? (
          <Text size="sm" c="red">
            Pick the date the change takes effect.
          </Text>
        ) : !result.ok ? (
          <Alert color="red" variant="light" title="This change cannot be applied">
            {result.reason}
          </Alert>
        ) : whole ? (
          <Text size="sm" data-testid="apply-summary">
            From the plan&apos;s first day: every shift of {layer.name} is generated again (pinned and
            hand-made shifts stay).
          </Text>
        ) : (
          <Text size="sm" data-testid="apply-summary">
            The {kept} {kept === 1 ? 'shift' : 'shifts'} of {layer.name} before {formatDate(from!)} stay
            exactly as they are; the rotation continues with whoever is on call then, and the new settings
            apply from there.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!result?.ok}
            onClick={() => {
              if (!result?.ok || from === null) return;
              const outcome = run(
                { kind: 'rotation:set-layer-rotations', layerId, rotations, from: whole ? null : from },
                {
                  success: whole
                    ? `${layer.name}: rotations applied to the whole plan.`
                    : `${layer.name}: rotations applied from ${formatDate(from)}; ${kept} earlier shifts unchanged.`,
                },
              );
              if (outcome !== 'refused') onApplied();
            }}
          >
            {whole ? 'Apply to the whole plan' : `Apply from ${from}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
