import type { Criticality } from '../../../shared/plan/schema';

/** Criticality levels in order, with a label and a colour for badges; critical reads red everywhere. */
export const CRITICALITY: { value: Criticality; label: string; color: string }[] = [
  { value: 'critical', label: 'Critical', color: 'red' },
  { value: 'high', label: 'High', color: 'orange' },
  { value: 'medium', label: 'Medium', color: 'yellow' },
  { value: 'low', label: 'Low', color: 'gray' },
];

/** The label and colour of one level. */
export function criticalityInfo(level: Criticality): { label: string; color: string } {
  return CRITICALITY.find((c) => c.value === level) ?? { label: level, color: 'gray' };
}
