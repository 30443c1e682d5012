import { Alert, Button, Grid, Group, Modal, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import {
  applyRotationDraftEdit,
  defaultCadence,
  freeRotationId,
  type RotationDraftEdit,
} from '../../../../shared/plan/edits/rotation-draft-edits';
import { layerWithRotationsFrom } from '../../../../shared/plan/edits/layer-rotations-from';
import { rotationDraftProblems } from '../../../../shared/plan/edits/rotation-draft-problems';
import type { LayerRotation, Plan } from '../../../../shared/plan/schema';
import { layerRotations } from '../../../../shared/rotation/layer-rotations';
import { timeZoneOptions } from '../../components/time-zone-options';
import { ApplyRotationsDialog } from './apply-rotations-dialog';
import { RotationCard } from './rotation-card';
import { RotationPreview } from './rotation-preview';
import type { RunEdit } from './side-panel';

/** Every layer's rotations as the editor starts them: the plan's own, or the one its plan-wide settings mean. */
function draftsOf(plan: Plan): Record<string, LayerRotation[]> {
  return Object.fromEntries(plan.rotation.layers.map((l) => [l.id, layerRotations(plan.rotation, l)]));
}

/** Today on the plan's clock while the plan runs, else its first day: where the preview starts. */
function previewStart(plan: Plan): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: plan.rotation.timeZone }).format(new Date());
  const { startDate, endDate } = plan.rotation;
  return today >= startDate && today < endDate ? today : startDate;
}

/**
 * The rotation editor: per layer, its rotations (members in turn order, cadence, handoff time and zone, dates,
 * restriction windows, night duty) as a draft, with a live preview of the next weeks and a 24-hour coverage strip
 * that shows holes and doubles before anything is generated. Applying asks for the date the change takes effect.
 */
export function RotationEditor({ plan, run, onClose }: { plan: Plan; run: RunEdit; onClose: () => void }) {
  const [layerId, setLayerId] = useState(plan.rotation.layers[0]!.id);
  const [drafts, setDrafts] = useState(() => draftsOf(plan));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [from, setFrom] = useState(() => previewStart(plan));
  const [applying, setApplying] = useState(false);
  const zones = useMemo(() => timeZoneOptions(), []);
  // An applied change (or an undo) gives new settings: the drafts start again from them.
  const [base, setBase] = useState(plan.rotation);
  if (base !== plan.rotation) {
    setBase(plan.rotation);
    setDrafts(draftsOf(plan));
  }

  const layer = plan.rotation.layers.find((l) => l.id === layerId) ?? plan.rotation.layers[0]!;
  const draft = drafts[layer.id] ?? layerRotations(plan.rotation, layer);
  const changed = JSON.stringify(draft) !== JSON.stringify(layerRotations(plan.rotation, layer));
  const problems = useMemo(() => rotationDraftProblems(plan, draft), [plan, draft]);
  const [settled] = useDebouncedValue(draft, 150);
  const settledOk = useMemo(() => rotationDraftProblems(plan, settled).length === 0, [plan, settled]);
  // The preview shows what applying from the chosen date gives: earlier turns as they are, the draft after it.
  const previewLayer = useMemo(() => {
    if (!settledOk) return null;
    const merged = layerWithRotationsFrom(plan, { layerId: layer.id, rotations: settled, from });
    return merged.ok ? merged.layer : { ...layer, rotations: settled };
  }, [plan, layer, settled, settledOk, from]);

  const edit = (e: RotationDraftEdit) => {
    const out = applyRotationDraftEdit(draft, e);
    if (!out.ok) {
      setRefusal(out.reason);
      return;
    }
    setRefusal(null);
    setDrafts((d) => ({ ...d, [layer.id]: out.rotations }));
  };
  const addRotation = () =>
    edit({
      kind: 'add-rotation',
      rotation: {
        id: freeRotationId(`${layer.id}-rotation`, draft),
        name: `Rotation ${draft.length + 1}`,
        members: [],
        cadence: defaultCadence('weeks'),
        handoffTime: plan.rotation.handoff.time,
        timeZone: plan.rotation.timeZone,
      },
    });

  return (
    <Modal opened onClose={onClose} title="Rotations" size="95%" data-testid="rotation-editor">
      <Stack gap="md">
        <Tabs value={layer.id} onChange={(v) => v && setLayerId(v)}>
          <Tabs.List>
            {plan.rotation.layers.map((l) => (
              <Tabs.Tab key={l.id} value={l.id}>
                {l.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto" offsetScrollbars>
              <Stack gap="md" data-testid="rotation-cards">
                {draft.map((r) => (
                  <RotationCard
                    key={r.id}
                    rotation={r}
                    members={plan.members}
                    zones={zones}
                    removable={draft.length > 1}
                    onEdit={edit}
                  />
                ))}
                <Group>
                  <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addRotation}>
                    Add rotation
                  </Button>
                </Group>
              </Stack>
            </ScrollArea.Autosize>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <DateInput
                label="Changes take effect from"
                description="The preview starts here; earlier shifts stay as they are"
                valueFormat="YYYY-MM-DD"
                minDate={plan.rotation.startDate}
                maxDate={plan.rotation.endDate}
                w={300}
                value={from}
                onChange={(v) => v && setFrom(v)}
              />
              {previewLayer ? (
                <RotationPreview plan={plan} layer={previewLayer} from={from} />
              ) : (
                <Text size="sm" c="dimmed">
                  Fix the problems below to see the preview.
                </Text>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {refusal && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle />}
            withCloseButton
            onClose={() => setRefusal(null)}
          >
            {refusal}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle />}
            title="These rotations cannot be applied yet"
            data-testid="rotation-problems"
          >
            {problems.map((p) => (
              <Text size="sm" key={p}>
                {p}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => setDrafts((d) => ({ ...d, [layer.id]: layerRotations(plan.rotation, layer) }))}
          >
            Discard changes
          </Button>
          <Button disabled={!changed || problems.length > 0} onClick={() => setApplying(true)}>
            Apply {layer.name} changes…
          </Button>
        </Group>
      </Stack>
      {applying && (
        <ApplyRotationsDialog
          plan={plan}
          layerId={layer.id}
          rotations={draft}
          initialDate={from}
          run={run}
          onClose={() => setApplying(false)}
          onApplied={() => setApplying(false)}
        />
      )}
    </Modal>
  );
}
