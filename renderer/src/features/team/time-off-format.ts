import dayjs from 'dayjs';
import { Temporal } from 'temporal-polyfill';
import type { TimeOffKind } from '../../../../shared/plan/schema';

/** The kinds of absence with a label and a badge colour, in the order the picker offers them. */
export const TIME_OFF_KINDS: { value: TimeOffKind; label: string; color: string }[] = [
  { value: 'vacation', label: 'Vacation', color: 'teal' },
  { value: 'sick', label: 'Sick leave', color: 'red' },
  { value: 'parental', label: 'Parental leave', color: 'pink' },
  { value: 'training', label: 'Training', color: 'indigo' },
  { value: 'conference', label: 'Conference', color: 'violet' },
  { value: 'other', label: 'Other', color: 'gray' },
];

/** The label and colour of one kind. */
export function timeOffKindInfo(kind: TimeOffKind): { label: string; color: string } {
  return TIME_OFF_KINDS.find((k) => k.value === kind) ?? { label: kind, color: 'gray' };
}

/** Calendar days in an inclusive range of ISO dates (2027-07-27 to 2027-08-06 is 11), by Temporal. */
export function inclusiveDays(start: string, end: string): number {
  return Temporal.PlainDate.from(start).until(Temporal.PlainDate.from(end), { largestUnit: 'days' }).days + 1;
}

/** "Jul 27 – Aug 6, 2027", "Apr 19, 2027" for one day, "Dec 20, 2027 – Jan 3, 2028" across years. */
export function formatRange(start: string, end: string): string {
  const a = dayjs(start);
  const b = dayjs(end);
  if (start === end) return a.format('MMM D, YYYY');
  if (a.year() === b.year()) return `${a.format('MMM D')} – ${b.format('MMM D, YYYY')}`;
  return `${a.format('MMM D, YYYY')} – ${b.format('MMM D, YYYY')}`;
}

/** "July 2027" for the month an ISO date falls in. */
export function monthLabel(date: string): string {
  return dayjs(date).format('MMMM YYYY');
}
