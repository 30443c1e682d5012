import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Pipeline } from '../../../../shared/plan/schema';
import { CommitTextarea, CommitTextInput } from '../../components/commit-on-blur-inputs';
import { slugify, uniqueId } from '../../../../shared/plan/ids';
import { ReorderButtons } from '../../components/reorder-buttons';
import { useApplyEdit } from '../../hooks/use-apply-edit';

/**
 * The runbook's common issues: name, symptom, action and escalation per issue, each committed on blur; issues move
 * up and down (the runbook reads in this order) and are added by name, then filled in.
 */
export function CommonIssuesEditor({ pipeline }: { pipeline: Pipeline }) {
  const apply = useApplyEdit();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pipelineId = pipeline.id;
  const issues = pipeline.commonIssues;

  const add = () => {
    if (name.trim() === '') {
      setError('name the issue first, e.g. "Upstream export late"');
      return;
    }
    const id = uniqueId(
      `${pipelineId}-${slugify(name)}`,
      pipeline.commonIssues.map((c) => c.id),
    );
    const refused = apply({
      kind: 'pipeline:addIssue',
      pipelineId,
      issue: { id, name: name.trim(), symptom: '', action: '', escalation: '' },
    });
    setError(refused);
    if (!refused) setName('');
  };

  return (
    <Stack gap="sm">
      {issues.length === 0 && (
        <Text size="sm" c="dimmed">
          No common issues yet — add what usually goes wrong and what the person on call should do.
        </Text>
      )}
      {issues.map((issue, index) => (
        <Paper key={issue.id} withBorder radius="md" p="sm" data-issue-id={issue.id} bg="var(--rp-page)">
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="gray" mt={8} style={{ flexShrink: 0 }}>
                {index + 1}
              </Badge>
              <CommitTextInput
                style={{ flex: 1 }}
                aria-label={`Issue ${index + 1} name`}
                value={issue.name}
                onCommit={(next) =>
                  apply({
                    kind: 'pipeline:updateIssue',
                    pipelineId,
                    issueId: issue.id,
                    fields: { name: next },
                  })
                }
              />
              <ReorderButtons
                label={`issue ${issue.name}`}
                index={index}
                count={issues.length}
                onMove={(to) =>
                  apply(
                    { kind: 'pipeline:moveIssue', pipelineId, issueId: issue.id, to },
                    'Could not move the issue',
                  )
                }
                onRemove={() =>
                  apply(
                    { kind: 'pipeline:removeIssue', pipelineId, issueId: issue.id },
                    'Could not remove the issue',
                  )
                }
              />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
              <CommitTextarea
                label="Symptom"
                placeholder="What the alert or the user sees"
                value={issue.symptom}
                onCommit={(next) =>
                  apply({
                    kind: 'pipeline:updateIssue',
                    pipelineId,
                    issueId: issue.id,
                    fields: { symptom: next },
                  })
                }
              />
              <CommitTextarea
                label="Action"
                placeholder="What the person on call does"
                value={issue.action}
                onCommit={(next) =>
                  apply({
                    kind: 'pipeline:updateIssue',
                    pipelineId,
                    issueId: issue.id,
                    fields: { action: next },
                  })
                }
              />
              <CommitTextarea
                label="Escalation"
                placeholder="Who to call when the action does not help"
                value={issue.escalation}
                onCommit={(next) =>
                  apply({
                    kind: 'pipeline:updateIssue',
                    pipelineId,
                    issueId: issue.id,
                    fields: { escalation: next },
                  })
                }
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          style={{ flex: 1 }}
          aria-label="New issue name"
          placeholder="Name of a new common issue"
          value={name}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
          Add issue
        </Button>
      </Group>
    </Stack>
  );
}
