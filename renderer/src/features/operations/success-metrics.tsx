import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { MetricCategory, SuccessMetric } from '../../../../shared/plan/schema';
import { CommitTextarea } from '../../components/commit-on-blur-inputs';
import { slugify, uniqueId } from '../../../../shared/plan/ids';
import { useApplyEdit } from '../../hooks/use-apply-edit';

/** The seed template's three metric groups, in its order. */
export const METRIC_CATEGORIES: { value: MetricCategory; label: string; hint: string }[] = [
  {
    value: 'pipeline-reliability',
    label: 'Pipeline reliability',
    hint: 'e.g. SLA attainment, time to resolve',
  },
  { value: 'data-quality', label: 'Data quality', hint: 'e.g. reconciliation accuracy, checks passing' },
  { value: 'team-efficiency', label: 'Team efficiency', hint: 'e.g. pages per shift, load balance' },
];

type NewMetric = { kpi: string; target: string; measurement: string };
const EMPTY: NewMetric = { kpi: '', target: '', measurement: '' };

function CategoryTable({
  category,
  metrics,
  allIds,
}: {
  category: (typeof METRIC_CATEGORIES)[number];
  metrics: SuccessMetric[];
  allIds: string[];
}) {
  const apply = useApplyEdit();
  const [draft, setDraft] = useState<NewMetric>(EMPTY);
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    if (draft.kpi.trim() === '') {
      setError('name the KPI first');
      return;
    }
    const refused = apply({
      kind: 'operations:addMetric',
      metric: {
        id: uniqueId(`kpi-${slugify(draft.kpi)}`, allIds, 'kpi'),
        category: category.value,
        kpi: draft.kpi.trim(),
        target: draft.target.trim(),
        measurement: draft.measurement.trim(),
      },
    });
    setError(refused);
    if (!refused) setDraft(EMPTY);
  };

  return (
    <Stack gap="xs" data-category={category.value}>
      <Title order={5}>{category.label}</Title>
      {metrics.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {category.label.toLowerCase()} metrics yet — {category.hint}.
        </Text>
      ) : (
        <Table
          verticalSpacing="xs"
          horizontalSpacing="xs"
          layout="fixed"
          aria-label={`${category.label} metrics`}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">KPI</Table.Th>
              <Table.Th w="28%">Target</Table.Th>
              <Table.Th>How it is measured</Table.Th>
              <Table.Th w={44} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metrics.map((m) => (
              <Table.Tr key={m.id} data-metric-id={m.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <CommitTextarea
                    singleLine
                    aria-label={`KPI ${m.kpi}`}
                    value={m.kpi}
                    onCommit={(kpi) =>
                      apply({ kind: 'operations:updateMetric', metricId: m.id, fields: { kpi } })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <CommitTextarea
                    singleLine
                    aria-label={`Target of ${m.kpi}`}
                    value={m.target}
                    onCommit={(target) =>
                      apply({ kind: 'operations:updateMetric', metricId: m.id, fields: { target } })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <CommitTextarea
                    singleLine
                    aria-label={`How ${m.kpi} is measured`}
                    value={m.measurement}
                    onCommit={(measurement) =>
                      apply({ kind: 'operations:updateMetric', metricId: m.id, fields: { measurement } })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Remove">
                    <ActionIcon
                      mt={4}
                      variant="subtle"
                      color="red"
                      aria-label={`Remove metric ${m.kpi}`}
                      onClick={() =>
                        apply({ kind: 'operations:removeMetric', metricId: m.id }, 'Metric not removed')
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          style={{ flex: 3 }}
          aria-label={`New ${category.label} KPI`}
          placeholder="KPI"
          value={draft.kpi}
          error={error}
          onChange={(e) => {
            const kpi = e.currentTarget.value;
            setDraft((d) => ({ ...d, kpi }));
            setError(null);
          }}
        />
        <TextInput
          style={{ flex: 3 }}
          aria-label={`New ${category.label} target`}
          placeholder="Target"
          value={draft.target}
          onChange={(e) => {
            const target = e.currentTarget.value;
            setDraft((d) => ({ ...d, target }));
          }}
        />
        <TextInput
          style={{ flex: 4 }}
          aria-label={`New ${category.label} measurement`}
          placeholder="How it is measured"
          value={draft.measurement}
          onChange={(e) => {
            const measurement = e.currentTarget.value;
            setDraft((d) => ({ ...d, measurement }));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
          Add metric
        </Button>
      </Group>
    </Stack>
  );
}

/** Success metrics grouped as the seed groups them: pipeline reliability, data quality, team efficiency. */
export function SuccessMetrics({ metrics }: { metrics: SuccessMetric[] }) {
  const allIds = metrics.map((m) => m.id);
  return (
    <Stack gap="lg">
      {METRIC_CATEGORIES.map((c) => (
        <CategoryTable
          key={c.value}
          category={c}
          metrics={metrics.filter((m) => m.category === c.value)}
          allIds={allIds}
        />
      ))}
    </Stack>
  );
}
