import { Button, Chip, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarOff, IconRefresh, IconRotateClockwise2, IconUsers } from '@tabler/icons-react';
import type { CalendarRef, EventInput } from '@fullcalendar/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Plan } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useCommand } from '../../hooks/command-bus';
import { usePreferences } from '../../store/preferences-store';
import { useAppStore } from '../../store/store';
import { CalendarBoard } from './calendar-board';
import {
  eventWindow,
  layerBadges,
  memoizeLast,
  monthGridDates,
  selectBackgroundEvents,
  selectDayMarks,
  selectMemberHours,
  selectShiftEvents,
  tint,
  HOLIDAY_COLOR,
  INVESTOR_COLOR,
  type CalendarFilter,
} from './calendar-events';
import { afterPaint } from './after-paint';
import { applyDelta, clickedMoment, localDateOf } from './calendar-format';
import { MemberPalette } from './member-palette';
import { foldBusyDays, MONTH_DAY_ROWS } from './busy-days';
import { addDays } from '../../../../shared/time/zoned';
import { RegenerateDialog } from './regenerate-dialog';
import { RotationEditor } from './rotation-editor';
import { SidePanel, type CalendarSelection } from './side-panel';
import { useGuardedEdit } from '../../hooks/use-edit-runner';
import { DragPreview, setDragHover } from './drag-preview';
import { notifyEditConsequences } from './edit-notification';
import { dragEdit, refuseNoChange } from './drag-edit';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NO_EVENTS: EventInput[] = [];
const BOARD_HEIGHT = 'max(540px, calc(100vh - 250px))';
const selectFoldedDays = memoizeLast(foldBusyDays);

const toggle = (list: string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

// Where the calendar was last looking, so switching views and back does not lose the place.
let lastViewedDate: string | null = null;

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
}

/** The date the calendar opens on: today while the rotation runs, else the rotation's first day. */
function openingDate(plan: Plan): string {
  const today = todayIn(plan.rotation.timeZone);
  return today >= plan.rotation.startDate && today < plan.rotation.endDate ? today : plan.rotation.startDate;
}

function Legend() {
  return (
    <Group gap="md" data-testid="calendar-legend">
      <Text size="xs" c="dimmed">
        <span className="rp-legend-swatch" style={{ background: tint(HOLIDAY_COLOR, 0.7) }} /> Holiday
      </Text>
      <Text size="xs" c="dimmed">
        <span className="rp-legend-swatch" style={{ background: tint(INVESTOR_COLOR, 0.6) }} /> Investor week
      </Text>
      <Text size="xs" c="dimmed">
        <span className="rp-legend-swatch" style={{ background: tint('#868e96', 0.6) }} /> Time off (in the
        person’s colour)
      </Text>
    </Group>
  );
}

/**
 * The Calendar view: the team down the left (filter, drag to reassign, hours in view), FullCalendar in the middle
 * (month, week, list in the plan's time zone; drag to move, resize, drop a person to reassign), and a side panel
 * for the selected shift or moment. Every change goes through a pure plan edit: validated, undoable, saved.
 */
export function CalendarView() {
  const plan = useAppStore((s) => s.plan);
  const holidays = useAppStore((s) => s.holidays);
  const focus = useAppStore((s) => s.calendarFocus);
  const setFocus = useAppStore((s) => s.setCalendarFocus);
  const setView = useAppStore((s) => s.setView);
  const [selection, setSelection] = useState<CalendarSelection | null>(null);
  const [hiddenMembers, setHiddenMembers] = useState<string[]>([]);
  const [hiddenLayers, setHiddenLayers] = useState<string[]>([]);
  const [range, setRange] = useState<{ start: string; end: string; viewType: string } | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const [editingRotations, setEditingRotations] = useState(false);
  const [initialDate] = useState(() => focus?.date ?? lastViewedDate ?? (plan ? openingDate(plan) : ''));
  const calendarRef = useRef<CalendarRef>(null);
  const { run, modal } = useGuardedEdit();
  const weekStart = usePreferences((s) => s.prefs.weekStart);
  useCommand('calendar:today', () => calendarRef.current?.getApi().today());
  // A new shift starts from a moment: the one selected, else now; the side panel offers to add the shift there.
  useCommand('calendar:newShift', () =>
    setSelection((current) =>
      current?.kind === 'moment'
        ? current
        : { kind: 'moment', instant: new Date().toISOString(), allDay: false },
    ),
  );

  // Another view (Fairness) may ask for a date while the calendar is open: go there.
  useEffect(() => {
    if (focus) calendarRef.current?.getApi().gotoDate(focus.date);
  }, [focus]);

  const toggleMember = useCallback((id: string) => setHiddenMembers((h) => toggle(h, id)), []);
  const filter: CalendarFilter = useMemo(
    () => ({ hiddenMembers, hiddenLayers }),
    [hiddenMembers, hiddenLayers],
  );
  // A focus from another view wins until the user picks something here.
  const shown: CalendarSelection | null = focus?.shiftId
    ? { kind: 'shift', shiftId: focus.shiftId }
    : selection;
  const highlightId = shown?.kind === 'shift' ? shown.shiftId : null;
  const zone = plan?.rotation.timeZone ?? 'UTC';
  const listing = range?.viewType.startsWith('list') ?? false;
  // The dates shown: FullCalendar's range once it has reported one, the month grid it opens on before.
  const grid = range
    ? { from: localDateOf(range.start, zone), to: localDateOf(range.end, zone) }
    : initialDate
      ? monthGridDates(initialDate, weekStart)
      : null;
  const from = grid?.from ?? null;
  const to = grid?.to ?? null;
  // Only the shifts around the range FullCalendar shows: it re-reads every event it is given after each edit.
  const eventSpan = useMemo(
    () => (range || initialDate ? eventWindow(range, initialDate, zone, undefined, weekStart) : null),
    [range, initialDate, zone, weekStart],
  );
  const shiftEvents = useMemo(
    () =>
      plan
        ? selectShiftEvents(
            plan,
            filter,
            highlightId,
            listing ? 'handoff' : 'span',
            eventSpan?.start,
            eventSpan?.end,
          )
        : NO_EVENTS,
    [plan, filter, highlightId, listing, eventSpan],
  );
  // The month grid gets each busy day's surplus as one "+N more" event (see foldBusyDays).
  const monthGrid = !range || range.viewType === 'dayGridMonth';
  const handoffTime = plan?.rotation.handoff.time ?? '00:00';
  const gridEvents = useMemo(
    () =>
      monthGrid && eventSpan
        ? selectFoldedDays(
            shiftEvents,
            localDateOf(eventSpan.start, zone),
            addDays(localDateOf(eventSpan.end, zone), -1),
            zone,
            handoffTime,
            MONTH_DAY_ROWS,
            holidays?.clock,
          )
        : shiftEvents,
    [monthGrid, eventSpan, shiftEvents, zone, handoffTime, holidays],
  );
  const background = useMemo(
    () =>
      plan && holidays && from && to ? selectBackgroundEvents(holidays, plan, from, to, filter) : NO_EVENTS,
    [holidays, plan, from, to, filter],
  );
  const events = useMemo(() => [...gridEvents, ...background], [gridEvents, background]);
  const marks = selectDayMarks(background);
  const hours = plan && range ? selectMemberHours(plan, range.start, range.end) : new Map();

  if (!plan) return null;
  const { rotation } = plan;
  const select = (next: CalendarSelection | null) => {
    setSelection(next);
    if (focus) setFocus(null);
  };
  const shiftOf = (id: string) => useAppStore.getState().plan?.shifts.find((s) => s.id === id);

  const header = (
    <PageHeader
      title="Calendar"
      description={`Shifts in ${rotation.timeZone.replace(/_/g, ' ')} time, handing off ${WEEKDAY_NAMES[rotation.handoff.weekday - 1]} ${rotation.handoff.time}. Drag a shift to move it, its edge to resize it, a person onto a shift to hand it over.`}
      actions={
        <Group gap="xs">
          <Button
            leftSection={<IconRotateClockwise2 size={16} />}
            variant="light"
            onClick={() => setEditingRotations(true)}
          >
            Rotations
          </Button>
          <Button
            leftSection={<IconRefresh size={16} />}
            variant="light"
            onClick={() => setRegenerating(true)}
          >
            Regenerate rotation
          </Button>
        </Group>
      }
    />
  );
  const dialogs = (
    <>
      {modal}
      {regenerating && <RegenerateDialog plan={plan} run={run} onClose={() => setRegenerating(false)} />}
      {editingRotations && (
        <RotationEditor plan={plan} run={run} onClose={() => setEditingRotations(false)} />
      )}
    </>
  );

  if (plan.members.length === 0) {
    return (
      <Stack gap="lg">
        {header}
        <EmptyState
          icon={IconUsers}
          title="No team yet"
          action={
            <Button variant="light" onClick={() => setView('team')}>
              Go to Team
            </Button>
          }
        >
          Add the engineers who share on-call duty in the Team view, then generate the rotation here.
        </EmptyState>
        {dialogs}
      </Stack>
    );
  }
  if (plan.shifts.length === 0) {
    return (
      <Stack gap="lg">
        {header}
        <EmptyState
          icon={IconCalendarOff}
          title="No shifts yet"
          action={
            <Button onClick={() => setRegenerating(true)} leftSection={<IconRefresh size={16} />}>
              Generate the rotation from the settings
            </Button>
          }
        >
          Generate the rotation from the settings: who is in each layer and in which order, the shift length,
          the handoff day and time, and the dates it runs.
        </EmptyState>
        {dialogs}
      </Stack>
    );
  }

  const badges = layerBadges(plan);
  return (
    <Stack gap="md">
      {header}
      <Group justify="space-between" gap="md">
        <Group gap="md">
          <Chip.Group
            multiple
            value={rotation.layers.filter((l) => !hiddenLayers.includes(l.id)).map((l) => l.id)}
            onChange={(shownLayers) =>
              setHiddenLayers(rotation.layers.filter((l) => !shownLayers.includes(l.id)).map((l) => l.id))
            }
          >
            <Group gap={6} aria-label="Layers shown">
              {rotation.layers.map((l, i) => (
                <Tooltip
                  key={l.id}
                  label={`${l.name} shifts are drawn ${i === 0 ? 'solid' : 'striped'}; click to hide or show them`}
                >
                  <div>
                    <Chip value={l.id} size="xs" variant="outline">
                      {badges.get(l.id)} · {l.name}
                    </Chip>
                  </div>
                </Tooltip>
              ))}
            </Group>
          </Chip.Group>
          <Legend />
        </Group>
        <TextInput
          size="xs"
          type="date"
          aria-label="Go to date"
          leftSection={<Text size="xs">Go to</Text>}
          leftSectionWidth={44}
          w={170}
          data-testid="calendar-goto"
          onChange={(e) => {
            const date = e.currentTarget.value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(date)) calendarRef.current?.getApi().gotoDate(date);
          }}
        />
      </Group>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '172px minmax(0, 1fr) 284px',
          gap: 'var(--mantine-spacing-md)',
          alignItems: 'start',
        }}
      >
        <MemberPalette
          members={plan.members}
          layers={rotation.layers}
          badges={badges}
          hours={hours}
          hidden={hiddenMembers}
          onToggle={toggleMember}
        />
        <div style={{ height: BOARD_HEIGHT, minWidth: 0, position: 'relative' }}>
          <DragPreview />
          <CalendarBoard
            calendarRef={calendarRef}
            events={events}
            marks={marks}
            zone={zone}
            firstDay={weekStart}
            nextDayThreshold={`${rotation.handoff.time}:01`}
            initialDate={initialDate}
            selectedDate={shown?.kind === 'moment' ? localDateOf(shown.instant, zone) : null}
            onRangeChange={(start, end, viewType) => {
              setRange((r) =>
                r && r.start === start && r.end === end && r.viewType === viewType
                  ? r
                  : { start, end, viewType },
              );
              const current = calendarRef.current?.getApi().getDate();
              if (current) lastViewedDate = localDateOf(current.toISOString(), zone);
            }}
            onShiftClick={(shiftId) => select({ kind: 'shift', shiftId })}
            onDateClick={(dateStr) => {
              const moment = clickedMoment(dateStr, zone);
              select({ kind: 'moment', instant: moment.instant, allDay: moment.allDay });
            }}
            onDragTarget={(target, cancelled) => {
              const shift = target && shiftOf(target.shiftId);
              setDragHover(shift ? { edit: dragEdit(shift, target, zone), cancelled } : null);
            }}
            onShiftDrop={(shiftId, delta, revert) => {
              // FullCalendar shows the shift where it was dropped; that frame paints before the edit is judged.
              afterPaint(() => {
                const shift = shiftOf(shiftId);
                const current = useAppStore.getState().plan;
                if (!shift || !current) return revert();
                const edit = {
                  kind: 'shift:move',
                  shiftId,
                  start: applyDelta(shift.start, delta, zone),
                } as const;
                if (refuseNoChange(current, edit)) return revert();
                run(edit, {
                  onApplied: (before) => notifyEditConsequences(before, shiftId, 'Moved'),
                  onNotApplied: revert,
                });
                select({ kind: 'shift', shiftId });
              });
            }}
            onShiftResize={(shiftId, startDelta, endDelta, revert) => {
              afterPaint(() => {
                const shift = shiftOf(shiftId);
                if (!shift) return revert();
                run(
                  {
                    kind: 'shift:resize',
                    shiftId,
                    start: applyDelta(shift.start, startDelta, zone),
                    end: applyDelta(shift.end, endDelta, zone),
                  },
                  {
                    onApplied: (before) => notifyEditConsequences(before, shiftId, 'Resized'),
                    onNotApplied: revert,
                  },
                );
                select({ kind: 'shift', shiftId });
              });
            }}
            onMemberDrop={(shiftId, memberId) => {
              const shift = shiftOf(shiftId);
              const member = plan.members.find((m) => m.id === memberId);
              if (!shift || !member) return;
              run(
                { kind: 'shift:reassign', shiftId, memberId },
                { onApplied: (before) => notifyEditConsequences(before, shiftId, 'Handed over') },
              );
              select({ kind: 'shift', shiftId });
            }}
          />
        </div>
        <div style={{ maxHeight: BOARD_HEIGHT, overflowY: 'auto' }}>
          <SidePanel plan={plan} selection={shown} run={run} onSelect={select} onClose={() => select(null)} />
        </div>
      </div>
      {dialogs}
    </Stack>
  );
}
