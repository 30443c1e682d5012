import type { Plan } from '../../shared/plan/schema';
import { planToHtml, planToMarkdown } from '../../shared/document/export-plan-document';
import { exportShiftsCsv } from '../../shared/io/csv-shifts';

/** Every format `rotaplan export --format` accepts (ARCHITECTURE §3). */
export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'ics', 'csv', 'json'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options shared by every export: one member, and a date window (ISO dates, inclusive). */
export type ExportOptions = { memberId?: string; from?: string; to?: string; now: Date };

/** Turns a validated plan into the bytes or text of one format. */
export type Exporter = (plan: Plan, options: ExportOptions) => Promise<string | Uint8Array>;

/**
 * The exporter of each format. Issues add theirs: one line each (md/html: plan editors; csv: calendar;
 * ics/pdf: export issue). A format without an exporter is refused with a clear message, never a stub file.
 */
export const EXPORTERS: Partial<Record<ExportFormat, Exporter>> = {
  json: async (plan) => `${JSON.stringify(plan, null, 2)}\n`,
  csv: async (plan, o) => exportShiftsCsv(plan, { memberId: o.memberId, from: o.from, to: o.to }),
  md: async (plan, o) => planToMarkdown(plan, { generatedAt: o.now.toISOString(), from: o.from, to: o.to }),
  html: async (plan, o) => planToHtml(plan, { generatedAt: o.now.toISOString(), from: o.from, to: o.to }),
};
