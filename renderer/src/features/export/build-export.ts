import { planToMarkdown } from '../../../../shared/document/export-plan-document';
import type { Analysis } from '../../../../shared/fairness/analyze';
import { exportIcs, type IcsExtra } from '../../../../shared/export/ics-export';
import { loadReportCsvFromAnalysis } from '../../../../shared/export/load-report-csv';
import { exportOwnershipCsv } from '../../../../shared/export/ownership-csv';
import { planReportHtml } from '../../../../shared/export/report-html';
import { exportShiftsCsv } from '../../../../shared/io/csv-shifts';
import { assertNever } from '../../../../shared/plan/edits';
import type { Plan } from '../../../../shared/plan/schema';
import type { PayReport } from '../../../../shared/pay/pay-report';
import { slugify } from '../../../../shared/plan/ids';

/** Every export the app offers; the names match the File menu's `file:export:<kind>` commands. */
export const EXPORT_KINDS = [
  'md',
  'html',
  'pdf',
  'ics',
  'csv-shifts',
  'csv-load',
  'csv-ownership',
  'json',
] as const;

export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What the .ics export covers: everyone, one member or one layer, with optional reminder and extra events. */
export type IcsChoice = {
  memberId: string | null;
  layerId: string | null;
  reminderMinutes: number | null;
  include: IcsExtra[];
};

/** The .ics defaults (also what the File menu exports): the whole team, no reminder, no extra events. */
export const DEFAULT_ICS_CHOICE: IcsChoice = {
  memberId: null,
  layerId: null,
  reminderMinutes: null,
  include: [],
};

/** What to hand to main: a file to save as it is, or a report for main to print to PDF. */
export type BuiltExport =
  | { kind: 'file'; fileName: string; content: string; encoding: 'utf8' }
  | { kind: 'pdf'; fileName: string; html: string };

/** Whether an export needs the load analysis (from the worker) before it can be built. */
export function needsAnalysis(kind: ExportKind): boolean {
  return kind === 'html' || kind === 'pdf' || kind === 'csv-load';
}

/** A file name for a plan's export: the plan's name as a slug, a scope suffix, and the format's extension. */
export function exportFileName(plan: Plan, kind: ExportKind, ics: IcsChoice = DEFAULT_ICS_CHOICE): string {
  const base = slugify(plan.meta.name) || 'rotaplan';
  switch (kind) {
    case 'md':
      return `${base}.md`;
    case 'html':
      return `${base}-report.html`;
    case 'pdf':
      return `${base}-report.pdf`;
    case 'ics': {
      const scope = [ics.memberId, ics.layerId].filter((s): s is string => s !== null).map(slugify);
      return `${[base, ...scope].join('-')}.ics`;
    }
    case 'csv-shifts':
      return `${base}-shifts.csv`;
    case 'csv-load':
      return `${base}-load.csv`;
    case 'csv-ownership':
      return `${base}-ownership.csv`;
    case 'json':
      return `${base}.rotaplan.json`;
    default:
      return assertNever(kind);
  }
}

/**
 * Builds one export in the renderer with the shared exporters, the same functions `rotaplan export` uses, so the
 * app and the CLI write the same bytes. `now` is the renderer's clock (shared/ takes the time as an argument).
 * Throws a RangeError naming bad options (an unknown member, a reminder out of range).
 */
export function buildExport(
  plan: Plan,
  kind: ExportKind,
  options: { now: string; ics?: IcsChoice; analysis?: Analysis; pay?: PayReport },
): BuiltExport {
  const fileName = exportFileName(plan, kind, options.ics);
  const file = (content: string): BuiltExport => ({ kind: 'file', fileName, content, encoding: 'utf8' });
  switch (kind) {
    case 'md':
      return file(planToMarkdown(plan, { generatedAt: options.now }));
    case 'html':
      return file(
        planReportHtml(plan, { generatedAt: options.now, analysis: options.analysis, pay: options.pay }),
      );
    case 'pdf':
      return {
        kind: 'pdf',
        fileName,
        html: planReportHtml(plan, {
          generatedAt: options.now,
          analysis: options.analysis,
          pay: options.pay,
        }),
      };
    case 'ics': {
      const ics = options.ics ?? DEFAULT_ICS_CHOICE;
      return file(
        exportIcs(plan, {
          now: options.now,
          memberId: ics.memberId ?? undefined,
          layerId: ics.layerId ?? undefined,
          reminderMinutes: ics.reminderMinutes ?? undefined,
          include: ics.include,
        }),
      );
    }
    case 'csv-shifts':
      return file(exportShiftsCsv(plan));
    case 'csv-load':
      if (!options.analysis) throw new Error('the load report needs the analysis of the plan');
      return file(loadReportCsvFromAnalysis(plan, options.analysis, options.pay));
    case 'csv-ownership':
      return file(exportOwnershipCsv(plan));
    case 'json':
      return file(`${JSON.stringify(plan, null, 2)}\n`);
    default:
      return assertNever(kind);
  }
}
