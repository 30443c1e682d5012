import { analyzePlan, type Analysis } from '../../../shared/fairness/analyze';
import { SEVERITIES, severityRank, type FlagSeverity } from '../../../shared/fairness/flags/flag';
import type { Plan } from '../../../shared/plan/schema';
import { ZoneClock } from '../../../shared/time/zone-clock';
import { isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';

/** Right-aligned columns after a left-aligned first one; the header row first. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

const num = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function render(plan: Plan, a: Analysis): string {
  const zone = plan.rotation.timeZone;
  const lines: string[] = [];
  lines.push(`${plan.meta.name} — ${a.from} to ${a.to} (${zone})`, '');
  lines.push(
    table([
      [
        'Member',
        'On call h',
        'Weekend h',
        'Holiday h',
        'Night h',
        'Investor h',
        'Weighted',
        'Fair share',
        'Shifts',
        'Share',
      ],
      ...a.members.map((m) => [
        m.name,
        num(m.onCallHours),
        num(m.weekendHours),
        num(m.holidayHours),
        num(m.nightHours),
        num(m.investorWeekHours),
        num(m.weightedLoad, 1),
        num(m.fairShare, 1),
        String(m.shiftCount),
        `${(m.onCallShare * 100).toFixed(1)} %`,
      ]),
    ]),
  );
  const f = a.fairness;
  lines.push(
    '',
    `Fairness: balance ${f.balance.toFixed(3)} · Gini ${f.gini.toFixed(3)} · CV ${f.cv.toFixed(3)} · max-min spread ${num(f.maxMinSpread, 1)} weighted h`,
    '',
  );
  const counts = SEVERITIES.map((s) => [s, a.flags.filter((x) => x.severity === s).length] as const)
    .reverse()
    .map(([s, n]) => `${n} ${s}${n === 1 || s === 'info' ? '' : 's'}`);
  lines.push(`Flags: ${counts.join(', ')}`);
  // One clock for the day of every flag (thousands on a plan of hourly shifts).
  const clock = new ZoneClock();
  for (const flag of a.flags) {
    const when = flag.start ? clock.localDate(flag.start, zone) : 'plan';
    lines.push(
      `${flag.severity.toUpperCase().padEnd(7)} ${when.padEnd(10)} ${flag.kind.padEnd(19)} ${flag.message}`,
    );
    if (flag.fix) lines.push(`${' '.repeat(39)}fix: ${flag.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export const analyzeCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      'fail-on': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('analyze takes exactly one FILE');
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'warning' && failOn !== 'error') {
      throw new UsageError('--fail-on must be warning or error');
    }
    const { plan } = await loadPlanFile(positionals[0]!, io);
    let analysis: Analysis;
    try {
      analysis = analyzePlan(plan, { from, to });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    io.stdout(values.json ? `${JSON.stringify(analysis, null, 2)}\n` : render(plan, analysis));
    if (failOn !== undefined) {
      const threshold = severityRank(failOn as FlagSeverity);
      const failing = analysis.flags.filter((f) => severityRank(f.severity) >= threshold).length;
      if (failing > 0) {
        io.stderr(`rotaplan analyze: ${failing} flag${failing === 1 ? '' : 's'} at or above ${failOn}\n`);
        return 1;
      }
    }
    return 0;
  },
};
