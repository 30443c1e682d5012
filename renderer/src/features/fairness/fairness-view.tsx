import { Alert, Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFlask, IconUsers } from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { resolveWindow } from '../../../../shared/fairness/window';
import type { Plan } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { selectAnalysedPlan, selectAnalysedScenarioId } from '../../store/simulation-slice';
import { useAppStore } from '../../store/store';
import type { AnalysisWindow } from '../../workers/analysis-client';
import { ScenariosPanel } from './scenarios-panel';
import { FlagsTable, type FlagTarget } from './flags-table';
import { HeadlineCards } from './headline-cards';
import { LoadChart } from './load-chart';
import { MainProblem } from './main-problem';
import { MemberLoadTable } from './member-load-table';
import { RegionNotice } from './region-notice';
import { SimulationPanel } from './simulation-panel';
import { useAnalysis } from '../../hooks/use-analysis';
import { WindowPicker } from './window-picker';
import { formatNumber } from '../../components/fairness-format';

type Tab = 'load' | 'simulation' | 'scenarios';

function horizonOf(plan: Plan): { from: string; to: string } | null {
  try {
    const w = resolveWindow(plan);
    return { from: w.from, to: w.to };
  } catch {
    return null;
  }
}

function LoadTab({
  plan,
  range,
  scenarioId,
  scenarioName,
}: {
  plan: Plan;
  range: AnalysisWindow;
  scenarioId: string | null;
  scenarioName: string | null;
}) {
  const view = useAnalysis(plan, range, `fairness:${scenarioId ?? 'live'}`);
  // The headline figures paint first; the chart and the tables (most of the drawing) follow in a render that yields
  // to the browser, so the first figures do not wait for them.
  const details = useDeferredValue(view.analysis, null);
  const setCalendarFocus = useAppStore((s) => s.setCalendarFocus);
  const setView = useAppStore((s) => s.setView);
  if (view.error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The analysis failed">
        {view.error}. Your plan was not changed.
      </Alert>
    );
  }
  const analysis = view.analysis;
  if (!analysis) {
    return (
      <Group gap="xs" role="status" aria-live="polite" data-testid="analysis-progress">
        <Loader size="sm" />
        <Text c="dimmed">Analysing the plan: weighing every shift, holiday and flag…</Text>
      </Group>
    );
  }
  const show = (target: FlagTarget) => {
    // The calendar shows the live plan: a scenario's shift ids mean nothing there, so only its date is passed on.
    setCalendarFocus(scenarioName ? { date: target.date } : target);
    setView('calendar');
  };
  return (
    <Stack
      gap="lg"
      data-testid="fairness-analysis"
      data-from={analysis.from}
      data-to={analysis.to}
      data-stale={view.stale}
      style={{ opacity: view.stale ? 0.6 : 1 }}
    >
      <RegionNotice notices={view.regionNotices} onOpenTeam={() => setView('team')} />
      <MainProblem analysis={analysis} maxOnCallShare={plan.coverage.limits.maxOnCallShare} />
      <HeadlineCards
        analysis={analysis}
        maxOnCallShare={plan.coverage.limits.maxOnCallShare}
        layerCount={plan.rotation.layers.length}
      />
      {details ? (
        <>
          <Paper withBorder radius="md" p="md">
            <Title order={5}>Weighted load against fair share (weighted hours)</Title>
            <Text size="xs" c="dimmed" mb="sm">
              Weighted hours: weekday ×{plan.coverage.weights.weekday}, weekend ×
              {plan.coverage.weights.weekend}, holiday ×{plan.coverage.weights.holiday}, night +
              {plan.coverage.weights.nightBonus}, investor week +{plan.coverage.weights.investorWeekBonus},
              secondary layer ×{plan.coverage.weights.secondaryFactor}. Fair share follows availability: away
              half the window, owe half.
            </Text>
            <LoadChart analysis={details} members={plan.members} />
          </Paper>
          <MemberLoadTable analysis={details} members={plan.members} />
          <Stack gap="xs">
            <Title order={4}>Flags</Title>
            <FlagsTable
              flags={details.flags}
              zone={plan.rotation.timeZone}
              members={plan.members}
              onShow={show}
              showHint={
                scenarioName ? 'The calendar shows the live plan: this opens the date only' : undefined
              }
            />
          </Stack>
        </>
      ) : (
        <Group gap="xs" data-testid="analysis-details-loading">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Drawing the chart, the load per person and the flags…
          </Text>
        </Group>
      )}
      <Text size="xs" c="dimmed" data-testid="analysis-time" data-ms={view.elapsedMs ?? undefined}>
        {view.running
          ? 'Updating…'
          : `Analysed ${analysis.from} to ${analysis.to} in ${formatNumber(view.elapsedMs ?? 0, 1)} ms, off the UI thread.`}
      </Text>
    </Stack>
  );
}

/**
 * The Fairness view: who carries how much (weighted load against fair share, the team metrics, the breakdown per
 * member), the flags with their fixes and a jump to the calendar, incident simulation, and what-if scenarios. It
 * analyses the plan the top-bar switcher picks — live or a scenario — and re-analyses on every change.
 */
export function FairnessView() {
  const live = useAppStore((s) => s.plan);
  const plan = useAppStore(selectAnalysedPlan);
  const scenarioId = useAppStore(selectAnalysedScenarioId);
  const setScenario = useAppStore((s) => s.setAnalysedScenario);
  const setView = useAppStore((s) => s.setView);
  const [tab, setTab] = useState<Tab>('load');
  const [range, setRange] = useState<AnalysisWindow>({});
  if (!live || !plan) return null;
  const scenarioName = scenarioId ? (live.scenarios.find((s) => s.id === scenarioId)?.name ?? null) : null;
  const horizon = horizonOf(plan);

  const header = (
    <PageHeader
      title="Fairness"
      description="Who carries how much on-call load — weekends, holidays, nights and investor weeks weighed — against what each person owes, with the problems found and how to fix them."
      actions={
        horizon && tab !== 'scenarios' && <WindowPicker value={range} horizon={horizon} onChange={setRange} />
      }
    />
  );
  if (plan.members.length === 0 || plan.shifts.length === 0) {
    return (
      <Stack gap="lg">
        {header}
        <EmptyState
          icon={IconUsers}
          title={plan.members.length === 0 ? 'No team yet' : 'No shifts yet'}
          action={
            <Button variant="light" onClick={() => setView(plan.members.length === 0 ? 'team' : 'calendar')}>
              {plan.members.length === 0 ? 'Add the team' : 'Open the calendar'}
            </Button>
          }
        >
          {plan.members.length === 0
            ? 'Fairness compares what each person carries. Add the people who share on call first.'
            : 'Fairness reads the rotation’s shifts. Generate the rotation in the Calendar first.'}
        </EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {header}
      {scenarioName && (
        <Alert color="violet" variant="light" icon={<IconFlask />} p="xs" data-testid="analysing-scenario">
          <Group justify="space-between">
            <Text size="sm">
              Analysing the scenario <b>{scenarioName}</b>, not the live plan.
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => setScenario(null)}>
              Back to the live plan
            </Button>
          </Group>
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="load">Load &amp; flags</Tabs.Tab>
          <Tabs.Tab value="simulation">Incident simulation</Tabs.Tab>
          <Tabs.Tab
            value="scenarios"
            rightSection={
              live.scenarios.length > 0 ? (
                <Badge size="xs" variant="light" circle>
                  {live.scenarios.length}
                </Badge>
              ) : undefined
            }
          >
            What-if scenarios
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="load" pt="lg">
          <LoadTab plan={plan} range={range} scenarioId={scenarioId} scenarioName={scenarioName} />
        </Tabs.Panel>
        <Tabs.Panel value="simulation" pt="lg">
          <SimulationPanel range={range} />
        </Tabs.Panel>
        <Tabs.Panel value="scenarios" pt="lg">
          <ScenariosPanel plan={live} range={range} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
