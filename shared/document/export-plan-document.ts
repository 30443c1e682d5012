import type { Plan } from '../plan/schema';
import { buildPlanDocument } from './build-plan-document';
import type { DocumentOptions } from './doc-context';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

export type { DocumentOptions } from './doc-context';

/** The filled plan document as Markdown (`rotaplan export --format md`). */
export function planToMarkdown(plan: Plan, options: DocumentOptions): string {
  return renderMarkdown(buildPlanDocument(plan, options));
}

/** The filled plan document as self-contained, printable HTML (`rotaplan export --format html`). */
export function planToHtml(plan: Plan, options: DocumentOptions): string {
  return renderHtml(buildPlanDocument(plan, options));
}
