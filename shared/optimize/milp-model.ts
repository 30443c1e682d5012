/**
 * A mixed-integer linear programme as plain data: columns with bounds, costs and integrality, rows in compressed
 * sparse row form, and a constant objective offset. Always minimised.
 * Why plain typed arrays: the same object is handed to HiGHS in Node today and to a Web Worker later (structured
 * clone copies typed arrays cheaply), and it scales to the million-column NRP instances without per-cell objects.
 */
export type MilpProblem = {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 for an integer column, 0 for a continuous one. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i holds entries rowStarts[i] .. rowStarts[i + 1] - 1. */
  rowStarts: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
  offset: number;
  colNames: string[];
  rowNames: string[];
};

/**
 * What a solver returns for a MilpProblem. `bound` is the proven lower bound on the objective (offset included);
 * `gap` is (objective − bound) / max(|objective|, 1e-9) as HiGHS reports it, or null without a solution.
 */
export type MilpSolution = {
  status: MilpStatus;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  colValues: Float64Array | null;
  elapsedMs: number;
};

/** How a solve ended: proven optimum, a solution cut short by the time limit, proven infeasible, or nothing found. */
export type MilpStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeout' | 'cancelled' | 'error';

/** Options every solver backend accepts. */
export type MilpSolveOptions = {
  timeLimitSeconds?: number;
  /** Relative gap at which the solver may stop and call the incumbent optimal (HiGHS mip_rel_gap). */
  relativeGap?: number;
  /** Absolute gap (HiGHS mip_abs_gap); 0.99 is safe when every feasible objective is an integer. */
  absoluteGap?: number;
  /** A full or partial starting assignment: column index → value. */
  start?: { indices: Int32Array; values: Float64Array };
  /**
   * Fix-and-optimise before the full solve (needs a complete `start`): `fixable` columns outside the current group
   * are held at the incumbent. `timeShare` of the time limit (default 0.5) goes to it, each sub-solve at most
   * `subTimeLimitSeconds` (default 2).
   */
  neighbourhoods?: {
    fixable: Int32Array;
    groups: Int32Array[];
    timeShare?: number;
    subTimeLimitSeconds?: number;
  };
  /** Called now and then with the incumbent, the bound and the elapsed time. */
  onProgress?: (progress: MilpProgress) => void;
  /** Called with every new incumbent the solver finds, with its columns (a search beside the solve adopts it). */
  onIncumbent?: (incumbent: MilpIncumbentReport) => void;
  /** Polled by the solver; returning true stops the solve with the best solution so far. */
  shouldStop?: () => boolean;
};

/** A feasible solution of a problem: its objective (offset included) and every column's value. */
export type MilpIncumbentReport = { objective: number; colValues: Float64Array };

/** A progress report during a solve. */
export type MilpProgress = {
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedMs: number;
};

/** A solver backend: HiGHS in Node (electron/optimize) or in a Web Worker. */
export type MilpSolver = (problem: MilpProblem, options: MilpSolveOptions) => Promise<MilpSolution>;

/**
 * Builds a MilpProblem column by column and row by row.
 * Why a builder with growing number arrays: rows are appended once and never revisited, so generation stays linear
 * in the number of nonzeros; names are kept for the LP text and for debugging infeasible models.
 */
export class MilpBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly names: string[] = [];
  private readonly rLower: number[] = [];
  private readonly rUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly index: number[] = [];
  private readonly vals: number[] = [];
  private readonly rNames: string[] = [];
  private constant = 0;

  /** Adds a column and returns its index. */
  addCol(name: string, lower: number, upper: number, cost: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.names.push(name);
    return this.cost.length - 1;
  }

  /** Adds `delta` to a column's objective coefficient. */
  addCost(col: number, delta: number): void {
    this.cost[col] = (this.cost[col] ?? 0) + delta;
  }

  /** Raises a column's lower bound (fixing a binary at 1, for example). */
  setLower(col: number, lower: number): void {
    this.lower[col] = lower;
  }

  /** Adds a constant to the objective. */
  addOffset(delta: number): void {
    this.constant += delta;
  }

  /** Adds lower ≤ Σ coef·col ≤ upper; terms on the same column are merged. Returns the row index. */
  addRow(
    name: string,
    cols: readonly number[],
    coefs: readonly number[],
    lower: number,
    upper: number,
  ): number {
    if (cols.length > 1 && hasDuplicates(cols)) {
      const merged = new Map<number, number>();
      cols.forEach((c, k) => merged.set(c, (merged.get(c) ?? 0) + coefs[k]!));
      for (const [c, v] of merged) {
        if (v === 0) continue;
        this.index.push(c);
        this.vals.push(v);
      }
    } else {
      for (let k = 0; k < cols.length; k++) {
        this.index.push(cols[k]!);
        this.vals.push(coefs[k]!);
      }
    }
    this.starts.push(this.index.length);
    this.rLower.push(lower);
    this.rUpper.push(upper);
    this.rNames.push(name);
    return this.rLower.length - 1;
  }

  /** The number of columns so far. */
  get numCols(): number {
    return this.cost.length;
  }

  /** The number of rows so far. */
  get numRows(): number {
    return this.rLower.length;
  }

  /** Freezes the builder into typed arrays. */
  build(): MilpProblem {
    return {
      numCols: this.cost.length,
      numRows: this.rLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      rowLower: Float64Array.from(this.rLower),
      rowUpper: Float64Array.from(this.rUpper),
      rowStarts: Int32Array.from(this.starts),
      colIndex: Int32Array.from(this.index),
      values: Float64Array.from(this.vals),
      offset: this.constant,
      colNames: this.names,
      rowNames: this.rNames,
    };
  }
}

function hasDuplicates(cols: readonly number[]): boolean {
  if (cols.length < 8) {
    for (let i = 0; i < cols.length; i++)
      for (let j = i + 1; j < cols.length; j++) if (cols[i] === cols[j]) return true;
    return false;
  }
  return new Set(cols).size !== cols.length;
}
