import type { PublishProblem } from './target';

/**
 * True when a compile, expand or lookup answered a problem instead of a result.
 * Why its own module: targets, the registry and the verification all ask, and none may import the others.
 */
export function isPublishProblem(value: unknown): value is PublishProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
