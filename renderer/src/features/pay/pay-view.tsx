import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCoin, IconPlus, IconRefresh } from '@tabler/icons-react';
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
import { usePayReport, type PayState } from './use-pay-report';
import type { PayReport } from '../../../../shared/pay/pay-report';

/**
 * One line above the amounts: a spinner while main prices the plan, else the window they cover. Always one line
 * high, so the table does not jump at every edit.
 */
function PricingLine({ state, report }: { state: PayState['status']; report: PayReport | null }) {
  return (
    <Group gap="xs" mih={22} data-testid="pay-status" data-state={state} aria-live="polite">
      {state === 'pricing' ? (
        <>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {report ? 'Updating the amounts for your change…' : 'Pricing every on-call hour by the rules…'}
          </Text>
        </>
      ) : (
        report && (
          <Text size="sm" c="dimmed">
            On call from {report.from} to {report.to} (the rotation&apos;s dates), in each member&apos;s local
            months.
          </Text>
        )
      )}
    </Group>
  );
}

/**
 * On-call pay over the rotation's horizon by the plan's pay rules: member × month amounts with totals (the same
 * figures as `rotaplan pay`, priced by main with the same code), the cost per month in member colours, and the
 * rules that priced them — ordered, editable, with a live example of which rule prices a chosen hour.
 */
export function PayView() {
  const plan = useAppStore((s) => s.plan);
  const { state, retry } = usePayReport(plan);
  const report = state.status === 'ready' || state.status === 'pricing' ? state.report : null;
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
      {(state.status === 'pricing' || report) && <PricingLine state={state.status} report={report} />}
      {report ? (
        <Stack
          gap="lg"
          data-testid="pay-report"
          data-state={state.status}
          data-from={report.from}
          data-to={report.to}
          style={state.status === 'pricing' ? { opacity: 0.6 } : undefined}
        >
          <PayTable report={report} />
          {plan && <PayChart report={report} members={plan.members} />}
          {plan?.pay && <PayExtrasList rules={plan.pay} layers={plan.rotation.layers} />}
        </Stack>
      ) : state.status === 'no-rules' ? (
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
      ) : state.status === 'failed' ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title="Pay could not be computed"
          data-testid="pay-error"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{state.message} Your plan was not changed.</Text>
            <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={retry}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
