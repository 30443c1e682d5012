import type { MilpProblem } from './milp-model';

const TERMS_PER_LINE = 12;

function num(value: number): string {
  // LP readers take plain decimals; 12 significant digits keep weights exact without float noise.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function bound(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return num(value);
}

function pushExpression(
  out: string[],
  head: string,
  cols: ArrayLike<number>,
  coefs: ArrayLike<number>,
  names: string[],
  from: number,
  to: number,
): void {
  let line = head;
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = coefs[k]!;
    if (c === 0) continue;
    const sign = c < 0 ? '-' : '+';
    const abs = Math.abs(c);
    const term = abs === 1 ? names[cols[k]!]! : `${num(abs)} ${names[cols[k]!]!}`;
    line += count === 0 && sign === '+' ? ` ${term}` : ` ${sign} ${term}`;
    count++;
    if (count % TERMS_PER_LINE === 0) {
      out.push(line);
      line = '   ';
    }
  }
  if (count === 0) line += ' 0 ' + names[0];
  out.push(line);
}

/**
 * Writes a MilpProblem in CPLEX LP format, the text `highs.solve()` and most solvers read.
 * Why: an exported model can be inspected, diffed and solved by another tool to confirm a result. Every column gets
 * a bounds line so that the reader keeps all of them, in order, even those no row mentions. Ranged rows become two
 * rows (`name_lo`, `name_hi`). Lines are collected and joined once, so a large model is written in linear time.
 */
export function toLpText(problem: MilpProblem): string {
  const names = problem.colNames;
  const out: string[] = ['Minimize'];
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  for (let j = 0; j < problem.numCols; j++) {
    if (problem.colCost[j] !== 0) {
      objCols.push(j);
      objCoefs.push(problem.colCost[j]!);
    }
  }
  const objHead = ' obj:';
  if (objCols.length === 0 && problem.numCols > 0) out.push(`${objHead} 0 ${names[0]!}`);
  else pushExpression(out, objHead, objCols, objCoefs, names, 0, objCols.length);
  if (problem.offset !== 0)
    out.push(`    ${problem.offset < 0 ? '-' : '+'} ${num(Math.abs(problem.offset))}`);
  out.push('Subject To');
  for (let i = 0; i < problem.numRows; i++) {
    const lo = problem.rowLower[i]!;
    const hi = problem.rowUpper[i]!;
    const from = problem.rowStarts[i]!;
    const to = problem.rowStarts[i + 1]!;
    const name = problem.rowNames[i] ?? `r${i}`;
    const parts: { suffix: string; op: string; rhs: number }[] = [];
    if (lo === hi) parts.push({ suffix: '', op: '=', rhs: lo });
    else {
      if (lo > -Infinity && hi < Infinity) {
        parts.push({ suffix: '_lo', op: '>=', rhs: lo }, { suffix: '_hi', op: '<=', rhs: hi });
      } else if (lo > -Infinity) parts.push({ suffix: '', op: '>=', rhs: lo });
      else if (hi < Infinity) parts.push({ suffix: '', op: '<=', rhs: hi });
    }
    for (const part of parts) {
      pushExpression(out, ` ${name}${part.suffix}:`, problem.colIndex, problem.values, names, from, to);
      out[out.length - 1] += ` ${part.op} ${num(part.rhs)}`;
    }
  }
  out.push('Bounds');
  for (let j = 0; j < problem.numCols; j++) {
    const lo = problem.colLower[j]!;
    const hi = problem.colUpper[j]!;
    if (lo === -Infinity && hi === Infinity) out.push(` ${names[j]!} free`);
    else out.push(` ${bound(lo)} <= ${names[j]!} <= ${bound(hi)}`);
  }
  const generals: string[] = [];
  for (let j = 0; j < problem.numCols; j++) if (problem.integrality[j] === 1) generals.push(names[j]!);
  if (generals.length > 0) {
    out.push('Generals');
    for (let k = 0; k < generals.length; k += TERMS_PER_LINE)
      out.push(` ${generals.slice(k, k + TERMS_PER_LINE).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}
