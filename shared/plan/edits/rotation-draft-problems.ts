import { layerRotationSchema, type LayerRotation, type Plan } from '../schema';

const FIELD_LABELS: Record<string, string> = {
  id: 'id',
  name: 'name',
  members: 'members',
  cadence: 'cadence',
  handoffTime: 'handoff time',
  timeZone: 'time zone',
  from: 'start date',
  until: 'end date',
  windows: 'windows',
  allowNight: 'night duty',
};

/** A zod issue path as the editor's words: `handoff time`, `window 2 end`, `cadence every`. */
function fieldWords(path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path;
  const label = FIELD_LABELS[String(head)] ?? String(head);
  if (head === 'windows' && typeof index === 'number') {
    return [`window ${index + 1}`, ...rest.map(String)].join(' ');
  }
  if (head === 'members' && typeof index === 'number') return `member ${index + 1}`;
  return [label, ...(index === undefined ? [] : [String(index)]), ...rest.map(String)].join(' ');
}

/**
 * What is wrong with a layer's drafted rotations, one sentence each naming the rotation and the field (e.g.
 * `Europe: handoff time: expected a local time as HH:MM`); empty when they can be applied.
 * Why before applying: the editor shows the problems next to the form and keeps Apply off until they are fixed,
 * so a half-typed value never reaches the plan.
 */
export function rotationDraftProblems(plan: Plan, rotations: readonly LayerRotation[]): string[] {
  const problems: string[] = [];
  if (rotations.length === 0) problems.push('a layer needs at least one rotation');
  const seen = new Set<string>();
  rotations.forEach((r, i) => {
    const label = r.name.trim() || `Rotation ${i + 1}`;
    if (seen.has(r.id)) problems.push(`${label}: another rotation of this layer has the id "${r.id}"`);
    seen.add(r.id);
    const parsed = layerRotationSchema.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${label}: ${fieldWords(issue.path)}: ${issue.message}`);
      }
    }
    for (const id of r.members) {
      if (!plan.members.some((m) => m.id === id)) problems.push(`${label}: no team member has id "${id}"`);
    }
    if (new Set(r.members).size !== r.members.length) {
      problems.push(`${label}: a member is listed twice`);
    }
    if (r.from !== undefined && r.until !== undefined && r.until <= r.from) {
      problems.push(`${label}: the end date (${r.until}) must be after the start date (${r.from})`);
    }
    if (r.from !== undefined && r.from >= plan.rotation.endDate) {
      problems.push(`${label}: the start date (${r.from}) is after the plan ends (${plan.rotation.endDate})`);
    }
  });
  return problems;
}
