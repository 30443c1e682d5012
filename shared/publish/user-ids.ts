import type { Member, Plan } from '../plan/schema';
import type { PublishProblem, PublishTargetId } from './target';

/**
 * Reads `--map EMAIL=ID` values into e-mail (lower case) -> tool user id, or a problem naming the bad value.
 */
export function parseUserMap(values: readonly string[]): Map<string, string> | PublishProblem {
  const out = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    const email = value.slice(0, at).trim().toLowerCase();
    const id = value.slice(at + 1).trim();
    if (at <= 0 || email === '' || id === '')
      return { message: `--map expects EMAIL=ID, such as maya@example.com=PABC123 (got "${value}")` };
    out.set(email, id);
  }
  return out;
}

/**
 * A member's id in a paging tool as the plan records it: `toolUserIds: { "<target>": "<id>" }` on the member (a
 * key the plan keeps even where its schema does not name it), also read under the tool's family name
 * (`pagerduty` for `terraform-pagerduty`).
 */
function planUserId(member: Member, target: PublishTargetId): string | undefined {
  const ids = (member as Member & { toolUserIds?: unknown }).toolUserIds;
  if (typeof ids !== 'object' || ids === null) return undefined;
  const record = ids as Record<string, unknown>;
  const family = target.replace(/^terraform-/, '');
  const value = record[target] ?? record[family];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The tool user id of every member that has one, by member id: `--map` first (by e-mail, case-insensitive), then
 * the plan. An e-mail in the map that no member has is a problem, so a typo never goes unnoticed.
 */
export function resolveUserIds(
  plan: Plan,
  map: ReadonlyMap<string, string>,
  target: PublishTargetId,
): Record<string, string> | PublishProblem {
  const byEmail = new Map(plan.members.map((m) => [m.email.toLowerCase(), m]));
  for (const email of map.keys()) {
    if (!byEmail.has(email)) return { message: `--map ${email}: no team member has this e-mail` };
  }
  const out: Record<string, string> = {};
  for (const member of plan.members) {
    const id = map.get(member.email.toLowerCase()) ?? planUserId(member, target);
    if (id !== undefined) out[member.id] = id;
  }
  return out;
}

/**
 * The member ids among `needed` that have no tool user id, as a problem naming each with the flag that fixes it.
 */
export function missingUserIds(
  plan: Plan,
  needed: Iterable<string>,
  userIds: Readonly<Record<string, string>>,
  toolName: string,
): PublishProblem | null {
  const missing = [...new Set(needed)].filter((id) => userIds[id] === undefined);
  if (missing.length === 0) return null;
  const byId = new Map(plan.members.map((m) => [m.id, m]));
  const lines = missing.map((id) => {
    const m = byId.get(id);
    return m ? `${m.name} (--map ${m.email}=ID)` : id;
  });
  return { message: `no ${toolName} user id for ${lines.join(', ')}` };
}

/**
 * Tool user name (lower case) -> member id: each member's e-mail and, where the map has one, their tool user id.
 * Why one: every reader that expands a written configuration back into members looks users up the same way, so a
 * user the compiler wrote is always found again.
 */
export function membersByToolUser(
  plan: Plan,
  userIds: Readonly<Record<string, string>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of plan.members) {
    out.set(m.email.toLowerCase(), m.id);
    const id = userIds[m.id];
    if (id !== undefined) out.set(id.toLowerCase(), m.id);
  }
  return out;
}
