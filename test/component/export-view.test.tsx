import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import { runCommand } from '../../renderer/src/hooks/command-bus';
import { ExportCommands } from '../../renderer/src/features/export/export-commands';
import { ExportView } from '../../renderer/src/features/export/export-view';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';
import { payHandlers } from '../../electron/handlers/pay-handlers';
import type { RequestOf } from '../../shared/ipc/contract';

type Saved = { channel: string; request: Record<string, string> };

// The report's pay section is priced by main: here by main's real handler, run in the test's Node.
const pay = {
  report: async (request: RequestOf<'pay:report'>) => ({
    ok: true,
    value: await payHandlers()['pay:report']!(request),
  }),
};

function open(saved: Saved[], fail = false) {
  const answer = (channel: string) => async (request: Record<string, string>) => {
    saved.push({ channel, request });
    if (fail) return { ok: false, error: { code: 'io', message: 'Could not write /x: the disk is full.' } };
    return { ok: true, value: { path: `/exports/${request.fileName}` } };
  };
  useSamplePlanWithBridge({ pay, export: { save: answer('export:save'), pdf: answer('export:pdf') } });
  return renderWithMantine(<ExportView />);
}

describe('Export view (jsdom)', { timeout: 60_000 }, () => {
  afterEach(() => removeBridge());

  it('previews the HTML in a sandboxed iframe with no scripts', () => {
    open([]);
    const frame = screen.getByTitle('Plan document preview') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    const html = frame.getAttribute('srcdoc')!;
    expect(html).toContain('<h1>Data pipeline coverage 2027</h1>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
  });

  it('hands Markdown, the plan file and the .ics with its options to export:save and names the path', async () => {
    const saved: Saved[] = [];
    const user = userEvent.setup({ delay: null });
    open(saved);
    await user.click(screen.getByRole('button', { name: 'Markdown (.md)' }));
    expect(await screen.findByText('/exports/data-pipeline-coverage-2027.md')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Plan file (.rotaplan.json)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Investor-report weeks' }));
    await user.click(screen.getByRole('button', { name: 'iCalendar (.ics)' }));
    await waitFor(() => expect(saved.length).toBe(3));
    expect(saved.map((s) => [s.channel, s.request.fileName, s.request.encoding])).toEqual([
      ['export:save', 'data-pipeline-coverage-2027.md', 'utf8'],
      ['export:save', 'data-pipeline-coverage-2027.rotaplan.json', 'utf8'],
      ['export:save', 'data-pipeline-coverage-2027.ics', 'utf8'],
    ]);
    expect(saved[0]!.request.content!.startsWith('# Data pipeline coverage 2027\n')).toBe(true);
    expect(JSON.parse(saved[1]!.request.content!).pipelines).toHaveLength(5);
    const events = new ICAL.Component(ICAL.parse(saved[2]!.request.content!)).getAllSubcomponents('vevent');
    expect(events.length).toBe(104 + 12);
  });

  it('sends the report to export:pdf, and shows an Alert naming the problem when main refuses', async () => {
    const saved: Saved[] = [];
    const user = userEvent.setup({ delay: null });
    open(saved, true);
    await user.click(screen.getByRole('button', { name: 'PDF report (.pdf)' }));
    const alert = await screen.findByTestId('export-error', {}, { timeout: 30_000 });
    expect(alert).toHaveTextContent('PDF report not saved');
    expect(alert).toHaveTextContent('Could not write /x: the disk is full. Nothing was written.');
    expect(saved[0]!.channel).toBe('export:pdf');
    expect(saved[0]!.request.fileName).toBe('data-pipeline-coverage-2027-report.pdf');
    expect(saved[0]!.request.html!.match(/<table class="month-table">/g)!.length).toBe(13);
  });

  it('ExportCommands answers the File menu export commands and names the written file', async () => {
    const saved: Saved[] = [];
    useSamplePlanWithBridge({
      export: {
        save: async (request: Record<string, string>) => {
          saved.push({ channel: 'export:save', request });
          return { ok: true, value: { path: `/exports/${request.fileName}` } };
        },
      },
    });
    renderWithMantine(<ExportCommands />);
    expect(runCommand('file:export:csv-ownership')).toBe(true);
    expect(await screen.findByText('/exports/data-pipeline-coverage-2027-ownership.csv')).toBeInTheDocument();
    expect(saved[0]!.request.content!.split('\n')[0]).toBe(
      'pipeline_id,pipeline,criticality,reports_to_investors,primary_id,primary,secondary_id,secondary,stakeholder',
    );
    expect(runCommand('file:export:ics')).toBe(true);
    await waitFor(() => expect(saved.length).toBe(2));
    expect(saved[1]!.request.fileName).toBe('data-pipeline-coverage-2027.ics');
  });
});
