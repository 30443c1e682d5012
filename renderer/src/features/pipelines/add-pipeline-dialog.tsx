import { Button, Group, Input, Modal, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Criticality, Pipeline, Plan } from '../../../../shared/plan/schema';
import { CRITICALITY } from './criticality';
import { slugify, uniqueId } from './ids';

/**
 * A new pipeline with the fields the dialog asked for and working defaults for the rest: a nightly 02:00 run in the
 * plan's zone, a 24-hour freshness and 8-hour resolution SLA, and the criticality's default incident rate. Every
 * default is a real value the editor shows and the user can change; none is a placeholder.
 */
export function newPipeline(
  plan: Plan,
  fields: { name: string; criticality: Criticality; reportsToInvestors: boolean },
): Pipeline {
  return {
    id: uniqueId(
      slugify(fields.name),
      plan.pipelines.map((p) => p.id),
      'pipeline',
    ),
    name: fields.name.trim(),
    description: '',
    schedule: {
      kind: 'cron',
      expression: '0 2 * * *',
      timeZone: plan.rotation.timeZone,
      expectedDurationMinutes: 60,
    },
    criticality: fields.criticality,
    reportsToInvestors: fields.reportsToInvestors,
    dataTypes: [],
    sla: { dataFreshness: '', issueResolution: '', freshnessHours: 24, resolutionHours: 8 },
    monitoring: [],
    commonIssues: [],
    incidents: { ratePerWeek: null, meanDurationMinutes: 60, investorWeekFactor: 1 },
  };
}

/** Asks for a new pipeline's name, criticality and investor reporting; the editor takes it from there. */
export function AddPipelineDialog({
  opened,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  /** Returns the refusal reason, or null when the pipeline was added. */
  onSubmit: (fields: {
    name: string;
    criticality: Criticality;
    reportsToInvestors: boolean;
  }) => string | null;
}) {
  const [name, setName] = useState('');
  const [criticality, setCriticality] = useState<Criticality>('medium');
  const [investors, setInvestors] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (name.trim() === '') {
      setError('a pipeline needs a name');
      return;
    }
    const refused = onSubmit({ name, criticality, reportsToInvestors: investors });
    setError(refused);
    if (!refused) {
      setName('');
      setCriticality('medium');
      setInvestors(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      opened={opened}
      onClose={onClose}
      title="Add pipeline"
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            data-autofocus
            placeholder="e.g. Churn"
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
          />
          <Stack gap={4}>
            <Input.Label>Critical level</Input.Label>
            <SegmentedControl
              aria-label="Critical level"
              data={CRITICALITY.map((c) => ({ value: c.value, label: c.label }))}
              value={criticality}
              onChange={(value) => setCriticality(value as Criticality)}
            />
          </Stack>
          <Switch
            label="Reports to investors"
            checked={investors}
            onChange={(e) => setInvestors(e.currentTarget.checked)}
          />
          <Text size="xs" c="dimmed">
            It starts with a nightly 02:00 run in the plan’s time zone; set its schedule, SLA, monitoring and
            common issues in the editor, and its owners in Ownership.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Add pipeline</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
