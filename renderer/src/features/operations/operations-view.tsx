import { SimpleGrid, Stack } from '@mantine/core';
import type { CommunicationFields } from '../../../../shared/plan/edits/operations-edits';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { CommitTextarea } from '../../components/commit-on-blur-inputs';
import { EditorSection } from '../../components/editor-section';
import { useApplyEdit } from '../../hooks/use-apply-edit';
import { EscalationMatrix } from './escalation-matrix';
import { SuccessMetrics } from './success-metrics';

const PROTOCOLS: { key: keyof CommunicationFields; label: string; placeholder: string }[] = [
  { key: 'daily', label: 'Daily', placeholder: 'e.g. Health summary in #data-oncall at 09:30' },
  { key: 'weekly', label: 'Weekly', placeholder: 'e.g. Monday handoff call; Friday review of pages' },
  { key: 'monthly', label: 'Monthly', placeholder: 'e.g. Investor-report readiness review' },
];

/** The Operations view: escalation matrix, communication protocols and success metrics (the seed's section 4). */
export function OperationsView() {
  const plan = useAppStore((s) => s.plan);
  const apply = useApplyEdit();
  if (!plan) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Operations"
        description="How incidents escalate, how the team keeps everyone informed, and how you know the coverage works. Each field saves when you leave it."
      />
      <EditorSection
        title="Escalation matrix"
        description="Who is called at each level, when to escalate, and how fast they answer."
        testId="escalation"
      >
        <EscalationMatrix levels={plan.escalation} members={plan.members} />
      </EditorSection>
      <EditorSection
        title="Communication protocols"
        description="Daily, weekly and monthly routines."
        testId="communication"
      >
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {PROTOCOLS.map((p) => (
            <CommitTextarea
              key={p.key}
              label={p.label}
              placeholder={p.placeholder}
              minRows={4}
              value={plan.communication[p.key]}
              onCommit={(value) => apply({ kind: 'operations:setCommunication', fields: { [p.key]: value } })}
            />
          ))}
        </SimpleGrid>
      </EditorSection>
      <EditorSection
        title="Success metrics"
        description="KPIs, their targets and how each is measured."
        testId="success-metrics"
      >
        <SuccessMetrics metrics={plan.successMetrics} />
      </EditorSection>
    </Stack>
  );
}
