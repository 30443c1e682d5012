import { CURRENT_SCHEMA_VERSION } from './schema';
import type { PlanProblem } from './validate';

/** A document of some schema version, not yet validated. */
export type RawPlan = Record<string, unknown>;

/** One step: turns a document of version `from` into one of version `from + 1`. */
export type Migration = { from: number; describe: string; up: (doc: RawPlan) => RawPlan };

/**
 * 1 → 2: layers may hold rotations (regional, restricted, any cadence). A schema-1 layer means one rotation of its
 * member order with the plan-wide shift length, handoff and zone, on call all the time, which is exactly what a
 * schema-2 layer without `rotations` means; so the step copies the document as it is. The new version number is
 * what matters: a Rotaplan that knows only schema 1 refuses a plan with rotations instead of ignoring them.
 */
function addLayerRotations(doc: RawPlan): RawPlan {
  return { ...doc };
}

/**
 * The ordered list of migrations. Never edit an entry once it has shipped; append a new one and add a frozen
 * fixture of the old version under test/fixtures/plans/ (Actual Budget's rule).
 */
export const MIGRATIONS: readonly Migration[] = [
  { from: 1, describe: 'layers may be covered by rotations', up: addLayerRotations },
];

/**
 * Migrates a document from `version` to `target` by running each step in order.
 * Why a parameterised list: the same runner is tested with synthetic steps, and a missing or failing step
 * becomes a clear problem instead of a half-migrated plan.
 */
export function migratePlan(
  doc: RawPlan,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): { ok: true; value: RawPlan } | { ok: false; problem: PlanProblem } {
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return {
        ok: false,
        problem: { path: 'schemaVersion', message: `no migration from schema ${v} to ${v + 1}` },
      };
    }
    try {
      current = { ...step.up(current), schemaVersion: v + 1 };
    } catch (error) {
      // String() of a null-prototype object throws; a thrown value of any shape must still become a message.
      const reason = error instanceof Error ? error.message : safeString(error);
      return {
        ok: false,
        problem: { path: 'schemaVersion', message: `migration from schema ${v} failed: ${reason}` },
      };
    }
  }
  return { ok: true, value: current };
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
