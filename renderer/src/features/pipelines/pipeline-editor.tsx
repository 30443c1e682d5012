import {
  Button,
  Grid,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { PipelinePatch } from '../../../../shared/plan/edits/pipeline-edits';
import type { Criticality, Pipeline } from '../../../../shared/plan/schema';
import { parseCron } from '../../../../shared/simulation/cron';
import { defaultRatePerWeek } from '../../../../shared/simulation/incident-model';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { CommitNumberInput, CommitTextarea, CommitTextInput } from '../../components/commit-on-blur-inputs';
import { CommonIssuesEditor } from './common-issues-editor';
import { CRITICALITY, criticalityInfo } from '../../components/criticality-levels';
import { EditorSection } from '../../components/editor-section';
import { StringListEditor } from './string-list-editor';
import { useApplyEdit } from '../../hooks/use-apply-edit';
import { TintBadge } from '../../components/tint-badge';

/**
 * Every runbook field of one pipeline, in the seed template's order: basics, schedule, data types, SLA, monitoring
 * and alerts, common issues, then the simulator's incident assumption. Each field commits on its own, so every
 * change is one undo step.
 */
export function PipelineEditor({ pipeline, onRemove }: { pipeline: Pipeline; onRemove: () => void }) {
  const apply = useApplyEdit();
  const update = (fields: PipelinePatch, what?: string) =>
    apply({ kind: 'pipeline:update', pipelineId: pipeline.id, fields }, what);
  const crit = criticalityInfo(pipeline.criticality);
  const cronProblem = pipeline.schedule.kind === 'cron' ? parseCron(pipeline.schedule.expression) : null;
  const derivedRate = defaultRatePerWeek(pipeline.criticality);

  return (
    <Stack gap="md" data-testid="pipeline-editor" data-pipeline-id={pipeline.id}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Title order={3}>{pipeline.name}</Title>
          <TintBadge color={crit.color} size="md">
            {crit.label}
          </TintBadge>
          {pipeline.reportsToInvestors && (
            <TintBadge color="grape" size="md">
              Reports to investors
            </TintBadge>
          )}
        </Group>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onRemove}>
          Remove pipeline
        </Button>
      </Group>

      <EditorSection title="Pipeline details">
        <CommitTextInput label="Name" required value={pipeline.name} onCommit={(name) => update({ name })} />
        <CommitTextarea
          label="Description"
          placeholder="What the pipeline produces and who reads it"
          value={pipeline.description}
          onCommit={(description) => update({ description })}
        />
        <Group gap="xl" align="flex-end">
          <Stack gap={4}>
            <Input.Label>Critical level</Input.Label>
            <SegmentedControl
              aria-label="Critical level"
              data={CRITICALITY.map((c) => ({ value: c.value, label: c.label }))}
              value={pipeline.criticality}
              onChange={(value) =>
                update({ criticality: value as Criticality }, 'Critical level not changed')
              }
            />
          </Stack>
          <Switch
            label="Reports to investors"
            description="Its owners are held to the investor-week rules"
            checked={pipeline.reportsToInvestors}
            onChange={(e) =>
              update({ reportsToInvestors: e.currentTarget.checked }, 'Investor reporting not changed')
            }
          />
        </Group>
      </EditorSection>

      <EditorSection title="Schedule" description="When the pipeline runs, in its own time zone.">
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap={4}>
              <Input.Label>Kind</Input.Label>
              <SegmentedControl
                aria-label="Schedule kind"
                fullWidth
                data={[
                  { value: 'cron', label: 'Cron' },
                  { value: 'text', label: 'Text' },
                ]}
                value={pipeline.schedule.kind}
                onChange={(value) =>
                  update({ schedule: { kind: value as 'cron' | 'text' } }, 'Schedule kind not changed')
                }
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CommitTextInput
              label={pipeline.schedule.kind === 'cron' ? 'Cron expression' : 'Schedule'}
              description={
                pipeline.schedule.kind === 'cron'
                  ? 'Five fields: minute hour day-of-month month day-of-week'
                  : 'In words, e.g. "Streaming, micro-batches every 5 minutes"'
              }
              styles={pipeline.schedule.kind === 'cron' ? { input: { fontFamily: 'monospace' } } : undefined}
              value={pipeline.schedule.expression}
              error={typeof cronProblem === 'string' ? `The simulator ${cronProblem}` : undefined}
              onCommit={(expression) => update({ schedule: { expression } })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TimeZoneSelect
              label="Time zone"
              description="IANA zone the schedule runs in"
              value={pipeline.schedule.timeZone}
              onChange={(timeZone) => timeZone && update({ schedule: { timeZone } }, 'Time zone not changed')}
            />
          </Grid.Col>
        </Grid>
        <CommitNumberInput
          label="Expected run time (minutes)"
          description="The simulator draws incidents while a run is going"
          maw={260}
          min={1}
          max={1440}
          allowDecimal={false}
          value={pipeline.schedule.expectedDurationMinutes}
          onCommit={(expectedDurationMinutes) => update({ schedule: { expectedDurationMinutes } })}
        />
      </EditorSection>

      <EditorSection title="Data types" description="What flows through the pipeline.">
        <StringListEditor
          pipeline={pipeline}
          list="dataTypes"
          itemLabel="data type"
          emptyText="No data types yet — list the sources and tables this pipeline handles."
          placeholder="e.g. License invoices (billing system)"
        />
      </EditorSection>

      <EditorSection
        title="SLA"
        description="The promise to the people who read the data, in words and in hours."
      >
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, md: 9 }}>
            <CommitTextInput
              label="Data freshness"
              value={pipeline.sla.dataFreshness}
              placeholder="e.g. Yesterday’s data loaded by 06:00 Pacific"
              onCommit={(dataFreshness) => update({ sla: { dataFreshness } })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <CommitNumberInput
              label="Freshness (hours)"
              min={0.5}
              value={pipeline.sla.freshnessHours}
              onCommit={(freshnessHours) => update({ sla: { freshnessHours } })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <CommitTextInput
              label="Issue resolution"
              value={pipeline.sla.issueResolution}
              placeholder="e.g. Within 4 hours"
              onCommit={(issueResolution) => update({ sla: { issueResolution } })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <CommitNumberInput
              label="Resolution (hours)"
              min={0.5}
              value={pipeline.sla.resolutionHours}
              onCommit={(resolutionHours) => update({ sla: { resolutionHours } })}
            />
          </Grid.Col>
        </Grid>
      </EditorSection>

      <EditorSection title="Monitoring & alerts" description="Checks that page someone, and where alerts go.">
        <StringListEditor
          pipeline={pipeline}
          list="monitoring"
          itemLabel="monitoring line"
          emptyText="No monitoring yet — add the checks that would tell you this pipeline is broken."
          placeholder="e.g. Freshness check on fact_revenue older than 28 hours"
        />
      </EditorSection>

      <EditorSection
        title="Common issues"
        description="What usually goes wrong, in the order the person on call should check."
        testId="common-issues"
      >
        <CommonIssuesEditor pipeline={pipeline} />
      </EditorSection>

      <EditorSection
        title="Incident assumption"
        description="What the simulator assumes about this pipeline's incidents."
      >
        <Stack gap={4}>
          <Input.Label>Incident rate</Input.Label>
          <SegmentedControl
            aria-label="Incident rate"
            w="fit-content"
            data={[
              { value: 'criticality', label: 'From criticality' },
              { value: 'rate', label: 'Rate per week' },
            ]}
            value={pipeline.incidents.ratePerWeek === null ? 'criticality' : 'rate'}
            onChange={(value) =>
              update(
                { incidents: { ratePerWeek: value === 'criticality' ? null : derivedRate } },
                'Incident rate not changed',
              )
            }
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {pipeline.incidents.ratePerWeek === null ? (
            <Stack gap={2}>
              <Input.Label>Incidents per week</Input.Label>
              <Text size="sm">
                {derivedRate} (the {criticalityInfo(pipeline.criticality).label.toLowerCase()} default)
              </Text>
            </Stack>
          ) : (
            <CommitNumberInput
              label="Incidents per week"
              min={0}
              max={100}
              step={0.05}
              decimalScale={3}
              value={pipeline.incidents.ratePerWeek}
              onCommit={(ratePerWeek) => update({ incidents: { ratePerWeek } })}
            />
          )}
          <CommitNumberInput
            label="Mean duration (minutes)"
            min={1}
            max={10080}
            value={pipeline.incidents.meanDurationMinutes}
            onCommit={(meanDurationMinutes) => update({ incidents: { meanDurationMinutes } })}
          />
          <CommitNumberInput
            label="Investor-week factor"
            description="Rate multiplier in the report week"
            min={1}
            max={10}
            step={0.1}
            decimalScale={2}
            value={pipeline.incidents.investorWeekFactor}
            onCommit={(investorWeekFactor) => update({ incidents: { investorWeekFactor } })}
          />
        </SimpleGrid>
      </EditorSection>
    </Stack>
  );
}
