import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { findLayerOverlaps, layerNameOf } from '../../../shared/plan/layer-overlaps';
import { useAppStore } from '../store/store';

/**
 * Says when shifts of one layer overlap (a plan from another tool, a hand edit, an old import) and offers the
 * one-step fix: trim them, an edit like any other, so Undo brings them back.
 * Why watched on the open plan and not only at load: once trimmed (or undone) the banner follows the plan.
 */
export function OverlapNoticeBanner() {
  const plan = useAppStore((s) => s.plan);
  const edit = useAppStore((s) => s.edit);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const shifts = plan?.shifts;
  const summary = useMemo(() => {
    if (!plan || !shifts) return null;
    const counts = new Map<string, number>();
    for (const o of findLayerOverlaps(shifts)) counts.set(o.layerId, (counts.get(o.layerId) ?? 0) + 1);
    if (counts.size === 0) return null;
    return {
      text: [...counts].map(([id, n]) => `${n} on ${layerNameOf(plan, id)}`).join(', '),
      total: [...counts.values()].reduce((sum, n) => sum + n, 0),
    };
  }, [shifts]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!plan || summary === null || dismissed === summary.text) return null;
  const { text, total } = summary;
  return (
    <Alert
      mb="lg"
      variant="light"
      color="orange"
      icon={<IconAlertTriangle />}
      title={`${total} ${total === 1 ? 'shift overlaps' : 'shifts overlap'} another on the same layer`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => setDismissed(text)}
      data-testid="overlap-notice"
    >
      <Text size="sm">
        Overlapping shifts: {text}. A layer holds one person at a time: while two shifts overlap, their hours
        count twice and it is unclear who is paged.
      </Text>
      <Group mt="xs" gap="sm">
        <Button
          size="xs"
          variant="light"
          color="orange"
          onClick={() => {
            const outcome = edit({ kind: 'shift:trimOverlaps' });
            setRefusal(outcome.ok ? null : outcome.reason);
          }}
        >
          Trim overlaps
        </Button>
        <Text size="xs" c="dimmed">
          A shift that starts while another holds its layer then starts when that one ends; one wholly inside
          another is removed. Undo brings them back.
        </Text>
      </Group>
      {refusal && (
        <Text size="sm" c="red" mt="xs">
          {refusal}
        </Text>
      )}
    </Alert>
  );
}
