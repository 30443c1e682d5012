import * as hclModule from 'hcl2-parser';
import { z } from 'zod';
import { isPublishProblem } from '../publish-problem';
import type { PublishFile, PublishProblem, PublishTarget } from '../target';
import { draftPagerDuty } from './pagerduty-compile';
import {
  isInstant,
  overridesFileSchema,
  parseJson,
  readOverrides,
  restrictionSchema,
  zodProblem,
} from './pagerduty-files';
import type { DraftLayer } from './pagerduty-layers';
import { pdInstant } from './pagerduty-layers';
import type { PdSchedule } from './pagerduty-semantics';
import { expandToPlan } from './pagerduty-target';

// hcl2-parser is CommonJS that sets its exports at run time: under Node's ES module loader (the built CLI) its
// functions are only on the default export; bundlers and vitest give them as named exports.
type HclParser = { parseToObject(input: string): unknown };
const hcl = ((hclModule as unknown as { default?: HclParser }).default ?? hclModule) as HclParser;

const MAIN_TF = 'main.tf';
const OVERRIDES_JSON = 'overrides.json';

/** A Terraform name for an id: letters, digits, "_" and "-", starting with a letter or "_". */
export function tfLabel(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

/** A quoted HCL string: JSON's escapes, plus HCL's own for template sequences (`${` and `%{`). */
function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** Lines `key = value` with the equals signs aligned, as `terraform fmt` writes them. */
function attributes(indent: string, pairs: [string, string][]): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

/** One `layer { ... }` block of a pagerduty_schedule. */
function layerBlock(layer: DraftLayer, userRef: (memberId: string) => string): string[] {
  const pairs: [string, string][] = [
    ['name', hclString(layer.name)],
    ['start', hclString(layer.start)],
  ];
  if (layer.end !== null) pairs.push(['end', hclString(layer.end)]);
  pairs.push(
    ['rotation_virtual_start', hclString(layer.rotation_virtual_start)],
    ['rotation_turn_length_seconds', String(layer.rotation_turn_length_seconds)],
    ['users', `[${layer.users.map(userRef).join(', ')}]`],
  );
  const lines = ['  layer {', ...attributes('    ', pairs)];
  for (const r of layer.restrictions) {
    const rp: [string, string][] = [
      ['type', hclString(r.type)],
      ['start_time_of_day', hclString(r.start_time_of_day)],
      ['duration_seconds', String(r.duration_seconds)],
    ];
    if (r.type === 'weekly_restriction') rp.push(['start_day_of_week', String(r.start_day_of_week)]);
    lines.push('', '    restriction {', ...attributes('      ', rp), '    }');
  }
  lines.push('  }');
  return lines;
}

/**
 * PagerDuty as Terraform (the PagerDuty/pagerduty provider): `main.tf` with a `data "pagerduty_user"` per member,
 * looked up by e-mail, and one `pagerduty_schedule` per plan layer with its `layer` and `restriction` blocks; the
 * overrides go in `overrides.json` as REST API bodies, because the provider has no override resource (overrides
 * are short-lived changes that a Terraform state would fight). No tool user ids are needed; an id given with
 * `--map` is filled into the overrides, otherwise each names its user by `user_email`.
 */
export const terraformPagerDutyTarget: PublishTarget = {
  id: 'terraform-pagerduty',
  label: 'PagerDuty (Terraform)',
  needsUserIds: false,
  compile(ctx) {
    const draft = draftPagerDuty(ctx);
    const members = new Map(ctx.plan.members.map((m) => [m.id, m]));
    const used = [
      ...new Set([
        ...draft.schedules.flatMap((s) => s.layers.flatMap((l) => l.users)),
        ...draft.overrides.map((o) => o.memberId),
      ]),
    ];
    const userRef = (memberId: string) => `data.pagerduty_user.${tfLabel(memberId)}.id`;
    const lines = [
      `# Written by Rotaplan from the plan "${ctx.plan.meta.name.replace(/\n/g, ' ')}". The overrides are in ${OVERRIDES_JSON}.`,
      '',
      'terraform {',
      '  required_providers {',
      '    pagerduty = {',
      '      source = "PagerDuty/pagerduty"',
      '    }',
      '  }',
      '}',
    ];
    for (const id of used) {
      const m = members.get(id)!;
      lines.push('', `data "pagerduty_user" "${tfLabel(id)}" {`, `  email = ${hclString(m.email)}`, '}');
    }
    for (const s of draft.schedules) {
      lines.push(
        '',
        `resource "pagerduty_schedule" "${tfLabel(s.layer.id)}" {`,
        ...attributes('  ', [
          ['name', hclString(s.name)],
          ['time_zone', hclString(s.timeZone)],
          ['description', hclString(s.description)],
        ]),
      );
      for (const layer of s.layers) lines.push('', ...layerBlock(layer, userRef));
      lines.push('}');
    }
    const zone = ctx.plan.rotation.timeZone;
    const overrides = {
      overrides: draft.overrides.map((o) => ({
        schedule: `pagerduty_schedule.${tfLabel(o.layerId)}`,
        user_email: members.get(o.memberId)!.email,
        body: {
          override: {
            start: pdInstant(o.start, zone),
            end: pdInstant(o.end, zone),
            user: { id: ctx.userIds[o.memberId] ?? null, type: 'user_reference' },
          },
        },
      })),
    };
    const files: PublishFile[] = [
      { path: MAIN_TF, text: `${lines.join('\n')}\n` },
      { path: OVERRIDES_JSON, text: `${JSON.stringify(overrides, null, 2)}\n` },
    ];
    return {
      files,
      schedules: draft.schedules.length,
      layers: draft.schedules.reduce((n, s) => n + s.layers.length, 0),
      overrides: draft.overrides.length,
      notes: draft.notes,
    };
  },
  expand(files, ctx) {
    const read = readTerraform(
      files,
      ctx.plan.rotation.layers.map((l) => l.id),
    );
    if (isPublishProblem(read)) return read;
    const byEmail = new Map(ctx.plan.members.map((m) => [m.email.toLowerCase(), m.id]));
    return expandToPlan(
      read.schedules,
      read.overrides,
      ctx,
      (email) => byEmail.get(email.toLowerCase()) ?? `PagerDuty user ${email}`,
    );
  },
};

// What the HCL parser gives for the subset read here: blocks become arrays of objects, references "${...}".
const hclLayer = z.object({
  name: z.string().min(1),
  start: z.string(),
  end: z.string().optional(),
  rotation_virtual_start: z.string(),
  rotation_turn_length_seconds: z
    .number()
    .int()
    .min(1)
    .max(365 * 86_400),
  users: z.array(z.string()).min(1),
  restriction: z.array(restrictionSchema).optional(),
});
const hclFile = z.object({
  data: z
    .object({ pagerduty_user: z.record(z.string(), z.array(z.object({ email: z.string() })).length(1)) })
    .optional(),
  resource: z.object({
    pagerduty_schedule: z.record(
      z.string(),
      z
        .array(z.object({ name: z.string().min(1), time_zone: z.string(), layer: z.array(hclLayer).min(1) }))
        .length(1),
    ),
  }),
});

const USER_REF = /^\$\{data\.pagerduty_user\.([A-Za-z0-9_-]+)\.id\}$/;
const SCHEDULE_REF = /^pagerduty_schedule\.([A-Za-z0-9_-]+)$/;

/**
 * Reads main.tf (with hcl2-parser, HashiCorp's own HCL v2 parser compiled to JavaScript) and overrides.json into
 * schedules keyed by plan layer id and overrides with users named by e-mail, or the first problem.
 */
function readTerraform(
  files: readonly PublishFile[],
  layerIds: readonly string[],
): { schedules: PdSchedule[]; overrides: ReturnType<typeof readOverrides> } | PublishProblem {
  const main = files.find((f) => f.path === MAIN_TF);
  if (!main) return { message: `${MAIN_TF} is missing` };
  const [parsed, error] = hcl.parseToObject(main.text) as [unknown, unknown];
  if (error || parsed === null)
    return { message: `${MAIN_TF}: not valid HCL (the parser does not say where)` };
  const file = hclFile.safeParse(parsed);
  if (!file.success) return zodProblem(MAIN_TF, file.error);
  const emails = new Map(
    Object.entries(file.data.data?.pagerduty_user ?? {}).map(([label, [u]]) => [label, u!.email]),
  );
  const layerByLabel = new Map(layerIds.map((id) => [tfLabel(id), id]));
  const schedules: PdSchedule[] = [];
  for (const [label, [s]] of Object.entries(file.data.resource.pagerduty_schedule)) {
    const layers = [];
    for (const [i, l] of s!.layer.entries()) {
      const users: string[] = [];
      for (const ref of l.users) {
        const user = USER_REF.exec(ref)?.[1];
        const email = user === undefined ? undefined : emails.get(user);
        if (email === undefined)
          return {
            message: `${MAIN_TF}: pagerduty_schedule.${label} layer ${i + 1}: users holds "${ref}", not a data.pagerduty_user defined here`,
          };
        users.push(email);
      }
      layers.push({
        name: l.name,
        start: l.start,
        end: l.end ?? null,
        rotation_virtual_start: l.rotation_virtual_start,
        rotation_turn_length_seconds: l.rotation_turn_length_seconds,
        users,
        restrictions: l.restriction ?? [],
      });
    }
    const instantProblem = checkInstants(label, layers);
    if (instantProblem) return instantProblem;
    schedules.push({ key: layerByLabel.get(label) ?? label, timeZone: s!.time_zone, layers });
  }
  const overridesFile = files.find((f) => f.path === OVERRIDES_JSON);
  if (!overridesFile) return { message: `${OVERRIDES_JSON} is missing` };
  const json = parseJson(OVERRIDES_JSON, overridesFile.text);
  if (isPublishProblem(json)) return json;
  const overrides = overridesFileSchema.safeParse(json);
  if (!overrides.success) return zodProblem(OVERRIDES_JSON, overrides.error);
  for (const [i, o] of overrides.data.overrides.entries()) {
    const label = SCHEDULE_REF.exec(o.schedule)?.[1];
    if (label === undefined || !file.data.resource.pagerduty_schedule[label])
      return {
        message: `${OVERRIDES_JSON}: overrides[${i}] is for "${o.schedule}", not a pagerduty_schedule in ${MAIN_TF}`,
      };
    if (!o.user_email) return { message: `${OVERRIDES_JSON}: overrides[${i}] has no user_email` };
  }
  return {
    schedules,
    overrides: readOverrides(
      overrides.data,
      (schedule) => {
        const label = SCHEDULE_REF.exec(schedule)![1]!;
        return layerByLabel.get(label) ?? label;
      },
      (o) => o.user_email!,
    ),
  };
}

/** The first layer instant Temporal cannot read, as a problem; null when all are real. */
function checkInstants(label: string, layers: PdSchedule['layers']): PublishProblem | null {
  for (const [i, l] of layers.entries()) {
    for (const [field, value] of [
      ['start', l.start],
      ['end', l.end],
      ['rotation_virtual_start', l.rotation_virtual_start],
    ] as const) {
      if (value !== null && !isInstant(value))
        return {
          message: `${MAIN_TF}: pagerduty_schedule.${label} layer ${i + 1}: ${field} "${value}" is not a date-time with an offset`,
        };
    }
  }
  return null;
}
