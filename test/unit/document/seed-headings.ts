import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../../../shared/plan/schema';

/**
 * The seed template's headings from "1. Pipeline Ownership Matrix" to "Success Metrics" as the export writes them, one
 * level higher than the seed (## sections, ### sub-sections) so none is skipped below the "# title" (the fixture).
 */
export const SEED_HEADINGS: string[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/seed-headings.json', import.meta.url)), 'utf8'),
);

/** The ## and ### headings of a Markdown document, in order. */
export function markdownHeadings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^#{2,3} /.test(line));
}

/** Every heading of a Markdown document outside code fences, as [level, text]. */
export function allMarkdownHeadings(markdown: string): [number, string][] {
  const out: [number, string][] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (m) out.push([m[1]!.length, m[2]!]);
  }
  return out;
}

const RUNBOOK = /^### (.+) Pipeline Runbook$/;

/**
 * Whether an exported heading stands for a seed heading: the same text, or — for a runbook — the same pipeline name
 * or a name that starts with it ("Aggregated (Executives & investors)" stands for the seed's "Aggregated").
 */
export function matchesSeedHeading(seed: string, exported: string): boolean {
  if (seed === exported) return true;
  const s = RUNBOOK.exec(seed);
  const e = RUNBOOK.exec(exported);
  return !!s && !!e && (e[1] === s[1] || e[1]!.startsWith(`${s[1]} `));
}

/** The seed headings that cannot be found, in order, among the exported headings (empty when all are there). */
export function seedHeadingsMissing(exported: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const seed of SEED_HEADINGS) {
    const found = exported.findIndex((h, i) => i >= at && matchesSeedHeading(seed, h));
    if (found < 0) missing.push(seed);
    else at = found + 1;
  }
  return missing;
}

/** The exact heading list a plan's document must have: the seed's, with one runbook per pipeline of the plan. */
export function expectedHeadings(plan: Plan): string[] {
  const start = SEED_HEADINGS.indexOf('## 3. Pipeline Runbooks');
  const end = SEED_HEADINGS.indexOf('## 4. Operational Excellence');
  return [
    ...SEED_HEADINGS.slice(0, start + 1),
    ...plan.pipelines.map((p) => `### ${p.name} Pipeline Runbook`),
    ...SEED_HEADINGS.slice(end),
  ];
}
