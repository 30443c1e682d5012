import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCoin } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { PayChart } from './pay-chart';
import { PayRulesList } from './pay-rules-list';
import { PayTable } from './pay-table';
import { usePayReport } from './use-pay-report';

/**
 * On-call pay over the rotation's horizon by the plan's pay rules: member × month amounts with totals (the same
 * figures as `rotaplan pay`), the cost per month, and the rules that priced them.
 */
export function PayView() {
  const plan = useAppStore((s) => s.plan);
  const state = usePayReport(plan);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Pay"
        description="What each person is owed for on call, month by month, from the plan's pay rules (the same figures as rotaplan pay)."
      />
      {state.report ? (
        <Stack gap="lg" data-testid="pay-report" data-from={state.report.from} data-to={state.report.to}>
          <PayTable report={state.report} />
          <PayChart report={state.report} />
          {plan?.pay && <PayRulesList rules={plan.pay} />}
        </Stack>
      ) : state.reason === 'no-rules' ? (
        <EmptyState icon={IconCoin} title="No pay rules in this plan">
          Add a pay section to the plan file (currency, ordered hourly rules, one-off periods) to see what on
          call costs; rotaplan pay FILE --rules RULES.json prices a plan with rules kept outside it.
        </EmptyState>
      ) : state.reason === 'no-plan' ? null : (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Pay could not be computed">
          {state.reason}. Your plan was not changed.
        </Alert>
      )}
    </Stack>
  );
}
