/**
 * A general roster: who works which shift type on which day (or period), under hard rules and weighted soft rules.
 * Why one model for both: the Curtois & Qu benchmark and a Rotaplan plan are two importers into it, so the MILP that
 * reaches the benchmark's proven optima is the very one that plans on-call rotations. Everything is addressed by
 * index (staff, day, shift type) so that instances with 150 staff × 364 days × 32 shift types stay cheap.
 */
export type RosterModel = {
  name: string;
  /** Number of days (NRP) or rotation periods (Rotaplan). */
  days: number;
  /** Per day, the index of the weekend it belongs to, or −1 (a weekday). */
  weekendOf: Int32Array;
  /**
   * When set, which weekends each (day, shift) touches, replacing `weekendOf` for the weekend limit. Why: a
   * rotation period of a week or more can touch two weekends (or, split by a kept shift, none) on one layer only.
   */
  weekendCells?: RosterWeekendCell[];
  shiftTypes: RosterShiftType[];
  staff: RosterStaff[];
  cover: RosterCover[];
  /** Hard: this person cannot work that day (shift −1: any shift) — days off, time off, qualifications. */
  unavailable: RosterCell[];
  /** Hard: this person works this shift that day (pinned shifts). */
  fixed: RosterCell[];
  /** Soft wishes to work or not to work a shift on a day. */
  requests: RosterRequest[];
  /**
   * Hard: pairs of cells on different days that one person may not both hold (their times overlap: a regional turn
   * that reaches into the next period). Absent: none.
   */
  clashes?: RosterClash[];
  /**
   * Both minimum-run rules (consecutive working days, consecutive days off) waived for a run that touches the
   * first or the last day — the convention that reproduces the benchmark's published optima.
   */
  waiveMinRunsAtEdges: boolean;
  fairness?: RosterFairness;
  /** Soft: stay close to a current assignment (the fewest changes). */
  current?: { assignment: RosterAssignment; changeWeight: number };
};

/** A shift type: its length and the shift types that may not follow it on the next day. */
export type RosterShiftType = { id: string; minutes: number; forbiddenNext: number[] };

/** One person and their hard limits; null means no limit. */
export type RosterStaff = {
  id: string;
  /** Most shifts of each type over the horizon, indexed like shiftTypes; null = unlimited. */
  maxShifts: (number | null)[];
  maxMinutes: number | null;
  minMinutes: number | null;
  maxConsecutive: number | null;
  minConsecutive: number | null;
  minConsecutiveOff: number | null;
  maxWeekends: number | null;
  /** Weekends already held outside the model (kept shifts); they count against `maxWeekends`. */
  weekendsHeld?: number[];
  /** When set, `maxWeekends` is soft: each weekend over it costs this much (used to explain infeasibility). */
  weekendPenalty?: number;
  /** Extra run limits over a subset of shift types (on-call: at most n consecutive periods in the same layer). */
  runLimits: RosterRunLimit[];
};

/**
 * At most `max` consecutive days working one of `shiftTypes`. `before` / `after` are the days worked in a row
 * right before day 0 and right after the last day (the schedule outside the horizon), so a run cannot continue
 * across the edge of a planning window unnoticed.
 */
export type RosterRunLimit = {
  shiftTypes: number[];
  max: number;
  before: number;
  after: number;
  /** When set, the limit is soft: each day over it costs this much instead of being forbidden. */
  penalty?: number;
};

/** Staff wanted for a shift on a day; a null weight makes that side hard. */
export type RosterCover = {
  day: number;
  shift: number;
  requirement: number;
  underWeight: number | null;
  overWeight: number | null;
};

/** A (day, shift) cell that touches weekend `weekend`. */
export type RosterWeekendCell = { day: number; shift: number; weekend: number };

/** One (person, day, shift) cell; shift −1 stands for every shift type. */
export type RosterCell = { staff: number; day: number; shift: number };

/** Two (day, shift) cells that `staff` may not both hold. */
export type RosterClash = {
  staff: number;
  first: { day: number; shift: number };
  second: { day: number; shift: number };
};

/** A wish: `on` pays `weight` when the shift is not worked, `off` pays it when it is; shift −1: any shift. */
export type RosterRequest = RosterCell & { kind: 'on' | 'off'; weight: number };

/**
 * Balanced weighted load (Rotaplan). `load[s][d * shiftCount + t]` is what the cell weighs for person s;
 * `baseLoad[s]` what s already carries outside the model (kept shifts), `baseTotal[t]` the same per shift type.
 * Fair share follows the fairness model (docs/architecture.md) and the analysis ledger: each shift type's total load is split among the
 * people eligible for it in proportion to `share[s][t]` (availability; the column sums to 1). With
 * dev_s = load_s − fair_s over the people who owe a share, the objective adds
 * meanWeight × mean fair share + deviationWeight × max |dev_s| + spreadWeight × (max dev_s − min dev_s):
 * with weights 1, 1, ¼ it is "the heaviest availability-adjusted load, then the spread".
 */
export type RosterFairness = {
  load: Float64Array[];
  share: number[][];
  baseLoad: number[];
  baseTotal: number[];
  meanWeight: number;
  deviationWeight: number;
  spreadWeight: number;
};

/** A solution: per staff and day, the shift index worked, or −1. */
export type RosterAssignment = Int32Array[];

/** An empty assignment (everybody off) for a model. */
export function emptyAssignment(model: Pick<RosterModel, 'staff' | 'days'>): RosterAssignment {
  return model.staff.map(() => new Int32Array(model.days).fill(-1));
}
