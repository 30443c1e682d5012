import { Alert, Button, Group, Loader, Paper, Progress, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerStop, IconScale, IconSparkles, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { resolveWindow } from '../../../../shared/fairness/window';
import { OPTIMIZE_STRATEGIES, type OptimizeResult } from '../../../../shared/optimize/optimize-plan';
import type { Plan } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { CompareTable } from './compare-table';
import { formatGap, formatSeconds } from './optimize-format';
import { OptimizeSettingsBar, type OptimizeSettings } from './optimize-settings';
import { ProposalPanel } from './proposal-panel';
import { SwapAssistant } from './swap-assistant';
import { useOptimizeJob, type JobRequest, type JobState } from './use-optimize-job';

type Tab = 'propose' | 'compare' | 'swap';

/** Cost per changed period (weighted hours) when "fewest changes" is on: a tie-breaker, never worth unfairness. */
const FEWEST_CHANGES_WEIGHT = 1;
/**
 * Weighted hours per unit of currency when "Lowest pay" is on: 10 000 of pay weigh as much as 1 weighted hour,
 * so pay only decides between rosters that are (almost) equally fair.
 */
const LOWEST_PAY_WEIGHT = 1e-4;

function horizonOf(plan: Plan): { from: string; to: string } | null {
  try {
    const w = resolveWindow(plan);
    return { from: w.from, to: w.to };
  } catch {
    return null;
  }
}

/** The request for a strategy; the window is left out when it is the plan's own horizon (handoff to handoff). */
function requestFor(plan: Plan, settings: OptimizeSettings, strategy: JobRequest['strategy']): JobRequest {
  const horizon = horizonOf(plan);
  const whole = horizon && horizon.from === settings.from && horizon.to === settings.to;
  return {
    plan: plan as unknown as JobRequest['plan'],
    strategy,
    timeLimitSeconds: settings.timeLimitSeconds,
    ...(whole ? {} : { from: settings.from, to: settings.to }),
    changeWeight: settings.fewestChanges ? FEWEST_CHANGES_WEIGHT : 0,
    costWeight: settings.lowestPay && plan.pay ? LOWEST_PAY_WEIGHT : 0,
  };
}

function windowOf(request: JobRequest): { from?: string; to?: string } {
  return { from: request.from, to: request.to };
}

/** Live progress of a solve: the gap so far and the time, with Cancel. */
function SolveProgress({
  state,
  limitSeconds,
  onCancel,
}: {
  state: JobState;
  limitSeconds: number;
  onCancel: () => void;
}) {
  if (state.phase !== 'starting' && state.phase !== 'running') return null;
  const status = state.phase === 'running' ? state.status : null;
  const elapsed = status?.elapsedMs ?? 0;
  const gap = status?.progress?.gap ?? null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="solve-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">
              {status?.progress
                ? `Solving with HiGHS — gap so far ${formatGap(gap)}`
                : 'Building the model and a first schedule…'}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {formatSeconds(elapsed)} of at most {limitSeconds} s
            </Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={14} />}
              onClick={onCancel}
            >
              Cancel
            </Button>
          </Group>
        </Group>
        <Progress value={Math.min(100, (elapsed / 1000 / limitSeconds) * 100)} size="sm" animated />
        <Text size="xs" c="dimmed">
          Cancel keeps the best schedule found so far.
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * The Optimise view: "Propose fair rotation" (the exact optimiser, with live progress, a diff against the current
 * schedule and Apply as one undoable step), "Compare strategies" (the optimiser beside round-robin and
 * least-recently-on-call), and the swap assistant. Solves run in a worker of main; this view only polls.
 */
export function OptimizeView() {
  const plan = useAppStore((s) => s.plan);
  const edit = useAppStore((s) => s.edit);
  const undo = useAppStore((s) => s.undo);
  const setView = useAppStore((s) => s.setView);
  const swapFocus = useAppStore((s) => s.swapFocus);
  const setSwapFocus = useAppStore((s) => s.setSwapFocus);
  const horizon = plan ? horizonOf(plan) : null;
  const [settings, setSettings] = useState<OptimizeSettings | null>(null);
  const [tab, setTab] = useState<Tab>(swapFocus ? 'swap' : 'propose');
  const [swapShift, setSwapShift] = useState<string | null>(swapFocus);
  const propose = useOptimizeJob();
  const compare = useOptimizeJob();
  const [proposal, setProposal] = useState<{
    result: OptimizeResult;
    base: Plan;
    request: JobRequest;
  } | null>(null);
  const [applied, setApplied] = useState<Plan | null>(null);
  const [comparison, setComparison] = useState<OptimizeResult[]>([]);
  const [comparing, setComparing] = useState(false);

  // The calendar's "find a swap" lands here: open the assistant on that shift (adjusting state while rendering,
  // as React advises for state derived from a changed input), then clear the request in the store.
  const [seenFocus, setSeenFocus] = useState<string | null>(swapFocus);
  if (swapFocus !== seenFocus) {
    setSeenFocus(swapFocus);
    if (swapFocus) {
      setTab('swap');
      setSwapShift(swapFocus);
    }
  }
  useEffect(() => {
    if (swapFocus) setSwapFocus(null);
  }, [swapFocus, setSwapFocus]);

  if (!plan) return null;
  const current: OptimizeSettings = settings ?? {
    from: horizon?.from ?? plan.rotation.startDate,
    to: horizon?.to ?? plan.rotation.endDate,
    timeLimitSeconds: 30,
    fewestChanges: false,
    lowestPay: false,
  };
  const busy = propose.state.phase === 'starting' || propose.state.phase === 'running' || comparing;

  const header = (
    <PageHeader
      title="Optimise"
      description="Propose a provably fair rotation (HiGHS), compare it with round-robin and least-recently-on-call, and find who can take a shift."
    />
  );
  if (plan.members.length === 0 || plan.rotation.layers.every((l) => l.memberOrder.length === 0)) {
    return (
      <Stack gap="lg">
        {header}
        <EmptyState
          icon={IconUsers}
          title="Nothing to optimise yet"
          action={
            <Button variant="light" onClick={() => setView(plan.members.length === 0 ? 'team' : 'calendar')}>
              {plan.members.length === 0 ? 'Add the team' : 'Set up the rotation'}
            </Button>
          }
        >
          The optimiser shares the rotation’s periods among the people in its layers. Add the team and set up
          the rotation first.
        </EmptyState>
      </Stack>
    );
  }

  const runProposal = async () => {
    const request = requestFor(plan, current, 'optimal');
    setApplied(null);
    setProposal(null);
    const status = await propose.run(request);
    if (status?.result) setProposal({ result: status.result, base: plan, request });
  };

  const runComparison = async () => {
    setComparing(true);
    setComparison([]);
    const results: OptimizeResult[] = [];
    // One job at a time: main keeps one running job per plan, and the baselines take milliseconds.
    for (const strategy of [...OPTIMIZE_STRATEGIES].reverse()) {
      const status = await compare.run(requestFor(plan, current, strategy));
      if (!status?.result) break;
      results.push(status.result);
      setComparison([...results]);
    }
    setComparing(false);
  };

  const apply = () => {
    if (!proposal?.result.proposal) return;
    const outcome = edit({
      kind: 'shift:apply-proposal',
      shifts: proposal.result.proposal.shifts,
      ...windowOf(proposal.request),
    });
    if (outcome.ok) {
      setApplied(outcome.plan);
      notifications.show({
        color: 'green',
        message: `Applied: ${proposal.result.changedShifts} shift(s) changed. Undo restores the previous schedule.`,
      });
    } else {
      notifications.show({
        color: 'red',
        title: 'The proposal was not applied',
        message: `${outcome.reason}. Your plan was not changed.`,
      });
    }
  };

  const undoApply = () => {
    undo();
    setApplied(null);
  };

  const isApplied = applied !== null && plan === applied;
  const stale = proposal !== null && !isApplied && plan.shifts !== proposal.base.shifts;
  const jobError = (state: JobState) =>
    state.phase === 'error'
      ? state.message
      : state.phase === 'settled' && state.status.state === 'failed'
        ? state.status.error
        : null;
  const proposeError = jobError(propose.state);
  const compareError = jobError(compare.state);

  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-end">
          <OptimizeSettingsBar value={current} onChange={setSettings} disabled={busy} />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconScale size={16} />}
              loading={comparing}
              disabled={busy && !comparing}
              onClick={() => {
                setTab('compare');
                void runComparison();
              }}
            >
              Compare strategies
            </Button>
            <Button
              leftSection={<IconSparkles size={16} />}
              disabled={busy}
              onClick={() => {
                setTab('propose');
                void runProposal();
              }}
            >
              Propose fair rotation
            </Button>
          </Group>
        </Group>
      </Paper>

      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
        <Tabs.List>
          <Tabs.Tab value="propose">Proposal</Tabs.Tab>
          <Tabs.Tab value="compare">Compare strategies</Tabs.Tab>
          <Tabs.Tab value="swap">Swap assistant</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="propose" pt="lg">
          <Stack gap="md">
            <SolveProgress
              state={propose.state}
              limitSeconds={current.timeLimitSeconds}
              onCancel={() => void propose.cancel()}
            />
            {proposeError && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle />}
                title="The optimiser did not run"
              >
                {proposeError} Your plan was not changed.
              </Alert>
            )}
            {propose.state.phase === 'settled' && propose.state.status.state === 'cancelled' && (
              <Text size="sm" c="dimmed">
                Cancelled after {formatSeconds(propose.state.status.elapsedMs)}
                {proposal?.result.proposal
                  ? ': showing the best schedule found so far.'
                  : ' before a schedule was found.'}
              </Text>
            )}
            {proposal ? (
              <ProposalPanel
                plan={plan}
                result={proposal.result}
                stale={stale}
                applied={isApplied}
                onApply={apply}
                onUndo={undoApply}
              />
            ) : (
              !busy &&
              !proposeError && (
                <Paper withBorder p="lg" radius="md">
                  <Text size="sm" c="dimmed" ta="center">
                    “Propose fair rotation” finds the schedule whose heaviest load is closest to each person’s
                    fair share, keeping every hard rule (time off, one layer at a time, no back-to-back,
                    investor weeks, pinned shifts). You see what changes before anything is applied.
                  </Text>
                </Paper>
              )
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="lg">
          <Stack gap="md">
            {compareError && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The comparison stopped">
                {compareError}
              </Alert>
            )}
            {comparison.length > 0 ? (
              <CompareTable results={comparison} />
            ) : (
              !comparing && (
                <Paper withBorder p="lg" radius="md">
                  <Text size="sm" c="dimmed" ta="center">
                    “Compare strategies” runs round-robin, least-recently-on-call and the optimiser on the
                    same window and shows them side by side. Nothing is applied.
                  </Text>
                </Paper>
              )
            )}
            {comparing && (
              <Group gap="xs">
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  Running {comparison.length + 1} of 3…
                  {compare.state.phase === 'running' && compare.state.status.progress
                    ? ` gap so far ${formatGap(compare.state.status.progress.gap)}`
                    : ''}
                </Text>
                <Button size="compact-xs" variant="light" color="red" onClick={() => void compare.cancel()}>
                  Cancel
                </Button>
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="swap" pt="lg">
          <SwapAssistant
            plan={plan}
            window={{ from: current.from, to: current.to }}
            shiftId={swapShift}
            onShiftChange={setSwapShift}
            onGive={(shiftId, memberId) => {
              const outcome = edit({ kind: 'shift:reassign', shiftId, memberId });
              if (!outcome.ok) return `${outcome.reason}. Your plan was not changed.`;
              const who = plan.members.find((m) => m.id === memberId)?.name ?? memberId;
              notifications.show({ color: 'green', message: `${who} takes the shift. Undo restores it.` });
              return null;
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
