import type { Plan } from '../../shared/plan/schema';
import { planToMarkdown } from '../../shared/document/export-plan-document';
import { exportIcs, type IcsExtra } from '../../shared/export/ics-export';
import { exportLoadReportCsv } from '../../shared/export/load-report-csv';
import { exportOwnershipCsv } from '../../shared/export/ownership-csv';
import { planReportHtml } from '../../shared/export/report-html';
import { exportShiftsCsv } from '../../shared/io/csv-shifts';
import { assertNever } from '../../shared/plan/edits';
import { layoutPlan } from '../../shared/plan/plan-layout';
import { renderPdfWithChromium } from '../export/pdf-chromium';

/** Every format `rotaplan export --format` accepts (the CLI contract (docs/architecture.md)). */
export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'ics', 'csv', 'json'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The three CSV exports: shifts (the CLI contract (docs/architecture.md)), the per-member load report, the ownership matrix. */
export const CSV_KINDS = ['shifts', 'load', 'ownership'] as const;

export type CsvKind = (typeof CSV_KINDS)[number];

/**
 * Options of an export: one member and one layer (ics and shift CSV), a date window (ISO dates, inclusive), the
 * clock, and the format-specific choices. `renderPdf` replaces headless Chromium (tests, Electron).
 */
export type ExportOptions = {
  memberId?: string;
  layerId?: string;
  from?: string;
  to?: string;
  now: Date;
  csv?: CsvKind;
  reminderMinutes?: number;
  include?: IcsExtra[];
  renderPdf?: (html: string) => Promise<Uint8Array>;
};

/** Turns a validated plan into the bytes or text of one format; throws a RangeError naming bad options. */
export type Exporter = (plan: Plan, options: ExportOptions) => Promise<string | Uint8Array>;

/** Only one layer's shifts, when asked; the rest of the plan as it is. */
function onLayer(plan: Plan, layerId: string | undefined): Plan {
  return layerId === undefined ? plan : { ...plan, shifts: plan.shifts.filter((s) => s.layerId === layerId) };
}

function csv(plan: Plan, o: ExportOptions): string {
  const kind = o.csv ?? 'shifts';
  switch (kind) {
    case 'shifts':
      return exportShiftsCsv(onLayer(plan, o.layerId), { memberId: o.memberId, from: o.from, to: o.to });
    case 'load':
      return exportLoadReportCsv(plan, { from: o.from, to: o.to });
    case 'ownership':
      return exportOwnershipCsv(plan);
    default:
      return assertNever(kind);
  }
}

const report = (plan: Plan, o: ExportOptions) =>
  planReportHtml(plan, { generatedAt: o.now.toISOString(), from: o.from, to: o.to });

/**
 * The exporter of each format. `html` is the full plan report (document, month calendar, fairness charts) and
 * `pdf` the same page printed by headless Chromium, so the CLI needs no Electron.
 */
export const EXPORTERS: Record<ExportFormat, Exporter> = {
  json: async (plan) => layoutPlan(plan),
  csv: async (plan, o) => csv(plan, o),
  md: async (plan, o) => planToMarkdown(plan, { generatedAt: o.now.toISOString(), from: o.from, to: o.to }),
  html: async (plan, o) => report(plan, o),
  pdf: async (plan, o) => (o.renderPdf ?? ((html) => renderPdfWithChromium(html)))(report(plan, o)),
  ics: async (plan, o) =>
    exportIcs(plan, {
      now: o.now.toISOString(),
      memberId: o.memberId,
      layerId: o.layerId,
      from: o.from,
      to: o.to,
      reminderMinutes: o.reminderMinutes,
      include: o.include,
    }),
};
