import { checkPlanShifts } from '../optimize/check-plan-shifts';
import type { Plan } from '../plan/schema';

const WEEKENDS = /^(\S+) is on call on (\d+) weekends/;

/** Member and layer ids in a rule sentence replaced by their names, so the user reads "Maya Chen", not "maya". */
function withNames(plan: Plan, sentence: string): string {
  const names = new Map<string, string>([
    ...plan.members.map((m) => [m.id, m.name] as const),
    ...plan.rotation.layers.map((l) => [l.id, l.name] as const),
  ]);
  return sentence.replace(/[A-Za-z0-9][\w-]*/g, (word) => names.get(word) ?? word);
}

/**
 * The hard rules an edit newly breaks, in words with names: back-to-back runs longer than the plan allows, one
 * person on two layers at once, an investor week's first layer held by someone who owns no investor pipeline,
 * more weekends than `maxWeekendsPerMember`. Time off is left out (the calendar asks about it in its own dialog),
 * and so are the kept shifts the edit itself changes. A rule already broken before counts only when it gets worse
 * (a weekend count that grows).
 * Why: a drop that breaks a rule must say so when it happens, not only later in the Fairness view; the check is
 * the optimiser's own independent one, so both agree.
 */
export function editRuleBreaks(before: Plan, after: Plan): string[] {
  const had = checkPlanShifts(before, before);
  const old = new Set(had);
  const weekendsBefore = new Map<string, number>();
  for (const p of had) {
    const m = WEEKENDS.exec(p);
    if (m) weekendsBefore.set(m[1]!, Number(m[2]));
  }
  return checkPlanShifts(before, after)
    .filter((p) => !old.has(p) && !p.startsWith('kept shift ') && !p.includes('during time off'))
    .filter((p) => {
      const m = WEEKENDS.exec(p);
      return !m || Number(m[2]) > (weekendsBefore.get(m[1]!) ?? 0);
    })
    .map((p) => withNames(after, p));
}
