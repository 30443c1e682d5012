import { applyEdit, assertNever, type PlanEdit } from '../plan/edits';
import { createEmptyPlan, nextMonday } from '../plan/empty-plan';
import { nextMemberColor } from '../plan/member-colors';
import { isKnownTimeZone, memberSchema, type Criticality, type Member, type Plan } from '../plan/schema';
import { formatPath } from '../plan/validate';
import { addDays } from '../time/zoned';
import { newPipeline } from '../plan/new-pipeline';
import { slugify, uniqueId } from '../plan/ids';
import { startingLayers, startingPointProblems, type StartingPoint } from './starting-points';

/**
 * One person as the guided setup asks for them, as typed.
 * Why a draft type: rows may be half filled while the user types; `key` ties ownership rows to a person before
 * they have an id (the id is derived from the name only when the plan is built).
 */
export type DraftMember = {
  key: string;
  name: string;
  email: string;
  country: string;
  subdivision: string;
  timeZone: string;
};

/**
 * One pipeline as the guided setup asks for it, as typed.
 * Why a draft type: the pipeline id is derived from the name only when the plan is built; `key` names the row until then.
 */
export type DraftPipeline = {
  key: string;
  name: string;
  description: string;
  criticality: Criticality;
  reportsToInvestors: boolean;
};

/**
 * Who owns one pipeline, by draft member key.
 * Why keys, not ids: members have no id until the plan is built.
 */
export type DraftOwnership = { primary: string | null; secondary: string | null; stakeholder: string };

/**
 * The rotation settings the last step asks for.
 * Why separate from the plan's rotation: the layers and end date are derived from the team and horizon at build time.
 */
export type DraftRotation = {
  shiftLengthDays: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  handoffWeekday: number;
  handoffTime: string;
  secondaryLayer: boolean;
  startDate: string;
  horizonWeeks: number;
  /** The rotation model the plan starts from (see `STARTING_POINTS`). */
  startingPoint: StartingPoint;
};

/**
 * Everything the guided setup has been told so far.
 * Why one value: the wizard can go back and forth between steps without losing what was typed.
 */
export type SetupDraft = {
  name: string;
  organisation: string;
  timeZone: string;
  members: DraftMember[];
  pipelines: DraftPipeline[];
  /** By draft pipeline key. */
  ownership: Record<string, DraftOwnership>;
  rotation: DraftRotation;
};

/**
 * The steps of the guided setup, in order.
 * Why a constant: the wizard's stepper and the build's step-by-step check walk the same list.
 */
export const SETUP_STEPS = ['plan', 'team', 'pipelines', 'ownership', 'rotation'] as const;
/**
 * One step of the guided setup.
 * Why a closed union: a build problem names the step to return to, and every step must be checked.
 */
export type SetupStep = (typeof SETUP_STEPS)[number];

/**
 * The fewest people a rotation with a primary and a secondary layer can have.
 * Why two: with one person there is nobody to hand over to and nobody for the secondary seat.
 */
export const MIN_MEMBERS = 2;

/**
 * A blank member row; zone and region copy the row before it so a co-located team types each only once.
 * Why `key` is a parameter: row keys come from a counter the window owns, and shared code holds no such state.
 */
export function blankMember(
  key: string,
  previous: DraftMember | undefined,
  timeZone: string,
  country: string,
): DraftMember {
  return {
    key,
    name: '',
    email: '',
    country: previous?.country ?? country,
    subdivision: previous?.subdivision ?? '',
    timeZone: previous?.timeZone ?? timeZone,
  };
}

/**
 * A blank pipeline row, medium criticality and not investor-facing.
 * Why `key` is a parameter: row keys come from a counter the window owns, and shared code holds no such state.
 */
export function blankPipeline(key: string): DraftPipeline {
  return {
    key,
    name: '',
    description: '',
    criticality: 'medium',
    reportsToInvestors: false,
  };
}

/**
 * A fresh draft: two blank member rows, no pipelines, a weekly Monday 09:00 rotation from the next Monday for a year.
 * Why two rows: a rotation needs at least two people, so the form starts with room for both. `memberKeys` are
 * their row keys, passed in because the window owns the key counter.
 */
export function initialDraft(
  now: string,
  timeZone: string,
  country: string,
  memberKeys: readonly [string, string],
): SetupDraft {
  return {
    name: '',
    organisation: '',
    timeZone,
    members: memberKeys.map((key) => blankMember(key, undefined, timeZone, country)),
    pipelines: [],
    ownership: {},
    rotation: {
      shiftLengthDays: 7,
      handoffWeekday: 1,
      handoffTime: '09:00',
      secondaryLayer: true,
      startDate: nextMonday(now, timeZone),
      horizonWeeks: 52,
      startingPoint: 'weekly',
    },
  };
}

const memberLabel = (m: DraftMember, i: number) => (m.name.trim() ? m.name.trim() : `Member ${i + 1}`);
const pipelineLabel = (p: DraftPipeline, i: number) => (p.name.trim() ? p.name.trim() : `Pipeline ${i + 1}`);

/**
 * The member the draft row stands for, with an id and colour chosen by the caller.
 * Why shared by check and build: the team step validates the very member the build will add.
 */
export function toMember(row: DraftMember, id: string, color: string, skills: string[]): Member {
  return {
    id,
    name: row.name.trim(),
    email: row.email.trim(),
    role: '',
    seniority: 'mid',
    timeZone: row.timeZone,
    holidayRegion: row.subdivision
      ? { country: row.country, subdivision: row.subdivision }
      : { country: row.country },
    color,
    skills,
    timeOff: [],
  };
}

const MEMBER_FIELD: Record<string, string> = {
  name: 'name',
  email: 'e-mail',
  timeZone: 'time zone',
  'holidayRegion.country': 'holiday country',
  'holidayRegion.subdivision': 'region',
};

function planProblems(draft: SetupDraft): string[] {
  const problems: string[] = [];
  if (draft.name.trim() === '') problems.push('Give the plan a name.');
  if (draft.name.trim().length > 120) problems.push('The plan name is longer than 120 characters.');
  if (draft.organisation.trim().length > 200)
    problems.push('The organisation is longer than 200 characters.');
  if (!isKnownTimeZone(draft.timeZone))
    problems.push('Pick the plan’s time zone (an IANA zone such as Europe/Berlin).');
  return problems;
}

function teamProblems(draft: SetupDraft): string[] {
  const problems: string[] = [];
  const filled = draft.members.length;
  if (filled < MIN_MEMBERS) {
    problems.push(`Add at least ${MIN_MEMBERS} people: a rotation needs someone to hand over to.`);
  }
  draft.members.forEach((row, i) => {
    if (row.country === '') problems.push(`${memberLabel(row, i)}: pick a holiday country.`);
    const parsed = memberSchema.safeParse(toMember(row, 'draft', '#000000', []));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const field = MEMBER_FIELD[formatPath(issue.path)] ?? formatPath(issue.path);
      if (field === 'holiday country' && row.country === '') continue;
      problems.push(`${memberLabel(row, i)}: ${field}: ${issue.message}.`);
    }
  });
  const seen = new Map<string, number>();
  draft.members.forEach((row, i) => {
    const email = row.email.trim().toLowerCase();
    if (email === '') return;
    const first = seen.get(email);
    if (first !== undefined) {
      problems.push(
        `${memberLabel(row, i)} has the same e-mail as ${memberLabel(draft.members[first]!, first)}.`,
      );
    } else seen.set(email, i);
  });
  return problems;
}

function pipelineProblems(draft: SetupDraft): string[] {
  const problems: string[] = [];
  if (draft.pipelines.length === 0)
    problems.push('Add at least one pipeline, or pick one of the suggestions.');
  const seen = new Map<string, number>();
  draft.pipelines.forEach((p, i) => {
    const name = p.name.trim();
    if (name === '') problems.push(`Pipeline ${i + 1}: give it a name.`);
    if (name.length > 120) problems.push(`${pipelineLabel(p, i)}: the name is longer than 120 characters.`);
    if (p.description.length > 2000)
      problems.push(`${pipelineLabel(p, i)}: the description is longer than 2000 characters.`);
    const lower = name.toLowerCase();
    if (lower === '') return;
    const first = seen.get(lower);
    if (first !== undefined) problems.push(`Two pipelines are called "${name}"; names must differ.`);
    else seen.set(lower, i);
  });
  return problems;
}

function ownershipProblems(draft: SetupDraft): string[] {
  const keys = new Set(draft.members.map((m) => m.key));
  const problems: string[] = [];
  draft.pipelines.forEach((p, i) => {
    const row = draft.ownership[p.key];
    const label = pipelineLabel(p, i);
    if (!row?.primary || !keys.has(row.primary)) {
      problems.push(`${label}: pick a primary owner.`);
      return;
    }
    if (row.secondary && !keys.has(row.secondary)) problems.push(`${label}: pick the secondary owner again.`);
    if (row.secondary === row.primary) {
      problems.push(`${label}: the secondary owner must be someone other than the primary owner.`);
    }
    if (row.stakeholder.length > 200)
      problems.push(`${label}: the stakeholder is longer than 200 characters.`);
  });
  return problems;
}

function rotationProblems(draft: SetupDraft): string[] {
  const r = draft.rotation;
  const problems: string[] = [];
  if (!Number.isInteger(r.shiftLengthDays) || r.shiftLengthDays < 1 || r.shiftLengthDays > 28) {
    problems.push('A shift lasts between 1 and 28 whole days.');
  }
  if (!Number.isInteger(r.handoffWeekday) || r.handoffWeekday < 1 || r.handoffWeekday > 7) {
    problems.push('Pick the handoff weekday.');
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(r.handoffTime))
    problems.push('Give the handoff time as HH:MM, e.g. 09:00.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.startDate)) problems.push('Pick the date the rotation starts.');
  if (!Number.isInteger(r.horizonWeeks) || r.horizonWeeks < 1 || r.horizonWeeks > 104) {
    problems.push('Plan between 1 and 104 weeks ahead.');
  }
  if (problems.length === 0) {
    const placed = draft.members
      .filter((m) => isKnownTimeZone(m.timeZone))
      .map((m) => ({ id: m.key, timeZone: m.timeZone }));
    problems.push(...startingPointProblems(r.startingPoint, placed, r.startDate, r.secondaryLayer));
  }
  return problems;
}

/**
 * What stops the user from leaving a step, as sentences naming the row and the field; empty when the step is done.
 * Why per step: the wizard checks each step before Next, so a problem is fixed where it was made.
 */
export function stepProblems(draft: SetupDraft, step: SetupStep): string[] {
  switch (step) {
    case 'plan':
      return planProblems(draft);
    case 'team':
      return teamProblems(draft);
    case 'pipelines':
      return pipelineProblems(draft);
    case 'ownership':
      return ownershipProblems(draft);
    case 'rotation':
      return rotationProblems(draft);
    default:
      return assertNever(step);
  }
}

const WEIGHT: Record<Criticality, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/**
 * A balanced default ownership: the most critical pipelines are handed out first, each to whoever carries the
 * least criticality-weighted ownership so far (a secondary seat counts half), ties going to the earlier member.
 * Why: the user starts from a fair split and only changes what they know better; spreading critical pipelines
 * first keeps one person from holding all the investor pipelines.
 */
export function balancedOwnership(
  members: readonly DraftMember[],
  pipelines: readonly DraftPipeline[],
  existing: Record<string, DraftOwnership> = {},
): Record<string, DraftOwnership> {
  const load = new Map(members.map((m) => [m.key, 0]));
  const order = pipelines
    .map((p, index) => ({ p, index }))
    .sort((a, b) => WEIGHT[b.p.criticality] - WEIGHT[a.p.criticality] || a.index - b.index);
  const lightest = (except: string | null) => {
    let best: string | null = null;
    for (const m of members) {
      if (m.key === except) continue;
      if (best === null || load.get(m.key)! < load.get(best)!) best = m.key;
    }
    return best;
  };
  const out: Record<string, DraftOwnership> = {};
  for (const { p } of order) {
    const primary = lightest(null);
    if (primary) load.set(primary, load.get(primary)! + WEIGHT[p.criticality]);
    const secondary = lightest(primary);
    if (secondary) load.set(secondary, load.get(secondary)! + WEIGHT[p.criticality] / 2);
    out[p.key] = { primary, secondary, stakeholder: existing[p.key]?.stakeholder ?? '' };
  }
  return out;
}

/**
 * The rotation's last handoff date: start date plus the horizon in weeks.
 * Why exported: the rotation step shows the end date the built plan will have.
 */
export function draftEndDate(rotation: DraftRotation): string {
  return addDays(rotation.startDate, rotation.horizonWeeks * 7);
}

/**
 * The outcome of building the plan: the plan, or the first problem the edits found (with the step to fix it).
 * Why the step: the wizard jumps back to the step where the problem can be fixed.
 */
export type BuildResult = { ok: true; plan: Plan } | { ok: false; step: SetupStep; message: string };

/**
 * Builds the plan the draft describes, from `createEmptyPlan` through the same pure edits the editors use
 * (member:add, pipeline:add, ownership:set*, rotation:update with regeneration), so it is valid by construction
 * and its shifts come from the rotation engine. Everyone on the team knows every pipeline to begin with (the
 * Team view narrows it), so nobody is flagged as unqualified on a new plan. The plan region is the first member's.
 */
export function buildPlanFromDraft(draft: SetupDraft, now: string): BuildResult {
  for (const step of SETUP_STEPS) {
    const problems = stepProblems(draft, step);
    if (problems.length > 0) return { ok: false, step, message: problems[0]! };
  }
  const first = draft.members[0]!;
  let plan = createEmptyPlan({
    now,
    name: draft.name,
    organisation: draft.organisation,
    timeZone: draft.timeZone,
    planRegion: first.subdivision
      ? { country: first.country, subdivision: first.subdivision }
      : { country: first.country },
  });
  const apply = (edit: PlanEdit, step: SetupStep): BuildResult | null => {
    const result = applyEdit(plan, edit, now);
    if (!result.ok) return { ok: false, step, message: result.reason };
    plan = result.plan;
    return null;
  };

  const pipelineIds = new Map<string, string>();
  for (const row of draft.pipelines) {
    const pipeline = {
      ...newPipeline(plan, {
        name: row.name,
        criticality: row.criticality,
        reportsToInvestors: row.reportsToInvestors,
      }),
      description: row.description.trim(),
    };
    const failed = apply({ kind: 'pipeline:add', pipeline }, 'pipelines');
    if (failed) return failed;
    pipelineIds.set(row.key, pipeline.id);
  }
  const memberIds = new Map<string, string>();
  const allPipelines = [...pipelineIds.values()];
  for (const row of draft.members) {
    const id = uniqueId(
      slugify(row.name),
      plan.members.map((m) => m.id),
      'member',
    );
    const color = nextMemberColor(plan.members.map((m) => m.color));
    const failed = apply({ kind: 'member:add', member: toMember(row, id, color, allPipelines) }, 'team');
    if (failed) return failed;
    memberIds.set(row.key, id);
  }
  for (const row of draft.pipelines) {
    const pipelineId = pipelineIds.get(row.key)!;
    const owners = draft.ownership[row.key]!;
    const edits: PlanEdit[] = [
      { kind: 'ownership:setPrimary', pipelineId, memberId: memberIds.get(owners.primary!)! },
      {
        kind: 'ownership:setSecondary',
        pipelineId,
        memberId: owners.secondary ? memberIds.get(owners.secondary)! : null,
      },
      { kind: 'ownership:setStakeholder', pipelineId, stakeholder: owners.stakeholder },
    ];
    for (const edit of edits) {
      const failed = apply(edit, 'ownership');
      if (failed) return failed;
    }
  }
  const placed = draft.members.map((m) => ({ id: memberIds.get(m.key)!, timeZone: m.timeZone }));
  const r = draft.rotation;
  const failed = apply(
    {
      kind: 'rotation:update',
      fields: {
        layers: startingLayers(
          r.startingPoint,
          placed,
          {
            shiftLengthDays: r.shiftLengthDays,
            handoffWeekday: r.handoffWeekday,
            handoffTime: r.handoffTime,
            timeZone: draft.timeZone,
            secondaryLayer: r.secondaryLayer,
          },
          r.startDate,
        ),
        shiftLengthDays: r.shiftLengthDays,
        handoff: { weekday: r.handoffWeekday, time: r.handoffTime },
        timeZone: draft.timeZone,
        startDate: r.startDate,
        endDate: draftEndDate(r),
      },
      regenerate: true,
    },
    'rotation',
  );
  if (failed) return failed;
  return { ok: true, plan };
}
