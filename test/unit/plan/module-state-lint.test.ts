import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The lines the module-state rule flags in `code` linted as if it were the file at `filePath`. */
async function flagged(code: string, filePath: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
}

const STATEFUL = [
  'let counter = 0;', // 1
  'export let exported = 1;', // 2
  'var old = 2;', // 3
  'const cache = new Map<string, number>();', // 4
  'export const seen = new WeakSet<object>();', // 5
  'const byPlan = new WeakMap<object, number>();', // 6
  'const names = new Set(["a"]);', // 7
  'export const use = () => [counter, exported, old, cache, seen, byPlan, names];', // 8
  '',
].join('\n');

const STATELESS = [
  'const LIMIT = 3;',
  'export class Memo {',
  '  private readonly values = new Map<string, number>();',
  '  get(key: string): number | undefined {',
  '    return this.values.get(key);',
  '  }',
  '}',
  'export function count(xs: readonly number[]): number {',
  '  let total = 0;',
  '  const seen = new Set<number>();',
  '  for (const x of xs) if (!seen.has(x)) (seen.add(x), (total += x));',
  '  return total + LIMIT;',
  '}',
  '',
].join('\n');

describe('the lint rule that keeps module-level state out of shared/', () => {
  it('flags a top-level let or var and a top-level collection, exported or not', async () => {
    expect(await flagged(STATEFUL, 'shared/plan/probe.ts')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 60_000);

  it('passes state an object owns and state inside a function', async () => {
    expect(await flagged(STATELESS, 'shared/plan/probe.ts')).toEqual([]);
  }, 60_000);

  it('leaves the Node side and the renderer to their own rules', async () => {
    expect(await flagged(STATEFUL, 'electron/store/probe.ts')).toEqual([]);
  }, 60_000);
});
