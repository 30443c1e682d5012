import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isPublishProblem } from '../../../shared/publish/publish-problem';
import type { PublishContext, PublishFile, PublishTarget } from '../../../shared/publish/target';
import { publishTarget } from '../../../shared/publish/targets';
import { parseUserMap, resolveUserIds } from '../../../shared/publish/user-ids';
import {
  publishPlan,
  publishWindow,
  verifyPublishFiles,
  type PublishOutcome,
} from '../../../shared/publish/verify-publish';
import { writeFileDurably } from '../../files/durable-file';
import { InputError, isoDateFlag, parseFlags, UsageError, type CliIo, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { checkOutPath, describeWriteError } from '../out-path';

/** The JSON summary's shape (last line with --json); the counts are null for --check, which compiles nothing. */
type Summary = {
  target: string;
  files: string[];
  schedules: number | null;
  layers: number | null;
  overrides: number | null;
  verified: boolean;
  differingMinutes: number;
};

// Files a target writes are small text; anything bigger in the folder is not one of them.
const MAX_FILE_BYTES = 5_000_000;

/**
 * Beside the files of a target that needs user ids, publish writes the ids it used by e-mail, so a later
 * `--check DIR` can read the tool's ids back to members without the `--map` flags again (`--map` still wins).
 */
const USERS_FILE = 'rotaplan-users.json';

function usersFileText(
  plan: { members: { id: string; email: string }[] },
  ids: Record<string, string>,
  target: string,
): string {
  const users: Record<string, string> = {};
  for (const m of plan.members) if (ids[m.id] !== undefined) users[m.email.toLowerCase()] = ids[m.id]!;
  const about = `${target} user ids by e-mail, as rotaplan publish used them; rotaplan publish --check reads them`;
  return `${JSON.stringify({ about, target, users }, null, 2)}\n`;
}

/** The e-mail -> id map of DIR's users file (empty when there is none); a broken file is refused by name. */
async function readUsersFile(dir: string, io: CliIo): Promise<Map<string, string>> {
  const text = await readFile(join(dir, USERS_FILE), 'utf8').catch(() => null);
  if (text === null) return new Map();
  let users: unknown;
  try {
    users = (JSON.parse(text) as { users?: unknown }).users;
  } catch (error) {
    refuse(io, `${join(dir, USERS_FILE)}: not JSON (${(error as Error).message})`);
  }
  if (
    typeof users !== 'object' ||
    users === null ||
    Object.values(users).some((v) => typeof v !== 'string' || v === '')
  )
    refuse(io, `${join(dir, USERS_FILE)}: "users" must map each e-mail to a user id`);
  return new Map(Object.entries(users as Record<string, string>).map(([e, id]) => [e.toLowerCase(), id]));
}

/** Every .json and .tf file under `dir` (not in hidden folders such as .terraform), relative with "/". */
async function readTargetFiles(dir: string): Promise<PublishFile[]> {
  const out: PublishFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (
        entry.isFile() &&
        !(folder === dir && entry.name === USERS_FILE) &&
        /\.(json|tf|graphql)$/.test(entry.name) &&
        (await stat(full)).size <= MAX_FILE_BYTES
      ) {
        out.push({ path: relative(dir, full).split(sep).join('/'), text: await readFile(full, 'utf8') });
      }
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function refuse(io: CliIo, message: string): never {
  io.stderr(`rotaplan publish: ${message}\n`);
  throw new InputError(message);
}

/** The verification in words: equal, or the differing minutes and the first differing stretches. */
function describeVerification(
  outcome: Pick<PublishOutcome, 'verified' | 'differingMinutes' | 'differences'>,
  label: string,
): string {
  if (outcome.verified) return `Verified: ${label} pages exactly the plan (0 differing minutes).\n`;
  const lines = outcome.differences.map((d) => `  - ${d.message}\n`).join('');
  return `Not verified: ${outcome.differingMinutes} minutes differ from the plan. First differences:\n${lines}`;
}

/** Checks `DIR` for writing: a folder or nothing yet (its parent must exist). */
async function checkOutDir(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory())
    throw new UsageError(`--out ${dir} is a file: name a folder to write into`);
  if (!found) {
    const parent = await stat(dirname(resolve(dir))).catch(() => null);
    if (!parent?.isDirectory())
      throw new UsageError(`--out ${dir} is in a folder that does not exist: ${dirname(resolve(dir))}`);
  }
}

/** Writes the files into `dir` after checking each path (never over the plan or any plan). */
async function writeFiles(dir: string, files: readonly PublishFile[], planFile: string): Promise<string[]> {
  const written: string[] = [];
  const paths = [];
  for (const file of files) {
    const full = resolve(dir, ...file.path.split('/'));
    if (!full.startsWith(resolve(dir) + sep)) throw new Error(`${file.path} would land outside ${dir}`);
    await mkdir(dirname(full), { recursive: true });
    paths.push({ full, out: join(dir, ...file.path.split('/')), text: file.text });
  }
  for (const p of paths) await checkOutPath(p.out, 'other', [planFile]);
  for (const p of paths) {
    await writeFileDurably(p.full, p.text).catch((error: unknown) => {
      throw new Error(describeWriteError(p.out, error));
    });
    written.push(p.out);
  }
  return written;
}

export const publishCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      target: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      map: { type: 'string', multiple: true },
      'allow-diff': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('publish takes exactly one FILE');
    if (typeof values.target !== 'string')
      throw new UsageError('publish needs --target (such as --target pagerduty)');
    const found = publishTarget(values.target);
    if (isPublishProblem(found)) throw new UsageError(`--target: ${found.message}`);
    const target: PublishTarget = found;
    const out = values.out;
    const check = values.check;
    if ((out === undefined) === (check === undefined))
      throw new UsageError(
        'publish needs exactly one of --out DIR (write) and --check DIR (verify files there)',
      );
    if (check !== undefined && values['allow-diff'])
      throw new UsageError('--allow-diff applies to --out only');
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const map = parseUserMap(values.map ?? []);
    if (isPublishProblem(map)) throw new UsageError(map.message);
    if (out !== undefined) await checkOutDir(out);
    if (check !== undefined && !(await stat(check).catch(() => null))?.isDirectory())
      throw new UsageError(`--check ${check} is not a folder`);

    const planFile = positionals[0]!;
    const { plan } = await loadPlanFile(planFile, io);
    if (check !== undefined && target.needsUserIds) {
      for (const [email, id] of await readUsersFile(check, io)) if (!map.has(email)) map.set(email, id);
    }
    const userIds = resolveUserIds(plan, map, target.id);
    if (isPublishProblem(userIds)) refuse(io, userIds.message);
    const ctx: PublishContext = { plan, window: publishWindow(plan, from, to), userIds };

    const summary = (
      files: string[],
      outcome: Pick<PublishOutcome, 'verified' | 'differingMinutes'>,
      counts?: PublishOutcome,
    ): Summary => ({
      target: target.id,
      files,
      schedules: counts?.schedules ?? null,
      layers: counts?.layers ?? null,
      overrides: counts?.overrides ?? null,
      verified: outcome.verified,
      differingMinutes: outcome.differingMinutes,
    });

    if (check !== undefined) {
      const files = await readTargetFiles(check);
      const verification = verifyPublishFiles(target, files, ctx);
      if (isPublishProblem(verification)) refuse(io, `${check}: ${verification.message}`);
      io.stdout(`${target.label}: checked ${files.length} files in ${check}\n`);
      io.stdout(describeVerification(verification, target.label));
      if (values.json)
        io.stdout(
          `${JSON.stringify(
            summary(
              files.map((f) => f.path),
              verification,
            ),
          )}\n`,
        );
      return verification.verified ? 0 : 1;
    }

    const outcome = publishPlan(target, ctx);
    if (isPublishProblem(outcome)) refuse(io, outcome.message);
    io.stdout(
      `${target.label}: ${outcome.schedules} schedules, ${outcome.layers} rotation layers, ${outcome.overrides} overrides\n`,
    );
    for (const note of outcome.notes) io.stdout(`Note: ${note}\n`);
    io.stdout(describeVerification(outcome, target.label));
    let written: string[] = [];
    const files = target.needsUserIds
      ? [...outcome.files, { path: USERS_FILE, text: usersFileText(plan, userIds, target.id) }]
      : outcome.files;
    if (outcome.verified || values['allow-diff']) {
      written = await writeFiles(out!, files, planFile);
      for (const path of written) io.stdout(`Wrote ${path}\n`);
    } else {
      io.stderr(
        `rotaplan publish: nothing written to ${out}: verification failed (--allow-diff writes anyway)\n`,
      );
    }
    if (values.json)
      io.stdout(
        `${JSON.stringify(
          summary(
            files.map((f) => f.path),
            outcome,
            outcome,
          ),
        )}\n`,
      );
    return outcome.verified || values['allow-diff'] ? 0 : 1;
  },
};
