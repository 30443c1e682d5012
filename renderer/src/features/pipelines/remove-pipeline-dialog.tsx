import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { listPipelineReferences } from '../../../../shared/plan/edits/pipeline-edits';
import type { Pipeline, Plan } from '../../../../shared/plan/schema';

// Orange and red light-alert titles fall below WCAG AA on their tint; dark text keeps the colour in the frame.
const ALERT_STYLES = { title: { color: 'var(--rp-tint-text)' } };

/**
 * Confirms the removal of a pipeline after showing what refers to it: owners and skills (they go with it when the
 * user chooses "remove and clear") and free-text mentions (kept as written, listed so the user can fix them).
 */
export function RemovePipelineDialog({
  plan,
  pipeline,
  onCancel,
  onConfirm,
}: {
  plan: Plan;
  pipeline: Pipeline | null;
  onCancel: () => void;
  onConfirm: (pipeline: Pipeline, strategy: 'refuse' | 'clear') => void;
}) {
  const refs = pipeline ? listPipelineReferences(plan, pipeline.id) : [];
  const blocking = refs.filter((r) => r.kind !== 'mention');
  const mentions = refs.filter((r) => r.kind === 'mention');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      opened={pipeline !== null}
      onClose={onCancel}
      title={pipeline ? `Remove ${pipeline.name}?` : ''}
      centered
      size="lg"
    >
      {pipeline && (
        <Stack gap="md">
          {blocking.length === 0 ? (
            <Text size="sm">
              Nobody owns or knows {pipeline.name}. Removing it deletes its runbook (
              {pipeline.commonIssues.length} common {pipeline.commonIssues.length === 1 ? 'issue' : 'issues'}
              ). You can undo this.
            </Text>
          ) : (
            <Alert
              color="orange"
              variant="light"
              styles={ALERT_STYLES}
              title={`${pipeline.name} is still referred to`}
            >
              <List size="sm">
                {blocking.map((r) => (
                  <List.Item key={r.path}>{r.label}</List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                Removing it also clears these: its row leaves the ownership matrix and it leaves those
                members’ skills. Undo brings everything back.
              </Text>
            </Alert>
          )}
          {mentions.length > 0 && (
            <Alert color="gray" variant="light" title="Free text that mentions it (kept as written)">
              <List size="sm">
                {mentions.map((r) => (
                  <List.Item key={r.path}>{r.label}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => onConfirm(pipeline, blocking.length === 0 ? 'refuse' : 'clear')}
            >
              {blocking.length === 0 ? `Remove ${pipeline.name}` : `Remove and clear ${blocking.length}`}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
