import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveWindow, type AnalysisWindow } from '../../../shared/fairness/window';
import { payCsv } from '../../../shared/export/pay-csv';
import { payReport, type PayReport } from '../../../shared/pay/pay-report';
import { payRulesSchema, type PayRules, type Plan } from '../../../shared/plan/schema';
import { problemsFromZod } from '../../../shared/plan/validate';
import { describeJsonError } from '../../files/json-error';
import { InputError, isoDateFlag, parseFlags, UsageError, type CliIo, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { table } from './analyze';

/** Reads a `--rules` file: exactly the pay section's shape; each problem goes to stderr as `FILE: path: message`. */
async function loadRules(file: string, io: CliIo): Promise<PayRules> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    io.stderr(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    throw new InputError(`cannot read ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const problem = describeJsonError(text, error);
    io.stderr(`${file}: ${problem.path}: ${problem.message}\n`);
    throw new InputError(`${file} is not JSON`);
  }
  const parsed = payRulesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error)) io.stderr(`${file}: ${p.path}: ${p.message}\n`);
    throw new InputError(`${file} is not valid pay rules`);
  }
  return parsed.data;
}

const money = (v: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const hours = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The human-readable report: members with hours and amounts, then each member's split by rule. */
function render(plan: Plan, report: PayReport): string {
  const lines = [`${plan.meta.name} — on-call pay ${report.from} to ${report.to} (${report.currency})`, ''];
  lines.push(
    table([
      ['Member', 'Hours', 'Amount'],
      ...report.members.map((m) => [m.name, hours(m.hours), money(m.amount)]),
      ['Total', hours(report.members.reduce((s, m) => s + m.hours, 0)), money(report.total)],
    ]),
  );
  for (const m of report.members.filter((x) => x.byRule.length > 0)) {
    lines.push('', m.name);
    lines.push(
      table([
        ['  Rule', 'Hours', 'Amount'],
        ...m.byRule.map((r) => [`  ${r.name}`, hours(r.hours), money(r.amount)]),
      ]),
    );
  }
  lines.push('', 'Amounts are rounded to cents per member and rule; the total is the sum of the members.');
  return `${lines.join('\n')}\n`;
}

export const payCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      rules: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('pay takes exactly one FILE');
    if (values.json && values.csv) throw new UsageError('--json and --csv cannot be combined');
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const file = positionals[0]!;
    const { plan } = await loadPlanFile(file, io);
    const rules = values.rules !== undefined ? await loadRules(values.rules, io) : plan.pay;
    if (!rules) {
      io.stderr(
        `rotaplan pay: ${file} has no pay rules: add a "pay" section to the plan or pass --rules RULES.json\n`,
      );
      return 1;
    }
    let window: AnalysisWindow;
    try {
      window = resolveWindow(plan, { from, to });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    const report = payReport(plan, rules, window);
    if (values.csv) io.stdout(payCsv(report));
    else if (values.json) {
      const { currency, members, total } = report;
      io.stdout(`${JSON.stringify({ currency, from: report.from, to: report.to, members, total })}\n`);
    } else io.stdout(render(plan, report));
    return 0;
  },
};
