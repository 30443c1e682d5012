import type { FlagKind, FlagSeverity } from '../../../shared/fairness/flags/flag';

/** Hours and loads as people read them: thousands grouped, `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share 0..1 as a percentage with one decimal: 0.2504 → "25.0 %". */
export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

/** A signed difference: "+12.5", "−3", "±0" (a real minus sign, so columns line up). */
export function formatDelta(value: number, digits = 0): string {
  if (Math.abs(value) < 10 ** -(digits + 1)) return '±0';
  const text = formatNumber(Math.abs(value), digits);
  return value > 0 ? `+${text}` : `−${text}`;
}

/** Mantine colours per severity, the same in the table, the filters and the counts. */
export const SEVERITY_COLOR: Record<FlagSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** A flag kind as words: "time-off-conflict" → "Time off conflict". */
export function kindLabel(kind: FlagKind): string {
  const text = kind.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
