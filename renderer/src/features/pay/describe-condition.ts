import type { PayCondition } from '../../../../shared/plan/schema';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A rule's condition in words ("Sat, Sun", "22:00–07:00", "public holiday"); "any time" when empty. */
export function describeCondition(
  when: PayCondition,
  layerName: (id: string) => string = (id) => id,
): string {
  const parts: string[] = [];
  if (when.weekdays) parts.push(when.weekdays.map((d) => WEEKDAYS[d - 1]).join(', '));
  if (when.from && when.to) parts.push(`${when.from}–${when.to}`);
  if (when.holiday !== undefined) parts.push(when.holiday ? 'public holiday' : 'not a public holiday');
  if (when.layers) parts.push(`${when.layers.map(layerName).join(', ')} layer`);
  if (when.investorWeek !== undefined)
    parts.push(when.investorWeek ? 'investor week' : 'outside investor weeks');
  return parts.length > 0 ? parts.join(' · ') : 'any time';
}
