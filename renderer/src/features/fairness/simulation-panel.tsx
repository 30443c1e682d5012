import { Alert, Button, Group, NumberInput, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../../shared/plan/schema';
import type { SimulationResult } from '../../../../shared/simulation/simulate';
import { MemberChip } from '../../components/member-chip';
import { selectAnalysedPlan } from '../../store/simulation-slice';
import { useAppStore } from '../../store/store';
import type { AnalysisWindow } from '../../workers/analysis-client';
import { formatNumber, formatShare } from '../../components/fairness-format';
import { MemberBarChart, type MemberDatum } from '../../components/member-bar-chart';

const DEFAULT_RUNS = 2000;
const MAX_RUNS = 100_000;

function PagesChart({ result, plan }: { result: SimulationResult; plan: Plan }) {
  const data: MemberDatum[] = result.members.map((m) => ({
    member: m.name,
    memberColor: plan.members.find((x) => x.id === m.id)?.color ?? '#868e96',
    'Pages (mean)': m.pages.mean,
    'Pages (p50)': m.pages.p50,
    'Pages (p95)': m.pages.p95,
    'Night pages (mean)': m.nightPages.mean,
  }));
  return (
    <MemberBarChart
      label="Simulated pages per member"
      data={data}
      series={[
        { name: 'Pages (mean)', opacity: 1 },
        { name: 'Pages (p50)', opacity: 0.7 },
        { name: 'Pages (p95)', opacity: 0.35 },
        { name: 'Night pages (mean)', opacity: 0 },
      ]}
    />
  );
}

function Results({
  result,
  plan,
  elapsedMs,
}: {
  result: SimulationResult;
  plan: Plan;
  elapsedMs: number | null;
}) {
  const member = (id: string) => plan.members.find((m) => m.id === id);
  return (
    <Stack gap="md" data-testid="simulation-results">
      <Text size="sm" c="dimmed">
        {formatNumber(result.runs)} runs, seed {result.seed}, {result.from} to {result.to}
        {elapsedMs !== null ? ` · ${formatNumber(elapsedMs)} ms` : ''}. Each incident pages the primary on
        call, the secondary when the primary is away.
      </Text>
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="xs">
          Pages per member
        </Title>
        <PagesChart result={result} plan={plan} />
        <Table mt="sm" verticalSpacing={4} aria-label="Pages per member" data-testid="pages-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th ta="right">Mean</Table.Th>
              <Table.Th ta="right">p50</Table.Th>
              <Table.Th ta="right">p95</Table.Th>
              <Table.Th ta="right">Night mean</Table.Th>
              <Table.Th ta="right">Night p95</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.members.map((m) => {
              const who = member(m.id);
              return (
                <Table.Tr key={m.id} data-member-id={m.id}>
                  <Table.Td>{who ? <MemberChip member={who} size="sm" /> : m.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.pages.mean, 1)}</Table.Td>
                  <Table.Td ta="right">{m.pages.p50}</Table.Td>
                  <Table.Td ta="right">{m.pages.p95}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.nightPages.mean, 1)}</Table.Td>
                  <Table.Td ta="right">{m.nightPages.p95}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="xs">
          Incidents and SLA breaches per pipeline
        </Title>
        <Table verticalSpacing={4} aria-label="Incidents per pipeline" data-testid="pipelines-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pipeline</Table.Th>
              <Table.Th ta="right">Rate / week</Table.Th>
              <Table.Th ta="right">Incidents (mean)</Table.Th>
              <Table.Th ta="right">P(breach) per incident</Table.Th>
              <Table.Th ta="right">P(any breach)</Table.Th>
              <Table.Th>Incident times</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.pipelines.map((p) => (
              <Table.Tr key={p.id} data-pipeline-id={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.ratePerWeek, 2)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.incidents.mean, 1)}</Table.Td>
                <Table.Td ta="right" c={p.slaBreachProbability >= 0.1 ? 'red.7' : undefined}>
                  {formatShare(p.slaBreachProbability)}
                </Table.Td>
                <Table.Td ta="right">{formatShare(p.anyBreachProbability)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {p.model}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {result.unpaged.mean > 0 && (
          <Text size="sm" c="red.7" mt="xs">
            {formatNumber(result.unpaged.mean, 2)} incidents per run find nobody on call.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/**
 * Monte Carlo incidents for the plan the view analyses: runs and seed, a progress bar and Cancel while it runs in
 * a Web Worker, then pages per member (mean, p50, p95, night) and per pipeline incidents and SLA-breach chances.
 * Same plan, runs and seed → the same numbers as `rotaplan simulate`.
 */
export function SimulationPanel({ range }: { range: AnalysisWindow }) {
  const sim = useAppStore((s) => s.simulation);
  const plan = useAppStore(selectAnalysedPlan);
  const run = useAppStore((s) => s.runSimulation);
  const cancel = useAppStore((s) => s.cancelSimulation);
  const [runs, setRuns] = useState<number>(DEFAULT_RUNS);
  const [seed, setSeed] = useState<number>(1);
  if (!plan) return null;
  const running = sim.status === 'running';
  const stale = sim.result !== null && sim.resultPlan !== plan;
  const valid =
    Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS && Number.isInteger(seed) && seed >= 0;
  return (
    <Stack gap="md" data-testid="simulation-panel" data-status={sim.status}>
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label="Runs"
            w={130}
            min={1}
            max={MAX_RUNS}
            step={500}
            thousandSeparator=","
            allowDecimal={false}
            allowNegative={false}
            value={runs}
            onChange={(v) => setRuns(typeof v === 'number' ? v : Number.NaN)}
            disabled={running}
            error={
              Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS
                ? undefined
                : `1 to ${formatNumber(MAX_RUNS)}`
            }
          />
          <NumberInput
            label="Seed"
            w={110}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={seed}
            onChange={(v) => setSeed(typeof v === 'number' ? v : Number.NaN)}
            disabled={running}
          />
          {running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={cancel}>
              Cancel
            </Button>
          ) : (
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              disabled={!valid}
              onClick={() => run({ runs, seed, ...range })}
            >
              Run simulation
            </Button>
          )}
          <Text size="xs" c="dimmed" maw={420}>
            Incidents drawn per pipeline from its rate (raised in investor weeks) around its schedule; the
            same seed always gives the same result.
          </Text>
        </Group>
        {running && (
          <Stack gap={4} mt="md">
            <Progress
              value={sim.total > 0 ? (100 * sim.done) / sim.total : 0}
              aria-label="Simulation progress"
              animated
            />
            <Text size="xs" c="dimmed" data-testid="simulation-progress">
              {formatNumber(sim.done)} of {formatNumber(sim.total)} runs
            </Text>
          </Stack>
        )}
      </Paper>
      {sim.status === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The simulation failed">
          {sim.error} {sim.result ? 'The last result is still shown below.' : ''} Your plan was not changed.
        </Alert>
      )}
      {sim.status === 'cancelled' && (
        <Text size="sm" c="dimmed" data-testid="simulation-cancelled">
          Cancelled. {sim.result ? 'The last finished result is still shown below.' : 'No result yet.'}
        </Text>
      )}
      {stale && !running && (
        <Alert color="yellow" variant="light" title="The plan changed since this simulation">
          Run it again to see the numbers for the plan as it is now.
        </Alert>
      )}
      {sim.result && sim.resultPlan ? (
        <Results result={sim.result} plan={sim.resultPlan} elapsedMs={sim.elapsedMs} />
      ) : (
        !running && (
          <Text size="sm" c="dimmed">
            No simulation yet. {formatNumber(DEFAULT_RUNS)} runs of a year take from a fraction of a second to
            a few seconds, depending on the computer and how busy it is; they run in the background, so the
            app stays usable, and the result says how long they took.
          </Text>
        )
      )}
    </Stack>
  );
}
