import type { Plan } from '../plan/schema';
import type { Interval } from '../time/intervals';

/**
 * The paging tools Rotaplan publishes to.
 * Why a closed list: each one has its own compiler and its own interpreter of that tool's documented semantics, and
 * the CLI, the IPC contract and the app's Publish dialog all offer exactly these.
 */
export const PUBLISH_TARGETS = [
  'pagerduty',
  'terraform-pagerduty',
  'terraform-grafana-oncall',
  'terraform-opsgenie',
  'goalert',
] as const;

/** One of `PUBLISH_TARGETS`. */
export type PublishTargetId = (typeof PUBLISH_TARGETS)[number];

/**
 * One person on call in one plan layer for [start, end) in epoch milliseconds.
 * Why the plan's ids: the plan's shifts and a target's expansion are both turned into these, so one comparison
 * serves every target.
 */
export type OnCallSpan = Interval & { layerId: string; memberId: string };

/**
 * A file a target writes, relative to the output folder, with its full text.
 * Why text: `--check` reads files back from disk (perhaps edited by hand), and verification always expands text,
 * never the compiler's in-memory objects.
 */
export type PublishFile = { path: string; text: string };

/**
 * What a compiler and an interpreter need besides the plan: the window to publish (epoch ms, half-open), and the
 * tool's user id per member id where the target needs ids (from `--map EMAIL=ID` or the plan).
 */
export type PublishContext = {
  plan: Plan;
  window: Interval;
  userIds: Readonly<Record<string, string>>;
};

/**
 * A target's compiled output: its files, counts for the JSON summary, and plain-language notes on what could not be
 * expressed as a rotation and went out as overrides instead (Opsgenie's 30-minute grid, a cadence the tool lacks).
 */
export type CompiledPublish = {
  files: PublishFile[];
  schedules: number;
  layers: number;
  overrides: number;
  notes: string[];
};

/**
 * A problem that stops a target compiling or reading files, named for the user ("Maya Chen has no PagerDuty user
 * id: pass --map maya@example.com=PXXXXXX"; "main.tf line 12: unknown restriction type").
 */
export type PublishProblem = { message: string };

/**
 * One paging tool: a compiler from the plan to that tool's files, and an interpreter that expands files (as read
 * from disk) back into who is on call when, by the tool's documented rules, mapped back to plan layer and member
 * ids.
 * Why both in one place: verification is only meaningful when the interpreter follows the tool, not the compiler.
 */
export type PublishTarget = {
  id: PublishTargetId;
  /** A short label for the app and messages, e.g. "PagerDuty (REST API bodies)". */
  label: string;
  /** Whether this target needs tool user ids (`--map`); false when users are looked up by e-mail. */
  needsUserIds: boolean;
  compile(ctx: PublishContext): CompiledPublish | PublishProblem;
  expand(files: readonly PublishFile[], ctx: PublishContext): OnCallSpan[] | PublishProblem;
};
