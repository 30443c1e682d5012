import { applyEdit } from '../../shared/plan/edits';
import { investorWeekFindings } from '../../shared/rotation/investor-staffing';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import {
  momentDetails,
  shiftDetails,
  swapChoices,
  type SwapChoice,
} from '../../renderer/src/features/calendar/calendar-details';
import { swapCandidates } from '../../shared/optimize/swap-candidates';
import {
  backgroundEvents,
  dayMarks,
  layerBadges,
  memberHoursInRange,
  selectShiftEvents,
  shiftEvents,
  type ShiftEventProps,
} from '../../renderer/src/features/calendar/calendar-events';
import { applyDelta, clickedMoment } from '../../renderer/src/features/calendar/calendar-format';
import {
  diffRows,
  previewRegeneration,
  regenerationEdit,
} from '../../renderer/src/features/calendar/rotation-draft';
import { introducedTimeOffConflicts } from '../../shared/rotation/time-off-guard';
import { HolidayCalendar } from '../../shared/time/holiday-calendar';

// One calendar for the file, as a caller holds one: its lists stay warm between tests.
const calendar = new HolidayCalendar();

const NOW = '2026-11-27T00:00:00.000Z';
const ALL = { hiddenMembers: [], hiddenLayers: [] };
const props = (e: { extendedProps?: unknown }) => e.extendedProps as ShiftEventProps;

function edited(plan: Plan, edit: Parameters<typeof applyEdit>[1]): Plan {
  const result = applyEdit(plan, edit, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

describe('calendar selectors on the sample plan', () => {
  const plan = createSamplePlan(NOW);

  it('builds one event per shift, coloured per member, primary solid and secondary striped', () => {
    const events = shiftEvents(plan, ALL, null);
    expect(events).toHaveLength(104);
    const maya = events.find((e) => e.id === 'primary-2027-01-04')!;
    expect(maya).toMatchObject({
      title: 'Maya Chen',
      start: '2027-01-04T17:00:00Z',
      end: '2027-01-11T17:00:00Z',
      color: '#2563eb',
      contrastColor: '#ffffff',
      editable: true,
    });
    expect(props(maya)).toMatchObject({
      badge: 'P',
      layerIndex: 0,
      striped: false,
      source: 'generated',
      hours: 168,
    });
    const diego = events.find((e) => e.id === 'secondary-2027-01-04')!;
    expect(diego).toMatchObject({ title: 'Diego Alvarez', color: '#f7e1c8', contrastColor: '#1f2937' });
    expect(props(diego)).toMatchObject({ badge: 'S', memberColor: '#d97706', striped: true });
  });

  it('keeps handoffs at 09:00 across DST: the spring week has 167 hours, the autumn one 169', () => {
    const events = shiftEvents(plan, ALL, null);
    expect(props(events.find((e) => e.id === 'primary-2027-03-08')!).hours).toBe(167);
    expect(props(events.find((e) => e.id === 'primary-2027-11-01')!).hours).toBe(169);
    expect(events.find((e) => e.id === 'primary-2027-03-15')!.start).toBe('2027-03-15T16:00:00Z');
  });

  it('filters by member and by layer, marks the highlight and locks pinned shifts', () => {
    const noMaya = shiftEvents(plan, { hiddenMembers: ['maya'], hiddenLayers: [] }, null);
    expect(noMaya.some((e) => props(e).memberId === 'maya')).toBe(false);
    expect(noMaya).toHaveLength(104 - plan.shifts.filter((s) => s.memberId === 'maya').length);
    const primaryOnly = shiftEvents(plan, { hiddenMembers: [], hiddenLayers: ['secondary'] }, null);
    expect(new Set(primaryOnly.map((e) => props(e).layerId))).toEqual(new Set(['primary']));
    expect(primaryOnly).toHaveLength(52);
    const pinned = edited(plan, { kind: 'shift:pin', shiftId: 'primary-2027-01-11' });
    const events = shiftEvents(pinned, ALL, 'primary-2027-01-11');
    const diego = events.find((e) => e.id === 'primary-2027-01-11')!;
    expect(diego.editable).toBe(false);
    expect(props(diego)).toMatchObject({ pinned: true, highlighted: true });
    expect(props(events.find((e) => e.id === 'primary-2027-01-04')!).highlighted).toBe(false);
  });

  it('lists each shift once at its handoff in the list view', () => {
    const events = shiftEvents(plan, ALL, null, 'handoff');
    const maya = events.find((e) => e.id === 'primary-2027-01-04')!;
    expect(maya.start).toBe('2027-01-04T17:00:00Z');
    expect(maya.end).toBeUndefined();
    expect(maya.editable).toBe(false);
  });

  it('remembers the events while plan, filter and highlight stay the same (a memoised selector)', () => {
    const first = selectShiftEvents(plan, ALL, null);
    expect(selectShiftEvents(plan, ALL, null)).toBe(first);
    const next = edited(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-04', memberId: 'priya' });
    const after = selectShiftEvents(next, ALL, null);
    expect(after).not.toBe(first);
    expect(after.find((e) => e.id === 'primary-2027-01-04')!.title).toBe('Priya Raman');
  });

  it('puts holidays, time off and investor weeks on the calendar as background events', () => {
    const events = backgroundEvents(calendar, plan, '2027-01-01', '2027-01-31', ALL);
    expect(events.map((e) => [e.id, e.title, e.start, e.end, e.display])).toEqual([
      ["holiday-2027-01-01-New Year's Day", "New Year's Day", '2027-01-01', '2027-01-02', 'background'],
      [
        'holiday-2027-01-18-Martin Luther King Jr. Day',
        'Martin Luther King Jr. Day (Maya Chen, Diego Alvarez, Sam Okafor)',
        '2027-01-18',
        '2027-01-19',
        'background',
      ],
      [
        'time-off-sam-to-sam-conf',
        'Sam Okafor: conference 2027-01-26 – 2027-01-29 (Data Council talk)',
        '2027-01-26',
        '2027-01-30',
        'background',
      ],
      [
        'investor-2027-01-25',
        'Investor week 2027-01-25 – 2027-01-31',
        '2027-01-25',
        '2027-02-01',
        'background',
      ],
    ]);
    // On 2027-02-15 each region names its own holiday: British Columbia, California and Colorado.
    const feb = backgroundEvents(calendar, plan, '2027-02-15', '2027-02-15', ALL).map((e) => e.title);
    expect(feb).toEqual([
      'Family Day (Priya Raman)',
      "Presidents' Day (Maya Chen, Diego Alvarez)",
      'Washington-Lincoln Day (Sam Okafor)',
    ]);
    const hidden = { hiddenMembers: ['priya', 'sam'], hiddenLayers: [] };
    const withoutThem = backgroundEvents(calendar, plan, '2027-02-15', '2027-02-15', hidden);
    expect(withoutThem.map((e) => e.title)).toEqual(["Presidents' Day (Maya Chen, Diego Alvarez)"]);
  });

  it('labels days: holidays on their day, spans on their first day', () => {
    const marks = dayMarks(backgroundEvents(calendar, plan, '2027-01-01', '2027-01-31', ALL));
    expect(marks.get('2027-01-25')!.map((m) => [m.kind, m.short, m.first])).toEqual([
      ['investor-week', 'Investors', true],
    ]);
    expect(marks.get('2027-01-26')!.map((m) => [m.kind, m.short, m.first])).toEqual([
      ['investor-week', 'Investors', false],
      ['time-off', 'Sam away', true],
    ]);
    // A short name in the cell, the full one in its title (and the side panel).
    expect(marks.get('2027-01-18')!.map((m) => [m.short, m.label])).toEqual([
      ['MLK Day', 'Martin Luther King Jr. Day (Maya Chen, Diego Alvarez, Sam Okafor)'],
    ]);
    expect(marks.has('2027-01-19')).toBe(false);
  });

  it('sums each member’s on-call hours in the visible range, per layer', () => {
    // 2027-01-04 00:00 to 2027-01-11 00:00 in Los Angeles: the first week from its 09:00 handoff.
    const hours = memberHoursInRange(plan, '2027-01-04T08:00:00Z', '2027-01-11T08:00:00Z');
    expect(hours.get('maya')).toEqual({ memberId: 'maya', byLayer: { primary: 159 }, total: 159 });
    expect(hours.get('diego')).toEqual({ memberId: 'diego', byLayer: { secondary: 159 }, total: 159 });
    expect(hours.get('priya')!.total).toBe(0);
  });

  it('names each layer by its initial', () => {
    expect([...layerBadges(plan)]).toEqual([
      ['primary', 'P'],
      ['secondary', 'S'],
    ]);
  });
});

describe('drag arithmetic in the plan zone', () => {
  it('moves by calendar days on the wall clock, so a week dragged across DST still hands off at 09:00', () => {
    const delta = { years: 0, months: 0, days: 7, milliseconds: 0 };
    expect(applyDelta('2027-03-08T17:00:00Z', delta, 'America/Los_Angeles')).toBe('2027-03-15T16:00:00Z');
    expect(
      applyDelta(
        '2027-01-04T17:00:00Z',
        { ...delta, days: 0, milliseconds: 3_600_000 },
        'America/Los_Angeles',
      ),
    ).toBe('2027-01-04T18:00:00Z');
  });

  it('reads a clicked day as its noon and a clicked time as that instant', () => {
    expect(clickedMoment('2027-01-19', 'America/Los_Angeles')).toEqual({
      instant: '2027-01-19T20:00:00Z',
      date: '2027-01-19',
      allDay: true,
    });
    expect(clickedMoment('2027-01-05T10:30:00-08:00', 'America/Los_Angeles')).toEqual({
      instant: '2027-01-05T18:30:00Z',
      date: '2027-01-05',
      allDay: false,
    });
    expect(clickedMoment('2027-07-05T10:30:00', 'America/Los_Angeles').instant).toBe('2027-07-05T17:30:00Z');
  });
});

describe('side panel details', () => {
  const plan = createSamplePlan(NOW);

  it('says who is on call at a moment, per layer; at a handoff the incoming person', () => {
    const week1 = momentDetails(calendar, plan, '2027-01-05T18:30:00Z', false);
    expect(week1.onCall.map((l) => [l.layerName, l.memberIds])).toEqual([
      ['Primary', ['maya']],
      ['Secondary', ['diego']],
    ]);
    const handoff = momentDetails(calendar, plan, '2027-01-11T17:00:00Z', false);
    expect(handoff.onCall.map((l) => l.memberIds)).toEqual([['diego'], ['priya']]);
    expect(handoff.dayShifts.map((l) => l.shifts.map((s) => s.id))).toEqual([
      ['primary-2027-01-04', 'primary-2027-01-11'],
      ['secondary-2027-01-04', 'secondary-2027-01-11'],
    ]);
  });

  it('shows the time off, investor week and findings a shift touches', () => {
    const d = shiftDetails(calendar, plan, 'primary-2027-01-25')!;
    expect([d.from, d.to]).toEqual(['2027-01-25', '2027-02-01']);
    expect(d.timeOff.map((t) => [t.memberId, t.timeOff.id, t.start, t.end])).toEqual([
      ['sam', 'to-sam-conf', '2027-01-26T07:00:00Z', '2027-01-30T07:00:00Z'],
    ]);
    expect(d.investorWeeks).toEqual([{ start: '2027-01-25', end: '2027-01-31' }]);
    expect(d.findings.map((f) => f.requirement)).toEqual(['owner-time-off']);
    const mlk = shiftDetails(calendar, plan, 'primary-2027-01-18')!;
    expect(mlk.holidays.map((h) => [h.date, h.name, h.memberIds])).toEqual([
      ['2027-01-18', 'Martin Luther King Jr. Day', ['maya', 'diego', 'sam']],
    ]);
    // Priya (British Columbia) works on Martin Luther King Jr. Day: not her own holiday.
    expect(mlk.ownHolidays).toEqual([]);
  });

  it('finds for every shift exactly the investor-week findings the whole-plan check gives it', () => {
    const all = investorWeekFindings(plan);
    const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
      Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
    let withFindings = 0;
    for (const shift of plan.shifts) {
      const expected = all.filter(
        (f) =>
          overlaps(f, shift) &&
          (f.layerId === undefined || f.layerId === shift.layerId || f.memberId === shift.memberId),
      );
      expect(shiftDetails(calendar, plan, shift.id)!.findings).toEqual(expected);
      if (expected.length > 0) withFindings += 1;
    }
    expect(withFindings).toBeGreaterThan(0);
  });

  it("finds a swap with the assistant's rules: back-to-back runs, other layers, time off", () => {
    // Diego holds primary 2027-01-11; Maya holds 2027-01-04, so taking it would make two weeks in a row.
    expect(swapChoices(plan, 'primary-2027-01-11')).toEqual([
      { memberId: 'sam', eligible: true, reasons: [] },
      {
        memberId: 'priya',
        eligible: false,
        reasons: [
          'primary: priya holds 2 periods in a row from 2027-01-11 (limit 1)',
          'priya holds primary and secondary at once from 2027-01-11',
        ],
      },
      {
        memberId: 'maya',
        eligible: false,
        reasons: ['primary: maya holds 2 periods in a row from 2027-01-04 (limit 1)'],
      },
    ]);
    // The same people and the same sentences as the swap assistant.
    const assistant = swapCandidates(plan, 'primary-2027-01-11');
    if (typeof assistant === 'string') throw new Error(assistant);
    expect(assistant.candidates.map((c) => [c.memberId, c.eligible, c.blocks.map((b) => b.message)])).toEqual(
      (swapChoices(plan, 'primary-2027-01-11') as SwapChoice[]).map((c) => [
        c.memberId,
        c.eligible,
        c.reasons,
      ]),
    );
    const jan25 = swapChoices(plan, 'primary-2027-01-25') as SwapChoice[];
    expect(jan25.find((c) => c.memberId === 'sam')!.reasons).toEqual([
      'primary 2027-01-25: sam is on call during time off 2027-01-26 – 2027-01-29',
    ]);
    expect(jan25.filter((c) => c.eligible)).toEqual([]);
    const pinned = edited(plan, { kind: 'shift:pin', shiftId: 'primary-2027-01-11' });
    expect(swapChoices(pinned, 'primary-2027-01-11')).toBe(
      'the shift primary-2027-01-11 is pinned; unpin it before giving it to someone else',
    );
  });
});

describe('time-off guard', () => {
  const plan = createSamplePlan(NOW);

  it('reports the time off an edit puts on call, and nothing for a free person', () => {
    const toSam = edited(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-25', memberId: 'sam' });
    expect(
      introducedTimeOffConflicts(plan, toSam).map((c) => [
        c.shift.id,
        c.memberId,
        c.timeOff.id,
        c.start,
        c.end,
      ]),
    ).toEqual([['primary-2027-01-25', 'sam', 'to-sam-conf', '2027-01-26T07:00:00Z', '2027-01-30T07:00:00Z']]);
    const toPriya = edited(plan, {
      kind: 'shift:reassign',
      shiftId: 'primary-2027-01-25',
      memberId: 'priya',
    });
    expect(introducedTimeOffConflicts(plan, toPriya)).toEqual([]);
  });

  it('does not ask again about time off the plan already had', () => {
    const toSam = edited(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-25', memberId: 'sam' });
    const pinned = edited(toSam, { kind: 'shift:pin', shiftId: 'primary-2027-01-25' });
    expect(introducedTimeOffConflicts(toSam, pinned)).toEqual([]);
  });
});

describe('regeneration preview', () => {
  const plan = createSamplePlan(NOW);

  it('changes nothing for the current settings', () => {
    const preview = previewRegeneration(plan, plan.rotation);
    if (!preview.ok) throw new Error(preview.problems.join('; '));
    expect(preview.settingsChanged).toBe(false);
    expect(preview.regeneration.diff).toEqual({ added: [], removed: [], changed: [] });
    expect(regenerationEdit(preview)).toEqual({ kind: 'rotation:regenerate' });
  });

  it('lists every shift as changed when the handoff moves to 10:00, with dates and names', () => {
    const rotation = { ...plan.rotation, handoff: { ...plan.rotation.handoff, time: '10:00' } };
    const preview = previewRegeneration(plan, rotation);
    if (!preview.ok) throw new Error(preview.problems.join('; '));
    const rows = diffRows(plan, preview.regeneration, preview.rotation);
    expect(rows).toHaveLength(104);
    expect(rows[0]).toMatchObject({
      change: 'changed',
      layer: 'Primary',
      when: 'Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00 ⇒ Mon, Jan 4, 10:00 → Mon, Jan 11, 10:00',
      who: 'Maya Chen',
    });
    expect(regenerationEdit(preview)).toEqual({
      kind: 'rotation:update',
      fields: rotation,
      regenerate: true,
    });
  });

  it('names what is wrong with the draft by its JSON path', () => {
    const rotation = { ...plan.rotation, handoff: { ...plan.rotation.handoff, time: '25:00' } };
    expect(previewRegeneration(plan, rotation)).toEqual({
      ok: false,
      problems: ['rotation.handoff.time: expected a local time as HH:MM'],
    });
  });
});
