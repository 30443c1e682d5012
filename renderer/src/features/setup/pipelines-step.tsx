import { Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Criticality } from '../../../../shared/plan/schema';
import { CRITICALITY } from '../../components/criticality-levels';
import { PIPELINE_SUGGESTIONS } from './pipeline-suggestions';
import { blankPipeline, type DraftPipeline, type SetupDraft } from '../../../../shared/setup/setup-draft';
import { draftKey } from './draft-keys';
import { RemoveRowButton } from './remove-row-button';

/** Step 3: the pipelines the team runs; the seed template's five are one click away. */
export function PipelinesStep({
  draft,
  onChange,
}: {
  draft: SetupDraft;
  onChange: (patch: Partial<SetupDraft>) => void;
}) {
  const update = (key: string, fields: Partial<DraftPipeline>) =>
    onChange({ pipelines: draft.pipelines.map((p) => (p.key === key ? { ...p, ...fields } : p)) });
  const remove = (key: string) => onChange({ pipelines: draft.pipelines.filter((p) => p.key !== key) });
  const taken = new Set(draft.pipelines.map((p) => p.name.trim().toLowerCase()));

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        The pipelines the on-call person looks after. Schedules, SLAs and runbooks can be filled in later in
        the Pipelines view.
      </Text>
      <div>
        <Text size="sm" fw={600} mb={6}>
          Suggestions
        </Text>
        <Group gap="xs">
          {PIPELINE_SUGGESTIONS.map((s) => (
            <Button
              key={s.name}
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              disabled={taken.has(s.name.toLowerCase())}
              aria-label={`Add suggested pipeline ${s.name}`}
              onClick={() =>
                onChange({ pipelines: [...draft.pipelines, { key: draftKey('pipeline'), ...s }] })
              }
            >
              {s.name}
            </Button>
          ))}
        </Group>
      </div>
      {draft.pipelines.map((p, i) => {
        const n = i + 1;
        return (
          <Paper key={p.key} withBorder p="sm" radius="md" data-testid="setup-pipeline">
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap="xs" style={{ flex: 1 }}>
                <Group grow align="flex-end" gap="sm">
                  <TextInput
                    label={`Name of pipeline ${n}`}
                    required
                    value={p.name}
                    onChange={(e) => update(p.key, { name: e.currentTarget.value })}
                  />
                  <Select
                    label={`Criticality of pipeline ${n}`}
                    data={CRITICALITY.map((c) => ({ value: c.value, label: c.label }))}
                    allowDeselect={false}
                    value={p.criticality}
                    onChange={(value) => value && update(p.key, { criticality: value as Criticality })}
                  />
                  <Checkbox
                    label="Reports to investors"
                    mb={8}
                    checked={p.reportsToInvestors}
                    onChange={(e) => update(p.key, { reportsToInvestors: e.currentTarget.checked })}
                  />
                </Group>
                <Textarea
                  label={`Description of pipeline ${n}`}
                  rows={2}
                  value={p.description}
                  onChange={(e) => update(p.key, { description: e.currentTarget.value })}
                />
              </Stack>
              <RemoveRowButton
                tooltip="Remove this pipeline"
                label={`Remove pipeline ${n}`}
                onRemove={() => remove(p.key)}
                mt={24}
              />
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange({ pipelines: [...draft.pipelines, blankPipeline(draftKey('pipeline'))] })}
        >
          Add pipeline
        </Button>
        <Text size="sm" c="dimmed">
          {draft.pipelines.length === 0
            ? 'No pipelines yet: add one or pick a suggestion.'
            : `${draft.pipelines.length} ${draft.pipelines.length === 1 ? 'pipeline' : 'pipelines'}`}
        </Text>
      </Group>
    </Stack>
  );
}
