/** A cell of the ownership matrix: the pipeline's own cell (its name, for row-wide findings) or one of its columns. */
export type OwnershipColumn = 'pipeline' | 'primary' | 'secondary' | 'stakeholder';

/**
 * What an ownership check found. The first four are the analysis flag kinds of the CLI contract (docs/architecture.md); `bus-factor` is
 * ownership-only (a pipeline at most one person knows).
 */
export type OwnershipFindingKind =
  'ownership-missing' | 'ownership-duplicate' | 'ownership-overload' | 'owners-unavailable' | 'bus-factor';

/** How bad a finding is, in the analysis flags' scale. */
export type OwnershipSeverity = 'info' | 'warning' | 'error';

/**
 * One finding, attached to one matrix cell so the Ownership view can show it there. `memberId` names the member a
 * finding is about (overload), `start`/`end` the inclusive dates it applies to (owners away).
 */
export type OwnershipFinding = {
  kind: OwnershipFindingKind;
  severity: OwnershipSeverity;
  pipelineId: string;
  column: OwnershipColumn;
  message: string;
  memberId?: string;
  start?: string;
  end?: string;
};
