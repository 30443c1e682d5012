import { Box, Button, Group, NavLink, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconReportMoney, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import type { Pipeline } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { newPipeline } from '../../../../shared/plan/new-pipeline';
import { AddPipelineDialog } from './add-pipeline-dialog';
import { criticalityInfo } from '../../components/criticality-levels';
import { PipelineEditor } from './pipeline-editor';
import { RemovePipelineDialog } from './remove-pipeline-dialog';
import { useApplyEdit } from '../../hooks/use-apply-edit';

function PipelineList({
  pipelines,
  selectedId,
  onSelect,
}: {
  pipelines: Pipeline[];
  selectedId: string;
  onSelect: (id: string) => void;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      w={270}
      component="nav"
      aria-label="Pipelines"
      style={{ flexShrink: 0, position: 'sticky', top: 76 }}
    >
      <Stack gap={2}>
        {pipelines.map((p) => {
          const crit = criticalityInfo(p.criticality);
          const issues = p.commonIssues.length;
          return (
            <NavLink
              key={p.id}
              data-pipeline-id={p.id}
              active={p.id === selectedId}
              onClick={() => onSelect(p.id)}
              aria-current={p.id === selectedId ? 'true' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              label={
                <Text size="sm" fw={600} lineClamp={2}>
                  {p.name}
                </Text>
              }
              description={`${issues} common ${issues === 1 ? 'issue' : 'issues'}`}
              leftSection={
                <Tooltip label={`${crit.label} criticality`}>
                  <Box
                    role="img"
                    aria-label={`${crit.label} criticality`}
                    w={10}
                    h={10}
                    style={{ borderRadius: 5, background: `var(--mantine-color-${crit.color}-6)` }}
                  />
                </Tooltip>
              }
              rightSection={
                p.reportsToInvestors ? (
                  <Tooltip label="Reports to investors">
                    <IconReportMoney
                      size={16}
                      color="var(--mantine-color-grape-6)"
                      aria-label="Reports to investors"
                    />
                  </Tooltip>
                ) : undefined
              }
            />
          );
        })}
      </Stack>
    </Paper>
  );
}

/** The Pipelines view: the pipelines on the left, the selected one's runbook editor on the right. */
export function PipelinesView() {
  const plan = useAppStore((s) => s.plan);
  const apply = useApplyEdit();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Pipeline | null>(null);
  if (!plan) return null;

  const selected = plan.pipelines.find((p) => p.id === selectedId) ?? plan.pipelines[0];
  const critical = plan.pipelines.filter((p) => p.criticality === 'critical').length;
  const investors = plan.pipelines.filter((p) => p.reportsToInvestors).length;

  const add = (fields: Parameters<typeof newPipeline>[1]) => {
    const pipeline = newPipeline(plan, fields);
    const refused = apply({ kind: 'pipeline:add', pipeline });
    if (refused) return refused;
    setAdding(false);
    setSelectedId(pipeline.id);
    return null;
  };

  const remove = (pipeline: Pipeline, strategy: 'refuse' | 'clear') => {
    setRemoving(null);
    const refused = apply({ kind: 'pipeline:remove', pipelineId: pipeline.id, strategy }, 'Not removed');
    if (!refused) {
      notifications.show({
        color: 'green',
        title: 'Removed',
        message: `${pipeline.name} was removed. Undo brings it back.`,
      });
    }
  };

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      Add pipeline
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Pipelines"
        description={
          plan.pipelines.length === 0
            ? 'The pipelines your team keeps running, each with its runbook.'
            : `${plan.pipelines.length} ${plan.pipelines.length === 1 ? 'pipeline' : 'pipelines'}, ${critical} critical, ${investors} reporting to investors. Each field saves when you leave it; every change is one undo step.`
        }
        actions={addButton}
      />
      {!selected ? (
        <EmptyState icon={IconSitemap} title="No pipelines yet" action={addButton}>
          No pipelines yet — add the pipelines your team owns. Each gets a runbook: schedule, SLA, monitoring
          and the common issues the person on call should know.
        </EmptyState>
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <PipelineList pipelines={plan.pipelines} selectedId={selected.id} onSelect={setSelectedId} />
          <Box style={{ flex: 1, minWidth: 0 }}>
            <PipelineEditor key={selected.id} pipeline={selected} onRemove={() => setRemoving(selected)} />
          </Box>
        </Group>
      )}
      <AddPipelineDialog opened={adding} onClose={() => setAdding(false)} onSubmit={add} />
      <RemovePipelineDialog
        plan={plan}
        pipeline={removing}
        onCancel={() => setRemoving(null)}
        onConfirm={remove}
      />
    </Stack>
  );
}
