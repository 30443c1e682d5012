import { FLAG_KINDS, severityRank, sortFlags, type Flag, type FlagKind, type FlagSeverity } from './flag';

/**
 * Flags of one kind and severity about one subject (a pipeline, or the plan as a whole), folded into one row.
 * `flags` are the occurrences in report order; `memberIds` the distinct people they name, in order of first
 * appearance; `fix` the one fix, set when every occurrence proposes the same words (otherwise each occurrence
 * keeps its own and `fixCount` says how many different ones there are).
 */
export type FlagGroup = {
  key: string;
  kind: FlagKind;
  severity: FlagSeverity;
  pipelineId?: string;
  flags: Flag[];
  memberIds: string[];
  /** True when an occurrence is about the whole team (it names no person). */
  teamWide: boolean;
  fix?: string;
  fixCount: number;
};

const kindOrder = (k: FlagKind) => FLAG_KINDS.indexOf(k);

/**
 * Folds flags into one group per kind, severity and subject (the pipeline a flag names, else the plan), ordered
 * most severe first, then by impact: team-wide findings, then the more people affected, then a group one fix
 * resolves, then the more occurrences, then kind order. Occurrences keep the report order of `sortFlags`.
 * Why: a first look at a plan should show each problem once with its fix — four people over the on-call limit
 * are one problem with one fix, not four rows repeating it — while every occurrence stays one click away. The
 * flat list stays the contract of `analyze --json`; this is only how the app shows it.
 */
export function groupFlags(flags: readonly Flag[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const flag of sortFlags([...flags])) {
    const key = `${flag.kind}|${flag.severity}|${flag.pipelineId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        kind: flag.kind,
        severity: flag.severity,
        ...(flag.pipelineId !== undefined ? { pipelineId: flag.pipelineId } : {}),
        flags: [],
        memberIds: [],
        teamWide: false,
        fixCount: 0,
      };
      groups.set(key, group);
    }
    group.flags.push(flag);
    if (flag.memberId === undefined) group.teamWide = true;
    else if (!group.memberIds.includes(flag.memberId)) group.memberIds.push(flag.memberId);
  }
  for (const group of groups.values()) {
    const fixes = new Set(group.flags.flatMap((f) => (f.fix === undefined ? [] : [f.fix])));
    group.fixCount = fixes.size;
    const only = [...fixes][0];
    if (fixes.size === 1 && only !== undefined && group.flags.every((f) => f.fix === only)) group.fix = only;
  }
  return [...groups.values()].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(b.teamWide) - Number(a.teamWide) ||
      b.memberIds.length - a.memberIds.length ||
      Number(b.fix !== undefined) - Number(a.fix !== undefined) ||
      b.flags.length - a.flags.length ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
