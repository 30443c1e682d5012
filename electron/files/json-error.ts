import type { PlanProblem } from '../../shared/plan/validate';

/**
 * Turns a JSON.parse failure into a problem that says where: line and column when Node reports a position.
 * Why: "Unexpected end of JSON input" alone does not tell a user their file was cut short.
 */
export function describeJsonError(text: string, error: unknown): PlanProblem {
  const message = error instanceof Error ? error.message : String(error);
  // Positions count from after a byte-order mark, which the callers strip before parsing.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { path: '(root)', message: 'the file is empty' };
  const cutShort = `the file ends too early (cut short?) after ${body.length} characters`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    // An error at the very end means the document stopped in the middle, whatever token the parser wanted next.
    if (offset >= body.trimEnd().length) {
      return { path: '(root)', message: `not valid JSON: ${cutShort}, at line ${line}, column ${column}` };
    }
    return { path: '(root)', message: `not valid JSON at line ${line}, column ${column}: ${message}` };
  }
  if (/end of JSON input/i.test(message)) return { path: '(root)', message: `not valid JSON: ${cutShort}` };
  return { path: '(root)', message: `not valid JSON: ${message}` };
}
