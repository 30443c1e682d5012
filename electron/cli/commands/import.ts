import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { analyzePlan } from '../../../shared/fairness/analyze';
import { importEditOf, importOverlapNote, importShadowNote } from '../../../shared/import/import-edit';
import { importIcs, type ImportPerson } from '../../../shared/import/ics-import';
import { VENDOR_NAMES } from '../../../shared/import/vendors';
import { applyEdit } from '../../../shared/plan/edits';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import type { Plan } from '../../../shared/plan/schema';
import { localDate } from '../../../shared/time/zoned';
import { writeFileDurably } from '../../files/durable-file';
import { InputError, parseFlags, UsageError, type CliIo, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { checkOutPath, describeWriteError } from '../out-path';
import { render } from './analyze';

/** `--map KEY=MEMBER_ID` flags as a mapping; a flag without `=` is a usage error. */
function mappings(raw: string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of raw ?? []) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) {
      throw new UsageError(`--map expects EMAIL_OR_NAME=MEMBER_ID, got "${entry}"`);
    }
    map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return map;
}

/** Refuses a --map that names a member the plan does not have (exit 1), listing the ids it has. */
function checkMappedMembers(map: Record<string, string>, plan: Plan, io: CliIo): void {
  const ids = new Set(plan.members.map((m) => m.id));
  const wrong = Object.entries(map).filter(([, id]) => !ids.has(id));
  if (wrong.length === 0) return;
  for (const [key, id] of wrong) {
    io.stderr(`--map ${key}=${id}: the plan has no member "${id}" (members: ${[...ids].join(', ')})\n`);
  }
  throw new InputError('unknown member in --map');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function personLine(p: ImportPerson, plan: Plan): string {
  const member = plan.members.find((m) => m.id === p.memberId);
  return `  ${p.label} → ${member ? `${member.name} (${member.id}, by ${p.matchedBy})` : '?'}: ${plural(p.entryCount, 'entry').replace('entrys', 'entries')}`;
}

export const importCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ics: { type: 'string' },
      out: { type: 'string' },
      map: { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new UsageError('import takes exactly one plan FILE');
    if (typeof values.ics !== 'string') throw new UsageError('import needs --ics SCHEDULE.ics');
    const map = mappings(values.map);
    const outPath =
      typeof values.out === 'string'
        ? await checkOutPath(values.out, 'plan', [positionals[0]!, values.ics])
        : null;
    const { plan } = await loadPlanFile(positionals[0]!, io);
    checkMappedMembers(map, plan, io);

    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(values.ics));
    } catch (error) {
      io.stderr(
        `${values.ics}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
      throw new InputError('cannot read the schedule');
    }
    const result = importIcs(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), plan, { map });
    if (!result.ok) {
      for (const e of result.errors) io.stderr(`${values.ics}: ${e.code}: ${e.message}\n`);
      io.stderr('Nothing was imported and nothing was written.\n');
      throw new InputError('bad schedule file');
    }

    const lines: string[] = [];
    const mapped = result.entries.filter((e) => e.memberId !== null).length;
    lines.push(
      `${values.ics}: ${VENDOR_NAMES[result.vendor]} schedule${result.calendar.name ? ` "${result.calendar.name}"` : ''}, ${plural(result.entries.length, 'entry').replace('entrys', 'entries')}, ${mapped} mapped to members`,
    );
    const known = result.people.filter((p) => p.memberId !== null);
    if (known.length > 0) lines.push('Mapped:', ...known.map((p) => personLine(p, plan)));
    if (result.unknown.length > 0) {
      lines.push(
        'Unknown (their entries are left out; map them with --map EMAIL_OR_NAME=MEMBER_ID):',
        ...result.unknown.map((p) => personLine(p, plan)),
      );
    }
    for (const w of result.warnings) lines.push(`Note: ${w.message}`);
    const overlapNote = importOverlapNote(result, plan);
    if (overlapNote) lines.push(`Note: ${overlapNote}`);
    const shadowNote = importShadowNote(result);
    if (shadowNote) lines.push(`Note: ${shadowNote}`);
    io.stdout(`${lines.join('\n')}\n`);

    const edit = importEditOf(result);
    if (!edit) {
      io.stderr(
        `${values.ics}: nobody in the schedule matches a team member of ${positionals[0]}; map them with --map. Nothing was written.\n`,
      );
      throw new InputError('nobody mapped');
    }
    const applied = applyEdit(plan, edit, io.now().toISOString());
    if (!applied.ok) {
      io.stderr(
        `${values.ics}: the imported shifts do not fit the plan: ${applied.reason}. Nothing was written.\n`,
      );
      throw new InputError('import refused');
    }
    const zone = plan.rotation.timeZone;
    const shadows = edit.shifts.filter((s) => s.shadow === true).length;
    const imported =
      plural(edit.shifts.length - shadows, 'imported shift') +
      (shadows > 0 ? ` and ${plural(shadows, 'shadow shift')} (not on call)` : '');
    const lastMoment = Temporal.Instant.from(edit.to).subtract({ milliseconds: 1 }).toString();
    const from = localDate(edit.from, zone);
    const to = localDate(lastMoment, zone);
    io.stdout(
      `\nReplaced ${plan.rotation.layers
        .filter((l) => edit.shifts.some((s) => s.layerId === l.id))
        .map((l) => l.name)
        .join(' and ')} shifts from ${from} to ${to} with ${imported}.\n\n`,
    );
    io.stdout(render(applied.plan, analyzePlan(applied.plan, { from, to })));

    if (outPath !== null && typeof values.out === 'string') {
      const out = values.out;
      await writeFileDurably(outPath, layoutPlan(applied.plan)).catch((error: unknown) => {
        throw new Error(describeWriteError(out, error));
      });
      io.stderr(`Wrote the plan with the imported schedule to ${values.out}\n`);
    } else {
      io.stderr(`Nothing was written: pass --out FILE2 to save the plan with the imported schedule.\n`);
    }
    return 0;
  },
};
