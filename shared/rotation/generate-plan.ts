import type { Plan } from '../plan/schema';
import { HolidayCalendar } from '../time/holiday-calendar';
import { addDays, instantMs } from '../time/zoned';
import { checkCoverage } from './coverage';
import { holidayDuties } from './holiday-duty';
import { investorWeekFindings } from './investor-staffing';
import { regenerate } from './regenerate';
import { rotationWarnings } from './rotation-checks';
import { sortShifts } from './schedule-shifts';
import { TurnsTable } from './turns';

/**
 * Which plan-local dates to generate (both inclusive); shifts starting outside them are kept as they are.
 * `holidays`: the caller's holiday calendar (a fresh one when none is given).
 */
export type GenerateOptions = { from?: string; to?: string; holidays?: HolidayCalendar };

/** Something the generated plan still asks a person to look at, with where and when when it applies. */
export type GenerateWarning = {
  kind:
    | 'unresolved'
    | 'window-hole'
    | 'window-double'
    | 'night'
    | 'coverage-gap'
    | 'overlap'
    | 'investor-week'
    | 'holiday-repeat';
  message: string;
  layerId?: string;
  memberId?: string;
  start?: string;
  end?: string;
};

/** What `generatePlan` made: the new plan, how many shifts differ from before, shifts per layer, warnings. */
export type GenerateResult = {
  plan: Plan;
  changed: number;
  layers: { id: string; name: string; shifts: number }[];
  warnings: GenerateWarning[];
};

/**
 * Generates a plan's shifts from its rotation settings with the app's Regenerate engine: time off honoured by
 * swaps, pinned and hand-made shifts kept, and, with `from`/`to`, every shift starting outside those dates kept as
 * it is. The warnings say what is still wrong: stretches nobody else could cover, rotation windows with holes or
 * doubles, night duty where it is not allowed, coverage gaps, investor weeks short of their staffing rule and
 * major holidays held by the same person two years running.
 * Why one function: `rotaplan generate` and the app build the same shifts and report the same problems.
 */
export function generatePlan(plan: Plan, options: GenerateOptions = {}): GenerateResult {
  const zone = plan.rotation.timeZone;
  const holidays = options.holidays ?? new HolidayCalendar();
  const clock = holidays.clock;
  const window = {
    ...(options.from !== undefined && { from: instantMs(clock.startOfLocalDay(options.from, zone)) }),
    ...(options.to !== undefined && { to: instantMs(clock.startOfLocalDay(addDays(options.to, 1), zone)) }),
  };
  // One turns table for the engine and the window checks: both read the same rotation's turns, through the
  // calendar's zone clock.
  const turns = new TurnsTable(clock);
  const regeneration = regenerate(plan, window, holidays, turns);
  const next: Plan = { ...plan, shifts: sortShifts(plan, regeneration.shifts) };
  const { added, removed, changed } = regeneration.diff;
  const warnings: GenerateWarning[] = regeneration.unresolved.map((u) => ({
    kind: 'unresolved',
    message: u.message,
    layerId: u.layerId,
    memberId: u.memberId,
    start: u.start,
    end: u.end,
  }));
  const rotation = rotationWarnings(next, turns);
  warnings.push(...rotation);
  const holed = new Set(rotation.filter((w) => w.kind === 'window-hole').map((w) => w.layerId));
  for (const c of checkCoverage(next)) {
    const name = plan.rotation.layers.find((l) => l.id === c.layerId)?.name ?? c.layerId;
    // A layer whose windows leave holes by design (business hours) is reported once, as its window holes.
    if (!holed.has(c.layerId)) {
      for (const g of c.gaps) {
        warnings.push({
          kind: 'coverage-gap',
          message: `${name}: nobody is on call ${g.start} – ${g.end}`,
          layerId: c.layerId,
          ...g,
        });
      }
    }
    for (const o of c.overlaps) {
      warnings.push({
        kind: 'overlap',
        message: `${name}: shifts ${o.shiftIds.join(' and ')} overlap ${o.start} – ${o.end}`,
        layerId: c.layerId,
        start: o.start,
        end: o.end,
      });
    }
  }
  for (const f of investorWeekFindings(next)) {
    warnings.push({
      kind: 'investor-week',
      message: f.message,
      start: f.start,
      end: f.end,
      ...(f.layerId !== undefined && { layerId: f.layerId }),
      ...(f.memberId !== undefined && { memberId: f.memberId }),
    });
  }
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  for (const d of holidayDuties(holidays, next)) {
    if (!d.repeat || d.coveredBy === null) continue;
    warnings.push({
      kind: 'holiday-repeat',
      message: `${d.name} ${d.year}: ${name(d.coveredBy)} is on call again (also in ${d.lastCovered?.year ?? '?'})`,
      layerId: d.layerId,
      memberId: d.coveredBy,
    });
  }
  return {
    plan: next,
    changed: added.length + removed.length + changed.length,
    layers: plan.rotation.layers.map((l) => ({
      id: l.id,
      name: l.name,
      shifts: next.shifts.filter((s) => s.layerId === l.id).length,
    })),
    warnings,
  };
}
