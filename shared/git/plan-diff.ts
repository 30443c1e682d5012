import { analyzePlan } from '../fairness/analyze';
import type { FairnessMetrics } from '../fairness/metrics';
import type { Plan, Shift } from '../plan/schema';
import { ZoneClock } from '../time/zone-clock';
import { addDays, isoWeekday, localDate, localDateTime } from '../time/zoned';
import { entityKey, fieldChanges, showValue, type FieldChange } from './plan-entities';

/** The parts of a plan the diff reports on, in the order it prints them. */
export type DiffArea =
  | 'meta'
  | 'members'
  | 'pipelines'
  | 'ownership'
  | 'rotation'
  | 'coverage'
  | 'escalation'
  | 'communication'
  | 'successMetrics'
  | 'wishes'
  | 'scenarios'
  | 'mergeConflicts'
  | 'other';

/** One entity or setting that changed: added, removed, or changed in the listed fields. */
export type EntityChange = {
  area: DiffArea;
  kind: 'added' | 'removed' | 'changed';
  /** The entity's id (a pipeline id for an ownership cell), or the setting's path. */
  id: string;
  /** What the user calls it: a member's or pipeline's name, a setting's path. */
  label: string;
  /** For `changed`: each field, with paths relative to the entity. */
  fields: FieldChange[];
};

/** One shift that changed. */
export type ShiftChange = {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  layer: string;
  before: { member: string; start: string; end: string } | null;
  after: { member: string; start: string; end: string } | null;
  /** Fields other than member, start and end that changed (pinned, source, note). */
  fields: FieldChange[];
  /** The change in one line: "Jan 11–18 Primary: Diego Alvarez → Priya Shah". */
  text: string;
};

/** The shift changes of one week (Monday to Sunday, plan-local), by the week their shift starts in. */
export type ShiftWeek = { weekOf: string; changes: ShiftChange[] };

/** The differences between two plans in the plan's own terms (see `diffPlans`). */
export type PlanDiff = {
  changes: EntityChange[];
  shiftWeeks: ShiftWeek[];
  shiftCount: number;
  /**
   * The team's fairness metrics before and after, over the whole months the changed shifts touch (plan-local dates,
   * both inclusive), or each plan's horizon when only members or coverage rules changed; null when none of these did.
   */
  fairness: {
    from: string | null;
    to: string | null;
    before: FairnessMetrics;
    after: FairnessMetrics;
  } | null;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 11" of an ISO date. */
function dayLabel(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/**
 * "Jan 11–18", "Jan 28–Feb 4": the plan-local dates a shift spans, for diffs and the text view of a plan.
 * `clock`: the caller's zone clock when it labels many shifts.
 */
export function spanLabel(plan: Plan, start: string, end: string, clock = new ZoneClock()): string {
  const zone = plan.rotation.timeZone;
  const from = clock.localDate(start, zone);
  const to = clock.localDate(end, zone);
  if (from === to) return dayLabel(from);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${dayLabel(from)}–${Number(to.slice(8, 10))}`;
  return `${dayLabel(from)}–${dayLabel(to)}`;
}

/** "Jan 11 09:00–Jan 18 09:00" in the plan's zone. */
function timesLabel(plan: Plan, start: string, end: string): string {
  const zone = plan.rotation.timeZone;
  const at = (instant: string) => {
    const local = localDateTime(instant, zone);
    return `${dayLabel(local.slice(0, 10))} ${local.slice(11, 16)}`;
  };
  return `${at(start)}–${at(end)}`;
}

const memberName = (plan: Plan, id: string | null) =>
  id === null ? '(nobody)' : (plan.members.find((m) => m.id === id)?.name ?? id);

/** Entity arrays (by id) and settings objects (by field) of a plan, each with its area. */
function entityChanges(old: Plan, next: Plan): EntityChange[] {
  const changes: EntityChange[] = [];
  const byKey = (
    area: DiffArea,
    a: readonly unknown[],
    b: readonly unknown[],
    label: (x: unknown) => string,
  ) => {
    const left = new Map(a.map((item, i) => [entityKey(item) ?? String(i), item]));
    const right = new Map(b.map((item, i) => [entityKey(item) ?? String(i), item]));
    for (const [id, item] of left) {
      const after = right.get(id);
      if (after === undefined) changes.push({ area, kind: 'removed', id, label: label(item), fields: [] });
      else {
        const fields = fieldChanges(item, after);
        if (fields.length > 0) changes.push({ area, kind: 'changed', id, label: label(after), fields });
      }
    }
    for (const [id, item] of right)
      if (!left.has(id)) changes.push({ area, kind: 'added', id, label: label(item), fields: [] });
  };
  const settings = (area: DiffArea, a: unknown, b: unknown) => {
    for (const field of fieldChanges(a, b)) {
      changes.push({ area, kind: 'changed', id: field.path, label: field.path, fields: [field] });
    }
  };
  const named = (x: unknown) => {
    const r = x as { name?: unknown; id?: unknown; kpi?: unknown; level?: unknown };
    return String(r.name ?? r.kpi ?? (r.level !== undefined ? `level ${String(r.level)}` : r.id));
  };
  const { updatedAt: _oldUpdated, ...oldMeta } = old.meta;
  const { updatedAt: _newUpdated, ...newMeta } = next.meta;
  void _oldUpdated;
  void _newUpdated;
  settings('meta', oldMeta, newMeta);
  byKey('members', old.members, next.members, named);
  byKey('pipelines', old.pipelines, next.pipelines, named);
  const pipelineName = (x: unknown) => {
    const id = (x as { pipelineId: string }).pipelineId;
    return (next.pipelines.find((p) => p.id === id) ?? old.pipelines.find((p) => p.id === id))?.name ?? id;
  };
  byKey('ownership', old.ownership, next.ownership, pipelineName);
  const { layers: oldLayers, ...oldRotation } = old.rotation;
  const { layers: newLayers, ...newRotation } = next.rotation;
  byKey('rotation', oldLayers, newLayers, (x) => `layer ${named(x)}`);
  settings('rotation', oldRotation, newRotation);
  settings('coverage', old.coverage, next.coverage);
  byKey('escalation', old.escalation, next.escalation, named);
  settings('communication', old.communication, next.communication);
  byKey('successMetrics', old.successMetrics, next.successMetrics, named);
  byKey('wishes', old.wishes ?? [], next.wishes ?? [], (x) => {
    const w = x as { memberId: string; kind: string; from: string; to: string };
    return `${memberName(next, w.memberId)} ${w.kind}s ${w.from}–${w.to}`;
  });
  byKey('scenarios', old.scenarios, next.scenarios, named);
  byKey('mergeConflicts', old.mergeConflicts ?? [], next.mergeConflicts ?? [], (x) => {
    const c = x as { path: string };
    return c.path;
  });
  return changes;
}

function shiftChange(
  old: Plan,
  next: Plan,
  before: Shift | undefined,
  after: Shift | undefined,
): ShiftChange {
  const s = (after ?? before)!;
  const layerOf = (plan: Plan) => plan.rotation.layers.find((l) => l.id === s.layerId)?.name;
  const layer = layerOf(next) ?? layerOf(old) ?? s.layerId;
  const side = (plan: Plan, shift: Shift | undefined) =>
    shift ? { member: memberName(plan, shift.memberId), start: shift.start, end: shift.end } : null;
  const b = side(old, before);
  const a = side(next, after);
  if (!b) {
    return {
      kind: 'added',
      id: s.id,
      layer,
      before: null,
      after: a,
      fields: [],
      text: `+ ${spanLabel(next, a!.start, a!.end)} ${layer}: ${a!.member} (${after!.source})`,
    };
  }
  if (!a) {
    return {
      kind: 'removed',
      id: s.id,
      layer,
      before: b,
      after: null,
      fields: [],
      text: `- ${spanLabel(old, b.start, b.end)} ${layer}: ${b.member}`,
    };
  }
  const fields = fieldChanges(before, after).filter((f) => !['memberId', 'start', 'end'].includes(f.path));
  const parts: string[] = [];
  const moved = b.start !== a.start || b.end !== a.end;
  let head = `${spanLabel(next, a.start, a.end)} ${layer}:`;
  if (b.member !== a.member) parts.push(`${b.member} → ${a.member}`);
  else head = `${head} ${a.member}`;
  if (moved) parts.push(`${timesLabel(old, b.start, b.end)} → ${timesLabel(next, a.start, a.end)}`);
  for (const f of fields) parts.push(`${f.path} ${showValue(f.before)} → ${showValue(f.after)}`);
  return {
    kind: 'changed',
    id: s.id,
    layer,
    before: b,
    after: a,
    fields,
    text: `${head} ${parts.join('; ')}`.trim(),
  };
}

/** The month after the one a date is in, as YYYY-MM. */
function nextMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The Monday (plan-local) of the week an instant falls in. */
function weekOf(plan: Plan, instant: string): string {
  const date = localDate(instant, plan.rotation.timeZone);
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * What changed from one plan to another in the plan's own words: members, pipelines, ownership cells, rotation and
 * other settings by field, shifts grouped by the week they start in, and the team's fairness before and after.
 * Why: `git diff` of a plan file is a wall of JSON; this is the change log a lead reads in a pull request.
 */
export function diffPlans(old: Plan, next: Plan): PlanDiff {
  const changes = entityChanges(old, next);
  const oldShifts = new Map(old.shifts.map((s) => [s.id, s]));
  const newShifts = new Map(next.shifts.map((s) => [s.id, s]));
  const shiftChanges: { week: string; start: string; change: ShiftChange }[] = [];
  for (const [id, before] of oldShifts) {
    const after = newShifts.get(id);
    if (after === before) continue;
    if (after && fieldChanges(before, after).length === 0) continue;
    const anchor = after ?? before;
    const plan = after ? next : old;
    shiftChanges.push({
      week: weekOf(plan, anchor.start),
      start: anchor.start,
      change: shiftChange(old, next, before, after),
    });
  }
  for (const [id, after] of newShifts) {
    if (oldShifts.has(id)) continue;
    shiftChanges.push({
      week: weekOf(next, after.start),
      start: after.start,
      change: shiftChange(old, next, undefined, after),
    });
  }
  shiftChanges.sort((x, y) =>
    x.start < y.start ? -1 : x.start > y.start ? 1 : x.change.id < y.change.id ? -1 : 1,
  );
  const weeks = new Map<string, ShiftChange[]>();
  for (const { week, change } of shiftChanges) {
    const list = weeks.get(week);
    if (list) list.push(change);
    else weeks.set(week, [change]);
  }
  const shiftWeeks = [...weeks]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([weekOf, list]) => ({ weekOf, changes: list }));
  let fairness: PlanDiff['fairness'] = null;
  if (shiftChanges.length > 0 || changes.some((c) => c.area === 'members' || c.area === 'coverage')) {
    // Months, not the horizon: analysing a two-year plan twice is slow, and a drag's effect is local.
    const zone = next.rotation.timeZone;
    const dates = shiftChanges.flatMap(({ change }) =>
      [change.before, change.after].flatMap((side) =>
        side ? [localDate(side.start, zone), localDate(side.end, zone)] : [],
      ),
    );
    const from = dates.length > 0 ? `${dates.reduce((a, b) => (a < b ? a : b)).slice(0, 7)}-01` : null;
    const last = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    const to = last === null ? null : addDays(`${nextMonth(last)}-01`, -1);
    const window = from !== null && to !== null ? { from, to } : {};
    fairness = {
      from,
      to,
      before: analyzePlan(old, window).fairness,
      after: analyzePlan(next, window).fairness,
    };
  }
  return { changes, shiftWeeks, shiftCount: shiftChanges.length, fairness };
}

const AREA_TITLES: Record<DiffArea, string> = {
  meta: 'Plan',
  members: 'Members',
  pipelines: 'Pipelines',
  ownership: 'Ownership',
  rotation: 'Rotation',
  coverage: 'Coverage',
  escalation: 'Escalation',
  communication: 'Communication',
  successMetrics: 'Success metrics',
  wishes: 'Wishes',
  scenarios: 'Scenarios',
  mergeConflicts: 'Merge conflicts',
  other: 'Other',
};

function entityLine(old: Plan, next: Plan, change: EntityChange): string[] {
  if (change.kind === 'added') return [`  + ${change.label} (${change.id})`];
  if (change.kind === 'removed') return [`  - ${change.label} (${change.id})`];
  const memberField = (path: string) => /(^|\.)(primaryMemberId|secondaryMemberId|memberId)$/.test(path);
  const show = (plan: Plan, path: string, value: unknown) =>
    memberField(path) && (typeof value === 'string' || value === null)
      ? memberName(plan, value)
      : showValue(value);
  if (
    change.area !== 'members' &&
    change.area !== 'pipelines' &&
    change.fields.length === 1 &&
    change.fields[0]!.path === change.id
  ) {
    const f = change.fields[0]!;
    return [`  ~ ${change.id}: ${show(old, f.path, f.before)} → ${show(next, f.path, f.after)}`];
  }
  return [
    `  ~ ${change.label} (${change.id}):`,
    ...change.fields.map(
      (f) => `      ${f.path}: ${show(old, f.path, f.before)} → ${show(next, f.path, f.after)}`,
    ),
  ];
}

const metric = (value: number) => String(Math.round(value * 10_000) / 10_000);

/** A plan diff as text, one section per area that changed; "No changes to the plan." when nothing did. */
export function renderPlanDiff(old: Plan, next: Plan, diff: PlanDiff): string {
  const lines: string[] = [];
  for (const area of Object.keys(AREA_TITLES) as DiffArea[]) {
    const inArea = diff.changes.filter((c) => c.area === area);
    if (inArea.length === 0) continue;
    lines.push(AREA_TITLES[area], ...inArea.flatMap((c) => entityLine(old, next, c)));
  }
  if (diff.shiftCount > 0) {
    lines.push(`Shifts (${diff.shiftCount} changed)`);
    for (const week of diff.shiftWeeks) {
      lines.push(`  Week of ${dayLabel(week.weekOf)}, ${week.weekOf.slice(0, 4)}`);
      for (const change of week.changes) lines.push(`    ${change.text}`);
    }
  }
  if (diff.fairness) {
    const { before, after } = diff.fairness;
    const row = (name: string, a: number, b: number) =>
      a === b ? `  ${name} ${metric(a)} (unchanged)` : `  ${name} ${metric(a)} → ${metric(b)}`;
    const span = diff.fairness.from === null ? 'whole plan' : `${diff.fairness.from} to ${diff.fairness.to}`;
    lines.push(
      `Fairness (${span})`,
      row('Gini', before.gini, after.gini),
      row('CV', before.cv, after.cv),
      row('Balance', before.balance, after.balance),
      row('Max–min spread (h)', before.maxMinSpread, after.maxMinSpread),
    );
  }
  return lines.length === 0 ? 'No changes to the plan.\n' : `${lines.join('\n')}\n`;
}
