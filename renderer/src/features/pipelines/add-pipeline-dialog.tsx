import { Button, Group, Input, Modal, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Criticality } from '../../../../shared/plan/schema';
import { CRITICALITY } from '../../components/criticality-levels';

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
