import type { PlanProblem } from '../../shared/plan/validate';

/**
 * Turns a JSON.parse failure into a problem that says where: line and column when Node reports a position.
 * Why: "Unexpected end of JSON input" alone does not tell a user their file was cut short.
 */
export function describeJsonError(text: string, error: unknown): PlanProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (text.trim() === '') return { path: '(root)', message: 'the file is empty' };
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { path: '(root)', message: `not valid JSON at line ${line}, column ${column}: ${message}` };
  }
  if (/end of JSON input/i.test(message)) {
    return {
      path: '(root)',
      message: `not valid JSON: the file ends too early (cut short?) after ${text.length} characters`,
    };
  }
  return { path: '(root)', message: `not valid JSON: ${message}` };
}
