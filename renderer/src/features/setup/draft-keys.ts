let keyCounter = 0;

/**
 * A key for a new guided-setup row (member or pipeline), unique within this window.
 * Why here and not in shared/: React needs stable row keys before rows have ids, and a counter is mutable state
 * that the pure draft logic in shared/setup/setup-draft.ts must not hold; callers pass the key in.
 */
export function draftKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}-${keyCounter}`;
}
