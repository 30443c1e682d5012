import type { Plan } from '../../shared/plan/schema';

/**
 * Version `k` of the plan the crash worker saves: the name carries k, and the description's length changes with k
 * so consecutive versions differ in size (a torn write would show as a wrong length, not only a bad parse).
 */
export function versionOf(base: Plan, k: number): Plan {
  return {
    ...base,
    meta: { ...base.meta, name: versionName(k), description: descriptionOf(k) },
  };
}

/** The name version k carries. */
export function versionName(k: number): string {
  return `crash bench v${k}`;
}

/** The description version k carries: 0 to 1,999 characters. */
export function descriptionOf(k: number): string {
  return 'x'.repeat((k * 997) % 2000);
}

/** The version a plan is, read from its name; null for a plan the bench did not write (the first sample). */
export function versionFromName(name: string): number | null {
  const match = /^crash bench v(\d+)$/.exec(name);
  return match ? Number(match[1]) : null;
}
