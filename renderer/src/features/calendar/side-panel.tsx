import {
  ActionIcon,
  Badge,
  Button,
  CloseButton,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBeach,
  IconChevronLeft,
  IconChevronRight,
  IconChevronsLeft,
  IconChevronsRight,
  IconConfetti,
  IconPin,
  IconPinnedOff,
  IconReportMoney,
  IconSearch,
  IconUserShare,
} from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { FairnessTables } from '../../../../shared/fairness/fairness-tables';
import type { PlanEdit } from '../../../../shared/plan/edits';
import type { Plan, Shift } from '../../../../shared/plan/schema';
import { describeShift } from '../../../../shared/rotation/describe-shift';
import { isShadowShift } from '../../../../shared/rotation/shadow-shifts';
import type { TimeOffConflict } from '../../../../shared/rotation/availability';
import { CoverLine } from './cover-line';
import type { InvestorWeekFinding } from '../../../../shared/rotation/investor-staffing';
import type { CalendarHoliday } from '../../../../shared/time/holidays';
import { hoursBetween, instantMs } from '../../../../shared/time/zoned';
import { MemberChip } from '../../components/member-chip';
import { useAppStore } from '../../store/store';
import { momentDetails, shiftDetails, swapChoices } from './calendar-details';
import { layerBadges } from './calendar-events';
import { addLocalDays } from './calendar-format';
import {
  formatDate,
  formatHours,
  formatMoment,
  formatSpan,
  zoneName,
} from '../../components/wall-clock-format';
import { ReassignDialog, SwapDialog } from './shift-dialogs';
import type { GuardedEditOptions, GuardedEditOutcome } from '../../hooks/use-edit-runner';

/** What the side panel shows: one shift, or a clicked moment and its day. */
export type CalendarSelection =
  { kind: 'shift'; shiftId: string } | { kind: 'moment'; instant: string; allDay: boolean };

const SOURCE_HINT: Record<Shift['source'], string> = {
  generated: 'Made by the rotation; regenerating may change it.',
  swap: 'A trade (time-off cover or a swap); regenerating recomputes engine swaps.',
  override: 'Changed by hand; regenerating keeps it.',
  manual: 'Added by hand; regenerating keeps it.',
};

/** Runs an edit through the calendar's guard (refusal notice, time-off question). */
export type RunEdit = (edit: PlanEdit, options?: GuardedEditOptions) => GuardedEditOutcome;

function Section({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group gap={6}>
        {icon}
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {title}
        </Text>
      </Group>
      {children}
    </Stack>
  );
}

function HolidayList({
  plan,
  holidays,
  onCall,
}: {
  plan: Plan;
  holidays: CalendarHoliday[];
  onCall?: string;
}) {
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  if (holidays.length === 0) return null;
  return (
    <Section title="Holidays" icon={<IconConfetti size={14} color="var(--mantine-color-red-7)" />}>
      {holidays.map((h) => (
        <Text size="sm" key={`${h.date}-${h.name}`}>
          <Text span fw={600}>
            {h.name}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            {formatDate(h.date)} ·{' '}
            {h.memberIds.length === plan.members.length
              ? 'everyone'
              : h.memberIds.map(name).join(', ') || 'plan region'}
            {onCall && h.memberIds.includes(onCall) ? ` · ${name(onCall)}'s day off` : ''}
          </Text>
        </Text>
      ))}
    </Section>
  );
}

function TimeOffList({ plan, timeOff, onCall }: { plan: Plan; timeOff: TimeOffConflict[]; onCall?: string }) {
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  if (timeOff.length === 0) return null;
  return (
    <Section title="Time off" icon={<IconBeach size={14} color="var(--mantine-color-orange-7)" />}>
      {timeOff.map((t) => (
        <Text size="sm" key={`${t.memberId}-${t.timeOff.id}`} c={t.memberId === onCall ? 'red.7' : undefined}>
          <Text span fw={600}>
            {name(t.memberId)}
          </Text>{' '}
          {t.timeOff.kind} {t.timeOff.start} – {t.timeOff.end}
          {t.memberId === onCall ? ' (on call during it)' : ''}
        </Text>
      ))}
    </Section>
  );
}

function InvestorSection({
  week,
  findings,
}: {
  week: { start: string; end: string } | null;
  findings: InvestorWeekFinding[];
}) {
  if (!week && findings.length === 0) return null;
  return (
    <Section title="Investor week" icon={<IconReportMoney size={14} color="var(--mantine-color-yellow-8)" />}>
      {week && (
        <Text size="sm">
          {formatDate(week.start)} – {formatDate(week.end)}
        </Text>
      )}
      {findings.length === 0 ? (
        <Text size="xs" c="dimmed">
          Staffing requirement met here.
        </Text>
      ) : (
        findings.map((f, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid="investor-finding">
            <IconAlertTriangle
              size={14}
              color="var(--mantine-color-orange-7)"
              style={{ flexShrink: 0, marginTop: 3 }}
            />
            <Text size="xs">{f.message.replace(/^Investor week [^:]+: /, '')}</Text>
          </Group>
        ))
      )}
    </Section>
  );
}

function FindSwap({ plan, shift, run }: { plan: Plan; shift: Shift; run: RunEdit }) {
  // The assistant's own ranking (one trial edit per teammate): recomputed only when the plan or shift changes.
  // The store's holiday calendar (lists kept in localStorage) when it has loaded, so holidays are not recomputed.
  const [tables] = useState(() => new FairnessTables(useAppStore.getState().holidays ?? undefined));
  const choices = useMemo(() => swapChoices(plan, shift.id, tables), [plan, shift.id, tables]);
  if (typeof choices === 'string') {
    return (
      <Text size="xs" c="dimmed" data-testid="swap-candidates">
        {choices.charAt(0).toUpperCase() + choices.slice(1)}.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="swap-candidates">
      {choices.map((c) => {
        const m = plan.members.find((x) => x.id === c.memberId);
        if (!m) return null;
        return (
          <Paper
            key={c.memberId}
            withBorder
            radius="sm"
            p={6}
            data-candidate={c.memberId}
            data-eligible={c.eligible}
          >
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap">
                <MemberChip member={m} size="sm" />
                {c.eligible && (
                  <Text size="xs" c="green.8" fw={600}>
                    free
                  </Text>
                )}
              </Group>
              {c.eligible && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() =>
                    run(
                      { kind: 'shift:reassign', shiftId: shift.id, memberId: m.id },
                      { success: `${m.name} covers ${describeShift(plan, shift)}.` },
                    )
                  }
                >
                  Give shift
                </Button>
              )}
            </Group>
            {c.reasons.map((r) => (
              <Text key={r} size="xs" c="dimmed" mt={2}>
                {r}
              </Text>
            ))}
          </Paper>
        );
      })}
      {choices.length > 0 && !choices.some((c) => c.eligible) && (
        <Text size="xs" c="dimmed">
          Nobody can take it without breaking a rule; “Swap with…” trades it for another shift.
        </Text>
      )}
    </Stack>
  );
}

function ShiftPanel({ plan, shift, run }: { plan: Plan; shift: Shift; run: RunEdit }) {
  const [dialog, setDialog] = useState<'reassign' | 'swap' | null>(null);
  const [finding, setFinding] = useState(false);
  const holidays = useAppStore((s) => s.holidays);
  const details = holidays ? shiftDetails(holidays, plan, shift.id) : null;
  const zone = plan.rotation.timeZone;
  const member = plan.members.find((m) => m.id === shift.memberId);
  const layer = plan.rotation.layers.find((l) => l.id === shift.layerId);
  const badge = layerBadges(plan).get(shift.layerId) ?? '?';
  const shadow = isShadowShift(shift);
  const layerShifts = plan.shifts.filter((s) => s.layerId === shift.layerId && isShadowShift(s) === shadow);
  const previous = layerShifts.find((s) => instantMs(s.end) === instantMs(shift.start));
  const next = layerShifts.find((s) => instantMs(s.start) === instantMs(shift.end));
  const what = describeShift(plan, shift);
  // A shadow follows the on-call shift it shadows: giving it away, swapping or moving it is refused by the edits.
  const locked = shift.pinned || shadow;

  const move = (start: string, end: string | undefined, label: string) =>
    run(
      { kind: 'shift:move', shiftId: shift.id, start, ...(end ? { end } : {}) },
      { success: `${what}: ${label}.` },
    );

  // The keyboard's resize: the same edit as dragging the shift's end.
  const resizeEnd = (days: number, label: string) =>
    run(
      {
        kind: 'shift:resize',
        shiftId: shift.id,
        start: shift.start,
        end: addLocalDays(shift.end, days, zone),
      },
      { success: `${what}: ${label}.` },
    );

  return (
    <Stack gap="sm" data-testid="shift-panel" data-shift-id={shift.id}>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="filled" color="dark" radius="sm" size="sm">
          {badge}
        </Badge>
        <Text fw={700}>
          {layer?.name ?? shift.layerId} {shadow ? 'shadow shift' : 'shift'}
        </Text>
      </Group>
      {member && <MemberChip member={member} size="lg" />}
      <div>
        <Text size="sm">{formatSpan(shift.start, shift.end, zone)}</Text>
        <Text size="xs" c="dimmed">
          {formatHours(hoursBetween(shift.start, shift.end))} · {zoneName(shift.start, zone)}
          {zoneName(shift.end, zone) !== zoneName(shift.start, zone) ? ` → ${zoneName(shift.end, zone)}` : ''}
        </Text>
      </div>
      <Group gap={6}>
        <Tooltip label={SOURCE_HINT[shift.source]} multiline w={240}>
          <Badge variant="light" color="gray" size="sm" tt="none" data-testid="shift-source">
            {shift.source}
          </Badge>
        </Tooltip>
        {shadow && (
          <Tooltip label="A learner beside whoever is on call: not on call, no coverage." multiline w={240}>
            <Badge variant="outline" color="dark" size="sm" tt="none" data-testid="shift-shadow">
              shadow
            </Badge>
          </Tooltip>
        )}
        {shift.pinned && (
          <Badge variant="light" color="dark" size="sm" tt="none" leftSection={<IconPin size={11} />}>
            pinned
          </Badge>
        )}
      </Group>
      <CoverLine plan={plan} shift={shift} />
      {shadow && (
        <Text size="xs" c="dimmed" data-testid="shadow-locked">
          A shadow follows the on-call shift it shadows: it cannot be reassigned, swapped or moved. To change
          the learner&apos;s dates, edit their shadow pairing in the Team view.
        </Text>
      )}
      {shift.note && (
        <Text size="xs" c="dimmed" fs="italic">
          {shift.note}
        </Text>
      )}

      <SimpleGrid cols={2} spacing={6}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserShare size={14} />}
          disabled={locked}
          onClick={() => setDialog('reassign')}
        >
          Reassign…
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowsExchange size={14} />}
          disabled={locked}
          onClick={() => setDialog('swap')}
        >
          Swap with…
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={shift.pinned ? <IconPinnedOff size={14} /> : <IconPin size={14} />}
          onClick={() =>
            run(
              { kind: shift.pinned ? 'shift:unpin' : 'shift:pin', shiftId: shift.id },
              {
                success: shift.pinned
                  ? 'Unpinned.'
                  : 'Pinned: regeneration keeps it and drags leave it alone.',
              },
            )
          }
        >
          {shift.pinned ? 'Unpin' : 'Pin'}
        </Button>
        <Button
          size="xs"
          variant={finding ? 'filled' : 'light'}
          color="grape"
          disabled={shadow}
          leftSection={<IconSearch size={14} />}
          onClick={() => setFinding((f) => !f)}
          aria-expanded={finding}
        >
          Find a swap
        </Button>
      </SimpleGrid>
      <Group gap={4} wrap="nowrap" aria-label="Move the shift">
        <Text size="xs" c="dimmed" mr={4}>
          Move
        </Text>
        <Tooltip label={previous ? 'Trade places with the shift before' : 'No shift before in this layer'}>
          <ActionIcon
            variant="default"
            aria-label="Move one shift earlier"
            disabled={locked || !previous}
            onClick={() => previous && move(previous.start, previous.end, 'traded with the shift before')}
          >
            <IconChevronsLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Start and end one day earlier (the handoffs move)">
          <ActionIcon
            variant="default"
            aria-label="Move one day earlier"
            disabled={locked}
            onClick={() => move(addLocalDays(shift.start, -1, zone), undefined, 'one day earlier')}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Start and end one day later (the handoffs move)">
          <ActionIcon
            variant="default"
            aria-label="Move one day later"
            disabled={locked}
            onClick={() => move(addLocalDays(shift.start, 1, zone), undefined, 'one day later')}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={next ? 'Trade places with the shift after' : 'No shift after in this layer'}>
          <ActionIcon
            variant="default"
            aria-label="Move one shift later"
            disabled={locked || !next}
            onClick={() => next && move(next.start, next.end, 'traded with the shift after')}
          >
            <IconChevronsRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group gap={4} wrap="nowrap" aria-label="Change the shift's end">
        <Text size="xs" c="dimmed" mr={4}>
          End
        </Text>
        <Tooltip label="End one day earlier: the next shift starts a day earlier (as dragging the end does)">
          <ActionIcon
            variant="default"
            aria-label="End one day earlier"
            disabled={locked || hoursBetween(shift.start, shift.end) <= 24}
            onClick={() => resizeEnd(-1, 'ends one day earlier')}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="End one day later: the next shift starts a day later (as dragging the end does)">
          <ActionIcon
            variant="default"
            aria-label="End one day later"
            disabled={locked}
            onClick={() => resizeEnd(1, 'ends one day later')}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {shift.pinned && (
        <Text size="xs" c="dimmed">
          Pinned shifts keep their person and times; unpin to change them.
        </Text>
      )}
      {finding && (
        <Section
          title="Who could take it"
          icon={<IconSearch size={14} color="var(--mantine-color-grape-7)" />}
        >
          <FindSwap plan={plan} shift={shift} run={run} />
          <Button
            size="xs"
            variant="subtle"
            color="grape"
            disabled={locked}
            onClick={() => useAppStore.getState().setSwapFocus(shift.id)}
          >
            Rank by fairness in the swap assistant
          </Button>
        </Section>
      )}

      <Divider />
      {details && (
        <Stack gap="sm">
          <HolidayList plan={plan} holidays={details.holidays} onCall={shift.memberId} />
          <TimeOffList plan={plan} timeOff={details.timeOff} onCall={shift.memberId} />
          {(details.investorWeeks.length > 0 || details.findings.length > 0) && (
            <InvestorSection week={details.investorWeeks[0] ?? null} findings={details.findings} />
          )}
          {details.holidays.length === 0 &&
            details.timeOff.length === 0 &&
            details.investorWeeks.length === 0 &&
            details.findings.length === 0 && (
              <Text size="xs" c="dimmed">
                No holidays, time off or investor week during this shift.
              </Text>
            )}
        </Stack>
      )}

      {dialog === 'reassign' && (
        <ReassignDialog
          plan={plan}
          shift={shift}
          onClose={() => setDialog(null)}
          onReassign={(memberId) => {
            setDialog(null);
            const to = plan.members.find((m) => m.id === memberId)?.name ?? memberId;
            run(
              { kind: 'shift:reassign', shiftId: shift.id, memberId },
              { success: `${to} covers ${what}.` },
            );
          }}
        />
      )}
      {dialog === 'swap' && (
        <SwapDialog
          plan={plan}
          shift={shift}
          onClose={() => setDialog(null)}
          onSwap={(otherShiftId) => {
            setDialog(null);
            run({ kind: 'shift:swap', shiftId: shift.id, otherShiftId }, { success: 'Swapped.' });
          }}
        />
      )}
    </Stack>
  );
}

function MomentPanel({
  plan,
  instant,
  allDay,
  onSelect,
}: {
  plan: Plan;
  instant: string;
  allDay: boolean;
  onSelect: (s: CalendarSelection) => void;
}) {
  const zone = plan.rotation.timeZone;
  const holidays = useAppStore((s) => s.holidays);
  // The calendar comes with the plan (see the store's loadPlan); without it there is nothing to say yet.
  if (!holidays) return null;
  const details = momentDetails(holidays, plan, instant, allDay);
  const badges = layerBadges(plan);
  const member = (id: string) => plan.members.find((m) => m.id === id);
  return (
    <Stack gap="sm" data-testid="moment-panel" data-instant={instant}>
      <div>
        <Text fw={700}>{allDay ? formatDate(details.date) : 'On call at'}</Text>
        <Text size="sm" c="dimmed">
          {allDay
            ? `At noon (${zoneName(instant, zone)})`
            : `${formatMoment(instant, zone)} ${zoneName(instant, zone)}`}
        </Text>
      </div>
      <Stack gap={6} data-testid="on-call-now">
        {details.onCall.map((l) => (
          <Group key={l.layerId} gap={6} wrap="nowrap" data-layer-id={l.layerId}>
            <Badge variant="filled" color="dark" radius="sm" size="sm" w={28}>
              {badges.get(l.layerId)}
            </Badge>
            {l.shifts.length === 0 ? (
              <Text size="sm" c="red.7" fw={600}>
                Nobody — a gap in {l.layerName}
              </Text>
            ) : (
              l.shifts.map((s) => {
                const m = member(s.memberId);
                return (
                  <UnstyledButton
                    key={s.id}
                    onClick={() => onSelect({ kind: 'shift', shiftId: s.id })}
                    aria-label={`${l.layerName}: ${m?.name ?? s.memberId}, open the shift`}
                  >
                    {m ? <MemberChip member={m} /> : <Text size="sm">{s.memberId}</Text>}
                  </UnstyledButton>
                );
              })
            )}
          </Group>
        ))}
      </Stack>
      {allDay && details.dayShifts.some((l) => l.shifts.length > 1) && (
        <Section title="Handoffs this day" icon={<IconArrowsExchange size={14} />}>
          {details.dayShifts
            .filter((l) => l.shifts.length > 1)
            .map((l) => (
              <Text size="xs" key={l.layerId}>
                {l.layerName}:{' '}
                {l.shifts
                  .slice(1)
                  .map((s) => {
                    const before = l.shifts.find((o) => o.end === s.start);
                    const from = before ? (member(before.memberId)?.name ?? before.memberId) : '—';
                    return `${from} → ${member(s.memberId)?.name ?? s.memberId} at ${formatMoment(s.start, zone).split(', ').pop()}`;
                  })
                  .join('; ')}
              </Text>
            ))}
        </Section>
      )}
      <Divider />
      <HolidayList plan={plan} holidays={details.holidays} />
      <TimeOffList plan={plan} timeOff={details.timeOff} />
      <InvestorSection week={details.investorWeek} findings={details.findings} />
      {details.holidays.length === 0 && details.timeOff.length === 0 && !details.investorWeek && (
        <Text size="xs" c="dimmed">
          No holidays, time off or investor week on this day.
        </Text>
      )}
    </Stack>
  );
}

/**
 * The calendar's right-hand panel: the selected shift (who, layer, source, pinned, holidays and time off during it,
 * investor-week findings, and the keyboard path for every drag: reassign, swap, pin, move, find a swap) or a
 * clicked moment (who is on call then, per layer, and what the day holds).
 */
export function SidePanel({
  plan,
  selection,
  run,
  onSelect,
  onClose,
}: {
  plan: Plan;
  selection: CalendarSelection | null;
  run: RunEdit;
  onSelect: (s: CalendarSelection) => void;
  onClose: () => void;
}) {
  const shift = selection?.kind === 'shift' ? plan.shifts.find((s) => s.id === selection.shiftId) : undefined;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="side-panel" aria-label="Selection details">
      {selection === null || (selection.kind === 'shift' && !shift) ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            Nothing selected
          </Text>
          <Text size="xs" c="dimmed">
            Click a shift to see who, when and what it touches, and to reassign, swap, pin or move it. Click a
            day or a time to see who is on call then.
          </Text>
        </Stack>
      ) : (
        <Stack gap={0}>
          <Group justify="flex-end" mb={-28}>
            <CloseButton size="sm" aria-label="Close the panel" onClick={onClose} />
          </Group>
          {shift ? (
            <ShiftPanel key={shift.id} plan={plan} shift={shift} run={run} />
          ) : selection.kind === 'moment' ? (
            <MomentPanel
              plan={plan}
              instant={selection.instant}
              allDay={selection.allDay}
              onSelect={onSelect}
            />
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
