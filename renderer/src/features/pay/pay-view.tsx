import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCoin, IconPlus } from '@tabler/icons-react';
import { useCallback } from 'react';
import type { PayEdit } from '../../../../shared/plan/edits/pay-edits';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useEditRunner } from '../../hooks/use-edit-runner';
import { useAppStore } from '../../store/store';
import { PayChart } from './pay-chart';
import { PayExtrasList } from './pay-extras-list';
import { PayRuleExample } from './pay-rule-example';
import { PayRulesEditor } from './pay-rules-editor';
import { PayTable } from './pay-table';
import { STARTER_PAY_RULES } from './starter-pay-rules';
import { usePayReport } from './use-pay-report';

/**
 * On-call pay over the rotation's horizon by the plan's pay rules: member × month amounts with totals (the same
 * figures as `rotaplan pay`), the cost per month in member colours, and the rules that priced them — ordered,
 * editable, with a live example of which rule prices a chosen hour.
 */
export function PayView() {
  const plan = useAppStore((s) => s.plan);
  const state = usePayReport(plan);
  const { run, modal } = useEditRunner();
  const runPay = useCallback(
    (edit: PayEdit, success: string): string | null => {
      const result = run(edit, {
        success,
        refusalTitle: edit.kind === 'pay:addRule' || edit.kind === 'pay:updateRule' ? null : undefined,
      });
      return result.outcome === 'refused' ? result.reason : null;
    },
    [run],
  );
  return (
    <Stack gap="lg">
      {modal}
      <PageHeader
        title="Pay"
        description="What each person is owed for on call, month by month, from the plan's pay rules (the same figures as rotaplan pay)."
      />
      {plan?.pay && (
        <>
          <PayRulesEditor rules={plan.pay} layers={plan.rotation.layers} run={runPay} />
          <PayRuleExample plan={plan} rules={plan.pay} />
        </>
      )}
      {state.report ? (
        <Stack gap="lg" data-testid="pay-report" data-from={state.report.from} data-to={state.report.to}>
          <PayTable report={state.report} />
          {plan && <PayChart report={state.report} members={plan.members} />}
          {plan?.pay && <PayExtrasList rules={plan.pay} layers={plan.rotation.layers} />}
        </Stack>
      ) : state.reason === 'no-rules' ? (
        <EmptyState
          icon={IconCoin}
          title="No pay rules in this plan"
          action={
            <Button
              mt="sm"
              leftSection={<IconPlus size={16} />}
              onClick={() => runPay({ kind: 'pay:set', pay: STARTER_PAY_RULES }, 'Added pay rules to edit.')}
            >
              Add pay rules
            </Button>
          }
        >
          Add rules to see what on call costs per person and month: ordered hourly rates (holiday, weekend,
          night, base) in each member&apos;s own time zone, which you can reorder and change. rotaplan pay
          FILE --rules RULES.json prices a plan with rules kept outside it.
        </EmptyState>
      ) : state.reason === 'no-plan' ? null : (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Pay could not be computed">
          {state.reason}. Your plan was not changed.
        </Alert>
      )}
    </Stack>
  );
}
