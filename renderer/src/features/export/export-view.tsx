import {
  Alert,
  Button,
  Checkbox,
  Code,
  Divider,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconBraces,
  IconBroadcast,
  IconCalendarEvent,
  IconFileText,
  IconFileTypeCsv,
  IconFileTypeHtml,
  IconFileTypePdf,
  IconMarkdown,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { planToHtml, planToMarkdown } from '../../../../shared/document/export-plan-document';
import type { IcsExtra } from '../../../../shared/export/ics-export';
import { planReportHtml } from '../../../../shared/export/report-html';
import type { Plan } from '../../../../shared/plan/schema';
import { useCommand } from '../../hooks/command-bus';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { analyse } from '../../workers/analysis-client';
import { DEFAULT_ICS_CHOICE, type ExportKind, type IcsChoice } from './build-export';
import { reportPay } from './report-pay';
import { PublishDialog } from './publish-dialog';
import { EXPORT_LABELS, useExportRunner } from './use-export-runner';

const REMINDERS = [
  { value: 'none', label: 'No reminder' },
  { value: '15', label: '15 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
];

/** The report previewed beside the buttons: the full report once the analysis is in, the document until then. */
function useReportPreview(plan: Plan | null) {
  const [report, setReport] = useState<{ plan: Plan; html: string } | null>(null);
  useEffect(() => {
    if (!plan) return;
    let live = true;
    void analyse(plan, {}).then(async (outcome) => {
      if (!outcome.ok) return;
      // The pay section as main prices it. If main cannot, the preview keeps the document: an export names why.
      let pay;
      try {
        pay = await reportPay(plan, outcome.analysis);
      } catch {
        return;
      }
      // The renderer may read the clock; the report builder (shared/) is handed the time instead.
      const html = planReportHtml(plan, {
        generatedAt: new Date().toISOString(),
        analysis: outcome.analysis,
        pay,
      });
      if (live) setReport({ plan, html });
    });
    return () => {
      live = false;
    };
  }, [plan]);
  return report && report.plan === plan ? report.html : null;
}

/**
 * The Export view: the plan report previewed beside every format. Each button builds its file in the renderer with
 * the shared exporters (the same as `rotaplan export`) and main writes it — through the save dialog in the app,
 * into the export folder in the browser preview — then a notification names the file. The preview is the exported
 * HTML itself in a sandboxed iframe (`sandbox=""`: no scripts, no navigation), so what you see is what the file holds.
 */
export function ExportView() {
  const plan = useAppStore((s) => s.plan);
  const { run, busy, error, clearError } = useExportRunner();
  const [ics, setIcs] = useState<IcsChoice>(DEFAULT_ICS_CHOICE);
  const [publishing, setPublishing] = useState(false);
  const docs = useMemo(() => {
    if (!plan) return null;
    const options = { generatedAt: new Date().toISOString() };
    return { markdown: planToMarkdown(plan, options), html: planToHtml(plan, options) };
  }, [plan]);
  const report = useReportPreview(plan);
  // While this view is open, the menu's .ics export uses the choices made here.
  useCommand('file:export:ics', () => {
    if (plan) void run(plan, 'ics', ics);
  });
  if (!plan || !docs) return null;

  const exportButton = (kind: ExportKind, label: string, icon: typeof IconMarkdown, primary = false) => {
    const Icon = icon;
    return (
      <Button
        key={kind}
        justify="flex-start"
        variant={primary ? 'filled' : 'light'}
        leftSection={<Icon size={18} />}
        loading={busy === kind}
        disabled={busy !== null && busy !== kind}
        data-export={kind}
        onClick={() => void run(plan, kind, kind === 'ics' ? ics : undefined)}
      >
        {label}
      </Button>
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Export"
        description={`The plan report — ownership matrix, on-call schedule, runbooks, escalation, a calendar per month and the fairness charts — for ${plan.rotation.startDate} to ${plan.rotation.endDate}, and the plan as a calendar, spreadsheets or a plan file.`}
      />
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Paper withBorder radius="md" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
          <Tabs defaultValue="document" keepMounted={false}>
            <Tabs.List px="sm">
              <Tabs.Tab value="document" leftSection={<IconFileText size={16} />}>
                Report
              </Tabs.Tab>
              <Tabs.Tab value="markdown" leftSection={<IconMarkdown size={16} />}>
                Markdown source
              </Tabs.Tab>
              {!report && (
                <Group gap={6} ml="auto" pr="xs">
                  <Loader size="xs" />
                  <Text size="xs" c="dimmed">
                    Adding the calendar and charts…
                  </Text>
                </Group>
              )}
            </Tabs.List>
            <Tabs.Panel value="document">
              <iframe
                title="Plan document preview"
                data-testid="document-preview"
                sandbox=""
                srcDoc={report ?? docs.html}
                style={{ display: 'block', width: '100%', height: 'calc(100vh - 230px)', border: 0 }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="markdown">
              <ScrollArea h="calc(100vh - 230px)">
                <Code
                  block
                  data-testid="markdown-preview"
                  style={{ whiteSpace: 'pre-wrap', background: 'none' }}
                >
                  {docs.markdown}
                </Code>
              </ScrollArea>
            </Tabs.Panel>
          </Tabs>
        </Paper>
        <Paper withBorder radius="md" p="md" w={300} style={{ flexShrink: 0 }}>
          <ScrollArea.Autosize mah="calc(100vh - 200px)" offsetScrollbars>
            <Stack gap="sm">
              {error && (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} />}
                  title={`${EXPORT_LABELS[error.kind]} not saved`}
                  withCloseButton
                  onClose={clearError}
                  data-testid="export-error"
                >
                  {error.message} Nothing was written.
                </Alert>
              )}
              <div>
                <Title order={4}>Report</Title>
                <Text size="xs" c="dimmed">
                  The same files as{' '}
                  <Code fz="xs" c="var(--rp-tint-text)">
                    rotaplan export
                  </Code>
                  .
                </Text>
              </div>
              {exportButton('pdf', 'PDF report (.pdf)', IconFileTypePdf, true)}
              {exportButton('html', 'HTML report (.html)', IconFileTypeHtml)}
              {exportButton('md', 'Markdown (.md)', IconMarkdown)}
              <Divider my={4} />
              <Title order={4}>Calendar</Title>
              <Select
                size="xs"
                label="Whose shifts"
                data={[
                  { value: 'all', label: 'The whole team' },
                  ...plan.members.map((m) => ({ value: m.id, label: m.name })),
                ]}
                value={ics.memberId ?? 'all'}
                allowDeselect={false}
                onChange={(v) => setIcs({ ...ics, memberId: v && v !== 'all' ? v : null })}
              />
              <Select
                size="xs"
                label="Layer"
                data={[
                  { value: 'all', label: 'All layers' },
                  ...plan.rotation.layers.map((l) => ({ value: l.id, label: l.name })),
                ]}
                value={ics.layerId ?? 'all'}
                allowDeselect={false}
                onChange={(v) => setIcs({ ...ics, layerId: v && v !== 'all' ? v : null })}
              />
              <Select
                size="xs"
                label="Reminder"
                data={REMINDERS}
                value={ics.reminderMinutes === null ? 'none' : String(ics.reminderMinutes)}
                allowDeselect={false}
                onChange={(v) => setIcs({ ...ics, reminderMinutes: !v || v === 'none' ? null : Number(v) })}
              />
              <Checkbox.Group
                size="xs"
                label="All-day events"
                value={ics.include}
                onChange={(v) => setIcs({ ...ics, include: v as IcsExtra[] })}
              >
                <Stack gap={6} mt={6}>
                  <Checkbox value="holidays" label="Public holidays of the members' regions" />
                  <Checkbox value="investor-weeks" label="Investor-report weeks" />
                </Stack>
              </Checkbox.Group>
              {exportButton('ics', 'iCalendar (.ics)', IconCalendarEvent)}
              <Divider my={4} />
              <Title order={4}>Spreadsheets</Title>
              {exportButton('csv-shifts', 'Shifts (.csv)', IconFileTypeCsv)}
              {exportButton('csv-load', 'Load report (.csv)', IconFileTypeCsv)}
              {exportButton('csv-ownership', 'Ownership matrix (.csv)', IconFileTypeCsv)}
              <Divider my={4} />
              {exportButton('json', 'Plan file (.rotaplan.json)', IconBraces)}
              <Divider my={4} />
              <Title order={4}>Paging tool</Title>
              <Button
                justify="flex-start"
                variant="light"
                leftSection={<IconBroadcast size={18} />}
                data-export="publish"
                onClick={() => setPublishing(true)}
              >
                Publish…
              </Button>
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      </Group>
      <PublishDialog plan={plan} opened={publishing} onClose={() => setPublishing(false)} />
    </Stack>
  );
}
