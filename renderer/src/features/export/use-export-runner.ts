import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { Plan } from '../../../../shared/plan/schema';
import { api } from '../../api/api';
import { analyse } from '../../workers/analysis-client';
import type { ExportKind, IcsChoice } from './build-export';
import { reportPay } from './report-pay';

/** What the user reads about each export in notifications and errors. */
export const EXPORT_LABELS: Record<ExportKind, string> = {
  md: 'Markdown document',
  html: 'HTML report',
  pdf: 'PDF report',
  ics: 'iCalendar file',
  'csv-shifts': 'Shifts CSV',
  'csv-load': 'Load report CSV',
  'csv-ownership': 'Ownership CSV',
  json: 'Plan file',
};

/** How an export ended: written (where), cancelled in the save dialog, or failed (why). */
export type ExportOutcome =
  { status: 'written'; path: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * Builds an export with the shared exporters and writes it through main (`export:save`, or `export:pdf` which
 * prints the report): analysis first where the format needs it (from the worker, so the UI stays responsive).
 * Never throws: every failure comes back as a sentence naming what went wrong.
 */
export async function runExport(plan: Plan, kind: ExportKind, ics?: IcsChoice): Promise<ExportOutcome> {
  try {
    // The exporters (ical-generator, the report) load on the first export, not with the app's first chunk.
    const { buildExport, needsAnalysis } = await import('./build-export');
    let analysis;
    let pay;
    if (needsAnalysis(kind)) {
      const outcome = await analyse(plan, {});
      if (!outcome.ok)
        return { status: 'failed', message: `The plan could not be analysed: ${outcome.reason}` };
      analysis = outcome.analysis;
      pay = await reportPay(plan, analysis);
    }
    // The renderer may read the clock; the shared exporters are handed the time instead.
    const built = buildExport(plan, kind, { now: new Date().toISOString(), ics, analysis, pay });
    const result =
      built.kind === 'pdf'
        ? await api.export.pdf({ fileName: built.fileName, html: built.html })
        : await api.export.save({
            fileName: built.fileName,
            content: built.content,
            encoding: built.encoding,
          });
    return result ? { status: 'written', path: result.path } : { status: 'cancelled' };
  } catch (error) {
    return { status: 'failed', message: (error as Error).message };
  }
}

/**
 * Runs exports one at a time for a component: which one is busy, the last error, and notifications — a loading
 * one while a PDF prints, then the written path (or the problem).
 */
export function useExportRunner() {
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<{ kind: ExportKind; message: string } | null>(null);
  const run = useCallback(async (plan: Plan, kind: ExportKind, ics?: IcsChoice) => {
    setBusy(kind);
    setError(null);
    const id = `export-${kind}-${Date.now()}`;
    const label = EXPORT_LABELS[kind];
    const slow = kind === 'pdf' || kind === 'html';
    if (slow) {
      notifications.show({
        id,
        loading: true,
        autoClose: false,
        withCloseButton: false,
        title: `Making the ${label}…`,
        message:
          kind === 'pdf' ? 'Printing a page per month; this takes a few seconds.' : 'Analysing the plan.',
      });
    }
    const outcome = await runExport(plan, kind, ics);
    setBusy(null);
    if (outcome.status === 'written') {
      const done = { title: `${label} saved`, message: outcome.path, color: 'green', autoClose: 8000 };
      if (slow) notifications.update({ id, loading: false, withCloseButton: true, ...done });
      else notifications.show(done);
    } else {
      if (slow) notifications.hide(id);
      if (outcome.status === 'failed') setError({ kind, message: outcome.message });
    }
    return outcome;
  }, []);
  return { run, busy, error, clearError: () => setError(null) };
}
