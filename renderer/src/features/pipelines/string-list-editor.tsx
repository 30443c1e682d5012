import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PipelineList } from '../../../../shared/plan/edits/pipeline-edits';
import type { Pipeline } from '../../../../shared/plan/schema';
import { CommitTextInput } from '../../components/commit-on-blur-inputs';
import { ReorderButtons } from '../../components/reorder-buttons';
import { useApplyEdit } from '../../hooks/use-apply-edit';

/**
 * Edits one of a pipeline's string lists (data types, monitoring and alerts): each line edits in place and commits
 * on blur, lines move up and down, and a new line is added from the field at the bottom.
 */
export function StringListEditor({
  pipeline,
  list,
  itemLabel,
  emptyText,
  placeholder,
}: {
  pipeline: Pipeline;
  list: PipelineList;
  itemLabel: string;
  emptyText: string;
  placeholder: string;
}) {
  const apply = useApplyEdit();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const items = pipeline[list];
  const pipelineId = pipeline.id;

  const add = () => {
    if (draft.trim() === '') {
      setError(`type a ${itemLabel} first`);
      return;
    }
    const refused = apply({ kind: 'pipeline:addListItem', pipelineId, list, value: draft });
    setError(refused);
    if (!refused) setDraft('');
  };

  return (
    <Stack gap="xs">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {items.map((value, index) => (
        // Keyed by position: after a move or removal each field's draft follows the value now at its position.
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <CommitTextInput
            style={{ flex: 1 }}
            aria-label={`${itemLabel} ${index + 1}`}
            value={value}
            onCommit={(next) =>
              apply({ kind: 'pipeline:updateListItem', pipelineId, list, index, value: next })
            }
          />
          <ReorderButtons
            label={`${itemLabel} ${index + 1}`}
            index={index}
            count={items.length}
            onMove={(to) =>
              apply(
                { kind: 'pipeline:moveListItem', pipelineId, list, index, to },
                `Could not move the ${itemLabel}`,
              )
            }
            onRemove={() =>
              apply(
                { kind: 'pipeline:removeListItem', pipelineId, list, index },
                `Could not remove the ${itemLabel}`,
              )
            }
          />
        </Group>
      ))}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          style={{ flex: 1 }}
          aria-label={`New ${itemLabel}`}
          placeholder={placeholder}
          value={draft}
          error={error}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
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
          Add
        </Button>
      </Group>
    </Stack>
  );
}
