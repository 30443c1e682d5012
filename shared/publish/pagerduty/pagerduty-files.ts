import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { isKnownTimeZone } from '../../plan/schema';
import type { PublishProblem } from '../target';
import type { PdLayer, PdOverride } from './pagerduty-semantics';

/** True for an ISO 8601 date-time with an offset or Z that Temporal reads. */
export function isInstant(value: string): boolean {
  try {
    Temporal.Instant.from(value);
    return true;
  } catch {
    return false;
  }
}

const instant = z.string().refine(isInstant, 'expected an ISO 8601 date-time with an offset');
const zone = z.string().refine(isKnownTimeZone, 'unknown IANA time zone');

/** A restriction as the REST API and the Terraform provider spell it. */
export const restrictionSchema = z
  .object({
    type: z.enum(['daily_restriction', 'weekly_restriction']),
    start_time_of_day: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'expected HH:MM:SS'),
    duration_seconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400),
    start_day_of_week: z.number().int().min(1).max(7).nullable().optional(),
  })
  .refine((r) => r.type !== 'weekly_restriction' || typeof r.start_day_of_week === 'number', {
    message: 'a weekly_restriction needs start_day_of_week (1 Monday … 7 Sunday)',
    path: ['start_day_of_week'],
  });

const userReference = z.object({ id: z.string().min(1), type: z.literal('user_reference') });

/** A `POST /schedules` request body as Rotaplan writes it (fields the interpreter reads; others are refused). */
export const scheduleBodySchema = z.strictObject({
  schedule: z.strictObject({
    type: z.literal('schedule'),
    name: z.string().min(1),
    time_zone: zone,
    description: z.string().optional(),
    schedule_layers: z.array(
      z.strictObject({
        name: z.string().min(1),
        start: instant,
        end: instant.nullable().optional(),
        rotation_virtual_start: instant,
        rotation_turn_length_seconds: z
          .number()
          .int()
          .min(1)
          .max(365 * 86_400),
        users: z.array(z.strictObject({ user: userReference })).min(1),
        restrictions: z.array(restrictionSchema).optional(),
      }),
    ),
  }),
});

/**
 * The overrides file: each `POST /schedules/{id}/overrides` body with the schedule it belongs to (a schedule file,
 * or a Terraform resource address with the user's e-mail, since Terraform looks users up by e-mail and the id may
 * not be known yet: then it is null and `user_email` names the user).
 */
export const overridesFileSchema = z.strictObject({
  overrides: z.array(
    z.strictObject({
      schedule: z.string().min(1),
      user_email: z.string().optional(),
      body: z.strictObject({
        override: z.strictObject({
          start: instant,
          end: instant,
          user: z.object({ id: z.string().min(1).nullable(), type: z.literal('user_reference') }),
        }),
      }),
    }),
  ),
});

/** The first problem zod found, as "file: path: message". */
export function zodProblem(file: string, error: z.ZodError): PublishProblem {
  const issue = error.issues[0]!;
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return { message: `${file}: ${path ? `${path}: ` : ''}${issue.message}` };
}

/** Parses JSON text, or a problem naming the file. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return { message: `${file}: not valid JSON (${(error as Error).message})` } satisfies PublishProblem;
  }
}

/** A restriction as the REST body writes it (start_day_of_week only on weekly ones). */
export function restrictionBody(r: PdLayer['restrictions'][number]) {
  return r.type === 'weekly_restriction'
    ? {
        type: r.type,
        start_time_of_day: r.start_time_of_day,
        duration_seconds: r.duration_seconds,
        start_day_of_week: r.start_day_of_week,
      }
    : { type: r.type, start_time_of_day: r.start_time_of_day, duration_seconds: r.duration_seconds };
}

/** The overrides of a parsed overrides file; `user` picks how an override names its user (id or e-mail). */
export function readOverrides(
  parsed: z.infer<typeof overridesFileSchema>,
  key: (schedule: string) => string,
  user: (o: z.infer<typeof overridesFileSchema>['overrides'][number]) => string,
): PdOverride[] {
  return parsed.overrides.map((o) => ({
    scheduleKey: key(o.schedule),
    start: o.body.override.start,
    end: o.body.override.end,
    user: user(o),
  }));
}
