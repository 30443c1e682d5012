/**
 * The stable flag kinds of the CLI contract (docs/architecture.md). Checks and users rely on these names: never rename one.
 * Why a tuple: the CLI, the tests and the UI list them in one order.
 */
export const FLAG_KINDS = [
  'coverage-gap',
  'overlap',
  'time-off-conflict',
  'holiday-on-call',
  'holiday-gap',
  'uneven-rotation',
  'back-to-back',
  'on-call-share',
  'investor-week',
  'ownership-missing',
  'ownership-duplicate',
  'ownership-overload',
  'owners-unavailable',
  'unqualified-on-call',
  'dst-handoff',
  'team-size',
  'working-hours',
  'consecutive-days',
  'short-rest',
] as const;

/** One of the flag kinds. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** How bad a finding is; `--fail-on warning` fails on warnings and errors. */
export type FlagSeverity = 'info' | 'warning' | 'error';

/** Severities from least to most severe. */
export const SEVERITIES: readonly FlagSeverity[] = ['info', 'warning', 'error'];

/** 0 info, 1 warning, 2 error: compare severities with this. */
export function severityRank(severity: FlagSeverity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * A concrete change that resolves a flag, as data the UI can apply. `swap`: give `shiftId` to `toMemberId`, who
 * gives `paybackShiftId` back to the shift's member. `reassign`: give `shiftId` to `toMemberId`. `split`: give
 * the part of `shiftId` before (`part: 'head'`) or from (`part: 'tail'`) the instant `splitAt` to `toMemberId` as
 * an override. `spreadBefore`/`spreadAfter` are the team's max-min spread of availability-adjusted weighted load,
 * so the effect on fairness is known before applying it.
 */
export type FixAction = {
  kind: 'swap' | 'reassign' | 'split';
  shiftId: string;
  fromMemberId: string;
  toMemberId: string;
  paybackShiftId?: string;
  splitAt?: string;
  part?: 'head' | 'tail';
  spreadBefore: number;
  spreadAfter: number;
};

/**
 * One finding of the analysis (the CLI contract (docs/architecture.md)): kind, severity, a one-line message, where it happens (instants
 * [start, end), a member, a pipeline) and, where one exists, a concrete fix with its effect. `shiftId`, `layerId`
 * and `action` are extras for the calendar (jump to and highlight the shift) and for applying the fix.
 */
export type Flag = {
  kind: FlagKind;
  severity: FlagSeverity;
  message: string;
  start?: string;
  end?: string;
  memberId?: string;
  pipelineId?: string;
  fix?: string;
  shiftId?: string;
  layerId?: string;
  action?: FixAction;
};

/**
 * Sorts flags into the order reports print them: team-wide findings without dates first (by kind), then by start,
 * most severe first among equals. Why stable: the JSON output is compared across runs and commits.
 */
export function sortFlags(flags: Flag[]): Flag[] {
  const kindOrder = (k: FlagKind) => FLAG_KINDS.indexOf(k);
  return [...flags].sort((a, b) => {
    if ((a.start === undefined) !== (b.start === undefined)) return a.start === undefined ? -1 : 1;
    if (a.start !== undefined && b.start !== undefined && a.start !== b.start)
      return a.start < b.start ? -1 : 1;
    const bySeverity = severityRank(b.severity) - severityRank(a.severity);
    if (bySeverity !== 0) return bySeverity;
    if (a.kind !== b.kind) return kindOrder(a.kind) - kindOrder(b.kind);
    const am = `${a.memberId ?? ''}|${a.pipelineId ?? ''}|${a.shiftId ?? ''}`;
    const bm = `${b.memberId ?? ''}|${b.pipelineId ?? ''}|${b.shiftId ?? ''}`;
    return am < bm ? -1 : am > bm ? 1 : 0;
  });
}
