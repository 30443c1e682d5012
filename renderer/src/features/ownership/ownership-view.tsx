import { ActionIcon, Box, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck, IconTable } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { OwnershipColumn, OwnershipFindingKind } from '../../../../shared/ownership/ownership-findings';
import {
  findingsForCell,
  validateOwnership,
  type OwnershipReport,
} from '../../../../shared/ownership/validate-ownership';
import type { Plan } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { CommitTextarea } from '../../components/commit-on-blur-inputs';
import { criticalityInfo } from '../../components/criticality-levels';
import { useApplyEdit } from '../../hooks/use-apply-edit';
import { CellFindings, cellBorder, severityColor, SeverityIcon, worstSeverity } from './cell-findings';
import { MemberSelect } from '../../components/member-select';
import { OwnershipLoadBars } from './ownership-load-bars';
import { TintBadge } from '../../components/tint-badge';

const KIND_LABEL: Record<OwnershipFindingKind, [string, string]> = {
  'ownership-missing': ['missing owner or stakeholder', 'missing owners or stakeholders'],
  'ownership-duplicate': ['same primary and secondary', 'same primary and secondary'],
  'ownership-overload': ['overloaded cell', 'overloaded cells'],
  'owners-unavailable': ['period with both owners away', 'periods with both owners away'],
  'bus-factor': ['pipeline only one person knows', 'pipelines only one person knows'],
};

function Summary({ report }: { report: OwnershipReport }) {
  const { counts, byKind, message } = report.summary;
  const worst = worstSeverity(report.findings);
  const kinds = (Object.keys(byKind) as OwnershipFindingKind[]).filter((k) => byKind[k] > 0);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="ownership-summary"
      style={worst ? { borderColor: `var(--mantine-color-${severityColor(worst)}-4)` } : undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {worst ? (
          <SeverityIcon severity={worst} size={22} />
        ) : (
          <IconCircleCheck size={22} color="var(--mantine-color-green-7)" aria-label="no findings" />
        )}
        <Stack gap={6} style={{ flex: 1 }}>
          <Text size="sm" fw={600}>
            {message}
          </Text>
          {kinds.length > 0 && (
            <Group gap="xs">
              <TintBadge color="red" size="md">
                {counts.error} {counts.error === 1 ? 'error' : 'errors'}
              </TintBadge>
              <TintBadge color="orange" size="md">
                {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
              </TintBadge>
              <TintBadge color="blue" size="md">
                {counts.info} {counts.info === 1 ? 'note' : 'notes'}
              </TintBadge>
              <Text size="xs" c="dimmed">
                {kinds.map((k) => `${byKind[k]} ${KIND_LABEL[k][byKind[k] === 1 ? 0 : 1]}`).join(' · ')}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

function Matrix({ plan, report }: { plan: Plan; report: OwnershipReport }) {
  const apply = useApplyEdit();
  const cell = (pipelineId: string, column: OwnershipColumn) => findingsForCell(report, pipelineId, column);
  return (
    <Paper withBorder radius="md" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing="sm"
        aria-label="Ownership matrix"
        layout="fixed"
        withColumnBorders
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Pipeline</Table.Th>
            <Table.Th w="25%">Primary owner</Table.Th>
            <Table.Th w="25%">Secondary owner</Table.Th>
            <Table.Th>Business stakeholder</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.pipelines.map((p) => {
            const row = plan.ownership.find((o) => o.pipelineId === p.id);
            const crit = criticalityInfo(p.criticality);
            const f = {
              pipeline: cell(p.id, 'pipeline'),
              primary: cell(p.id, 'primary'),
              secondary: cell(p.id, 'secondary'),
              stakeholder: cell(p.id, 'stakeholder'),
            };
            return (
              <Table.Tr key={p.id} data-pipeline-id={p.id} style={{ verticalAlign: 'top' }}>
                <Table.Td style={cellBorder(f.pipeline)} data-column="pipeline">
                  <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Tooltip label={`Swap the owners of ${p.name}`}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Swap the owners of ${p.name}`}
                        onClick={() =>
                          apply({ kind: 'ownership:swap', pipelineId: p.id }, 'Owners not swapped')
                        }
                      >
                        <IconArrowsExchange size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                  <Group gap={4} mt={2}>
                    <TintBadge size="xs" color={crit.color}>
                      {crit.label}
                    </TintBadge>
                    {p.reportsToInvestors && (
                      <TintBadge size="xs" color="grape">
                        Investors
                      </TintBadge>
                    )}
                  </Group>
                  <CellFindings findings={f.pipeline} />
                </Table.Td>
                <Table.Td style={cellBorder(f.primary)} data-column="primary">
                  <MemberSelect
                    members={plan.members}
                    ariaLabel={`Primary owner of ${p.name}`}
                    value={row?.primaryMemberId ?? null}
                    onChange={(memberId) =>
                      apply({ kind: 'ownership:setPrimary', pipelineId: p.id, memberId }, 'Owner not changed')
                    }
                  />
                  <CellFindings findings={f.primary} />
                </Table.Td>
                <Table.Td style={cellBorder(f.secondary)} data-column="secondary">
                  <MemberSelect
                    // Not the primary owner again (unless the plan already has them twice: the cell shows it).
                    members={plan.members.filter(
                      (m) => m.id !== row?.primaryMemberId || m.id === row?.secondaryMemberId,
                    )}
                    ariaLabel={`Secondary owner of ${p.name}`}
                    value={row?.secondaryMemberId ?? null}
                    onChange={(memberId) =>
                      apply(
                        { kind: 'ownership:setSecondary', pipelineId: p.id, memberId },
                        'Owner not changed',
                      )
                    }
                  />
                  <CellFindings findings={f.secondary} />
                </Table.Td>
                <Table.Td style={cellBorder(f.stakeholder)} data-column="stakeholder">
                  <CommitTextarea
                    singleLine
                    aria-label={`Business stakeholder of ${p.name}`}
                    placeholder="A team or person, e.g. Finance — VP FP&A"
                    value={row?.stakeholder ?? ''}
                    onCommit={(stakeholder) =>
                      apply({ kind: 'ownership:setStakeholder', pipelineId: p.id, stakeholder })
                    }
                  />
                  <CellFindings findings={f.stakeholder} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * The Ownership view: the matrix of pipelines × primary owner, secondary owner and business stakeholder, edited in
 * place, with the ownership checks shown in the cells they are about and summed up above; the per-member load bars
 * sit beside the grid.
 */
export function OwnershipView() {
  const plan = useAppStore((s) => s.plan);
  const report = useMemo(() => (plan ? validateOwnership(plan) : null), [plan]);
  if (!plan || !report) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Ownership"
        description="Who answers for each pipeline. Owners come from the team; the checks run as you edit: missing owners, the same person twice, too much ownership on one person, both owners away at once, and pipelines only one person knows."
      />
      {plan.pipelines.length === 0 ? (
        <EmptyState icon={IconTable} title="No pipelines to own yet">
          No pipelines yet — add the pipelines your team owns in Pipelines, then pick a primary and a
          secondary owner for each here.
        </EmptyState>
      ) : (
        <>
          <Summary report={report} />
          {plan.members.length === 0 && (
            <Text size="sm" c="orange.8">
              No team members yet — add them in Team to pick owners.
            </Text>
          )}
          <Group align="flex-start" wrap="nowrap" gap="lg">
            <Matrix plan={plan} report={report} />
            <Box>
              <OwnershipLoadBars
                loads={report.summary.loads}
                members={plan.members}
                pipelines={plan.pipelines}
                limit={plan.coverage.limits.maxOwnershipLoad}
              />
            </Box>
          </Group>
        </>
      )}
    </Stack>
  );
}
