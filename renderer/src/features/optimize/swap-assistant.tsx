import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBeach, IconUserShare } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { FairnessTables } from '../../../../shared/fairness/fairness-tables';
import { swapCandidates, type SwapSuggestions } from '../../../../shared/optimize/swap-candidates';
import type { Plan } from '../../../../shared/plan/schema';
import { timeOffConflicts } from '../../../../shared/rotation/availability';
import { onCallShifts } from '../../../../shared/rotation/shadow-shifts';
import { MemberChip } from '../../components/member-chip';
import { formatSpan } from '../../components/wall-clock-format';
import { formatDelta } from '../../components/fairness-format';
import { formatLoad } from './optimize-format';

/** Shifts whose holder is away during them: the conflicts the assistant is most often asked to solve. */
function awayShifts(plan: Plan): string[] {
  return onCallShifts(plan.shifts)
    .filter((s) => timeOffConflicts(plan, s.memberId, s.start, s.end).length > 0)
    .map((s) => s.id);
}

function Delta({ value }: { value: number }) {
  const color = Math.abs(value) < 0.05 ? 'dimmed' : value > 0 ? 'red.7' : 'green.8';
  return (
    <Text span size="xs" c={color}>
      ({formatDelta(value, 1)})
    </Text>
  );
}

/**
 * The swap assistant: pick a shift (or one whose holder is away), see who could take it — eligible people ranked
 * by the fairness their taking it leaves, the others with the rule that stops them — and give it to one of them
 * as one undoable edit.
 */
export function SwapAssistant({
  plan,
  window,
  shiftId,
  onShiftChange,
  onGive,
}: {
  plan: Plan;
  window: { from?: string; to?: string };
  shiftId: string | null;
  onShiftChange: (shiftId: string | null) => void;
  onGive: (shiftId: string, memberId: string) => string | null;
}) {
  const zone = plan.rotation.timeZone;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  const away = useMemo(() => new Set(awayShifts(plan)), [plan]);
  const options = useMemo(
    () =>
      // A learner's shadow is not on call: it has no turn to hand over, so it is never offered.
      onCallShifts(plan.shifts).map((s) => ({
        value: s.id,
        label: `${layerName(s.layerId)} · ${formatSpan(s.start, s.end, zone)} · ${name(s.memberId)}${away.has(s.id) ? ' (away)' : ''}`,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels only depend on the plan
    [plan, away],
  );
  // Kept while the assistant is open: each shift it ranks reads the same warm zone and holiday tables.
  const [tables] = useState(() => new FairnessTables());
  const [answer, setAnswer] = useState<{ key: string; value: SwapSuggestions | string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = shiftId ? `${shiftId}|${window.from ?? ''}|${window.to ?? ''}` : null;

  useEffect(() => {
    if (!shiftId || !key) return;
    // Yield one frame so the loader shows: ranking reads the whole year's ledger once per candidate.
    const timer = setTimeout(() => {
      try {
        setAnswer({ key, value: swapCandidates(plan, shiftId, window, tables) });
      } catch (e) {
        setAnswer({ key, value: e instanceof Error ? e.message : String(e) });
      }
    }, 16);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- window is read through `key`
  }, [plan, shiftId, key]);

  const result = answer && answer.key === key ? answer.value : null;

  return (
    <Stack gap="md" data-testid="swap-assistant">
      <Group align="flex-end" gap="md">
        <Select
          label="Shift"
          placeholder="Pick a shift"
          searchable
          w={520}
          size="sm"
          data={options}
          value={shiftId}
          onChange={(v) => {
            setError(null);
            onShiftChange(v);
          }}
          nothingFoundMessage="No shift matches"
          data-testid="swap-shift"
        />
      </Group>
      {away.size > 0 && (
        <Group gap={6}>
          <IconBeach size={14} color="var(--mantine-color-orange-7)" />
          <Text size="xs" c="dimmed">
            Holder away:
          </Text>
          {[...away].slice(0, 8).map((id) => {
            const s = plan.shifts.find((x) => x.id === id)!;
            return (
              <Button
                key={id}
                size="compact-xs"
                variant="light"
                color="orange"
                onClick={() => onShiftChange(id)}
              >
                {layerName(s.layerId)} {formatSpan(s.start, s.end, zone)} · {name(s.memberId)}
              </Button>
            );
          })}
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The shift was not reassigned">
          {error}
        </Alert>
      )}
      {!shiftId ? (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" c="dimmed" ta="center">
            Pick a shift above, or use “Find a swap” on a shift in the calendar, to see who could take it and
            what each choice does to fairness.
          </Text>
        </Paper>
      ) : !result ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Ranking who could take it…
          </Text>
        </Group>
      ) : typeof result === 'string' ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {result.charAt(0).toUpperCase() + result.slice(1)}.
        </Alert>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Title order={5}>Who could take it</Title>
            <Text size="xs" c="dimmed">
              Now: largest deviation from fair share {formatLoad(result.before.maxDeviation)} h · spread{' '}
              {formatLoad(result.before.spread)} h ({result.window.from} – {result.window.to})
            </Text>
          </Group>
          {result.holderAway.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconBeach />} p="xs">
              {name(result.shift.memberId)} is away during this shift ({result.holderAway[0]!.timeOff.kind}{' '}
              {result.holderAway[0]!.timeOff.start} – {result.holderAway[0]!.timeOff.end}).
            </Alert>
          )}
          <Table withTableBorder verticalSpacing={6} data-testid="swap-candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th ta="right">Their load after</Table.Th>
                <Table.Th ta="right">Largest deviation after</Table.Th>
                <Table.Th ta="right">Spread after</Table.Th>
                <Table.Th>Rules</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.candidates.map((c, rank) => {
                const member = plan.members.find((m) => m.id === c.memberId);
                return (
                  <Table.Tr
                    key={c.memberId}
                    data-testid="swap-candidate"
                    data-member-id={c.memberId}
                    data-eligible={c.eligible}
                  >
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {c.eligible && rank === 0 && (
                          <Badge size="xs" color="green" variant="filled">
                            best
                          </Badge>
                        )}
                        {member ? <MemberChip member={member} size="sm" /> : c.memberId}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {formatLoad(c.loadAfter)} <Delta value={c.loadAfter - c.loadBefore} />
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {formatLoad(c.after.maxDeviation)}{' '}
                        <Delta value={c.after.maxDeviation - result.before.maxDeviation} />
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {formatLoad(c.after.spread)} <Delta value={c.after.spread - result.before.spread} />
                      </Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      {c.eligible ? (
                        <Text size="xs" c="green.8">
                          No hard rule broken
                        </Text>
                      ) : (
                        c.blocks.map((b) => (
                          <Text size="xs" c="red.7" key={b.message}>
                            <b>{b.rule}</b>: {b.message}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.eligible && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          leftSection={<IconUserShare size={12} />}
                          onClick={() => setError(onGive(result.shift.id, c.memberId))}
                        >
                          Give to {member?.name.split(' ')[0] ?? c.memberId}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
