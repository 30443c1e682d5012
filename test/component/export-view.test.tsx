import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { ExportView } from '../../renderer/src/features/export/export-view';
import { useAppStore } from '../../renderer/src/store/store';

function open() {
  useAppStore.setState({
    plan: createSamplePlan('2026-11-27T00:00:00.000Z'),
    past: [],
    future: [],
    loadStatus: 'ready',
  });
  return render(
    <MantineProvider>
      <ExportView />
    </MantineProvider>,
  );
}

describe('Export view (jsdom)', { timeout: 60_000 }, () => {
  const saved: { name: string; blob: Blob }[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

  beforeEach(() => {
    saved.length = 0;
    // jsdom has no Blob URLs and does not navigate; record what the view hands to the download link instead.
    let n = 0;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    vi.restoreAllMocks();
  });

  it('previews the HTML document in a sandboxed iframe with no scripts', () => {
    open();
    const frame = screen.getByTitle('Plan document preview') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    const html = frame.getAttribute('srcdoc')!;
    expect(html).toContain('<h1>Data pipeline coverage 2027</h1>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
  });

  it('downloads the Markdown document, the HTML and the plan file', async () => {
    const user = userEvent.setup({ delay: null });
    open();
    await user.click(screen.getByRole('button', { name: 'Markdown (.md)' }));
    await user.click(screen.getByRole('button', { name: 'Printable HTML (.html)' }));
    await user.click(screen.getByRole('button', { name: 'Plan file (.rotaplan.json)' }));
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([
      ['data-pipeline-coverage-2027.md', 'text/markdown;charset=utf-8'],
      ['data-pipeline-coverage-2027.html', 'text/html;charset=utf-8'],
      ['data-pipeline-coverage-2027.rotaplan.json', 'application/json'],
    ]);
    const markdown = await saved[0]!.blob.text();
    expect(markdown.startsWith('# Data pipeline coverage 2027\n')).toBe(true);
    expect(markdown).toContain('| Profit | Maya Chen | Diego Alvarez | Finance — Elena Park, VP FP&A |');
    expect(markdown).toContain('#### Profit Pipeline Runbook');
    expect(markdown).not.toMatch(/\[Your /);
    const json = JSON.parse(await saved[2]!.blob.text());
    expect(json.schemaVersion).toBe(1);
    expect(json.pipelines).toHaveLength(5);
  });

  it('shows the Markdown source in its tab', async () => {
    const user = userEvent.setup({ delay: null });
    open();
    await user.click(screen.getByRole('tab', { name: 'Markdown source' }));
    expect(screen.getByTestId('markdown-preview').textContent).toContain('### 1. Pipeline Ownership Matrix');
  });

  it('shows the formats of issue 7 as disabled, with a reason, and makes no file', async () => {
    const user = userEvent.setup({ delay: null });
    open();
    await user.hover(screen.getByRole('button', { name: 'PDF document' }));
    expect(await screen.findByRole('tooltip', {}, { timeout: 5000 })).toHaveTextContent(
      'Coming with issue 7',
    );
    for (const name of ['PDF document', 'iCalendar (.ics)', 'Shifts as CSV']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('data-disabled', 'true');
      expect(button).toHaveAttribute('aria-disabled', 'true');
      await user.click(button);
    }
    expect(saved).toEqual([]);
  });
});
