import { Temporal } from 'temporal-polyfill';
import { assertNever } from '../plan/edits';
import type { Criticality, MetricCategory, Pipeline, TimeOffKind } from '../plan/schema';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** An ISO weekday (1 Monday … 7 Sunday) by name. */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? `day ${isoWeekday}`;
}

/** A date with its short weekday, e.g. "Thu 2027-11-25", so a reader sees at once which day a holiday falls on. */
export function dayAndDate(date: string): string {
  return `${weekdayName(Temporal.PlainDate.from(date).dayOfWeek).slice(0, 3)} ${date}`;
}

/** A number of hours without noise: "159 h", "8.5 h". */
export function hoursText(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

/** A criticality as the seed's "Critical Level" reads it. */
export function criticalityLabel(level: Criticality): string {
  switch (level) {
    case 'critical':
      return 'Critical';
    case 'high':
      return 'High';
    case 'medium':
      return 'Medium';
    case 'low':
      return 'Low';
    default:
      return assertNever(level);
  }
}

/** A success-metric category as the seed names it. */
export function metricCategoryLabel(category: MetricCategory): string {
  switch (category) {
    case 'pipeline-reliability':
      return 'Pipeline Reliability';
    case 'data-quality':
      return 'Data Quality';
    case 'team-efficiency':
      return 'Team Efficiency';
    default:
      return assertNever(category);
  }
}

/** A time-off kind for a sentence. */
export function timeOffKindLabel(kind: TimeOffKind): string {
  switch (kind) {
    case 'vacation':
      return 'vacation';
    case 'sick':
      return 'sick leave';
    case 'parental':
      return 'parental leave';
    case 'training':
      return 'training';
    case 'conference':
      return 'conference';
    case 'other':
      return 'absence';
    default:
      return assertNever(kind);
  }
}

const TIME = /^\d{1,2}$/;

/**
 * A plain-English reading of the common five-field cron shapes ("daily at 02:00", "weekdays at 07:00"), or null
 * when the expression is anything else — the document then shows the expression alone rather than guess.
 */
export function describeCron(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (!TIME.test(minute) || !TIME.test(hour) || dom !== '*' || month !== '*') return null;
  if (Number(minute) > 59 || Number(hour) > 23) return null;
  const at = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (dow === '*') return `daily at ${at}`;
  if (dow === '1-5') return `weekdays at ${at}`;
  if (/^[0-7]$/.test(dow)) return `every ${weekdayName(Number(dow) === 0 ? 7 : Number(dow))} at ${at}`;
  return null;
}

/** The schedule line of a runbook: expression, plain reading, zone and expected run time. */
export function scheduleText(schedule: Pipeline['schedule']): { expression: string; rest: string } {
  const reading = schedule.kind === 'cron' ? describeCron(schedule.expression) : null;
  const parts = [
    schedule.kind === 'cron' ? 'cron' : null,
    reading,
    `time zone ${schedule.timeZone}`,
    `about ${schedule.expectedDurationMinutes} minutes per run`,
  ].filter((p): p is string => p !== null);
  return { expression: schedule.expression, rest: ` (${parts.join(', ')})` };
}
