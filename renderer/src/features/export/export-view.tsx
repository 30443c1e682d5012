import {
  Box,
  Button,
  Code,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconBraces,
  IconCalendarEvent,
  IconFileText,
  IconFileTypeCsv,
  IconFileTypeHtml,
  IconFileTypePdf,
  IconMarkdown,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { planToHtml, planToMarkdown } from '../../../../shared/document/export-plan-document';
import { PageHeader } from '../../components/page-header';
import { useAppStore } from '../../store/store';
import { slugify } from '../pipelines/ids';
import { downloadText } from './download';

const LATER: { label: string; icon: typeof IconFileTypePdf }[] = [
  { label: 'PDF document', icon: IconFileTypePdf },
  { label: 'iCalendar (.ics)', icon: IconCalendarEvent },
  { label: 'Shifts as CSV', icon: IconFileTypeCsv },
];

/**
 * The Export view: the filled plan document previewed beside the format buttons. The preview is the exported HTML
 * itself in a sandboxed iframe (`sandbox=""`: no scripts, no navigation, an opaque origin), so what you see is
 * what the file holds. Markdown, HTML and the plan file download straight from the renderer.
 */
export function ExportView() {
  const plan = useAppStore((s) => s.plan);
  const docs = useMemo(() => {
    if (!plan) return null;
    // The renderer may read the clock; the document builder (shared/) is handed the time instead.
    const options = { generatedAt: new Date().toISOString() };
    return {
      markdown: planToMarkdown(plan, options),
      html: planToHtml(plan, options),
      json: `${JSON.stringify(plan, null, 2)}\n`,
    };
  }, [plan]);
  if (!plan || !docs) return null;
  const base = slugify(plan.meta.name) || 'rotaplan';

  return (
    <Stack gap="lg">
      <PageHeader
        title="Export"
        description={`The plan document — ownership matrix, on-call schedule, a runbook per pipeline, escalation, communication and success metrics — for ${plan.rotation.startDate} to ${plan.rotation.endDate}, filled from the plan as it is now.`}
      />
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Paper withBorder radius="md" style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
          <Tabs defaultValue="document" keepMounted={false}>
            <Tabs.List px="sm">
              <Tabs.Tab value="document" leftSection={<IconFileText size={16} />}>
                Document
              </Tabs.Tab>
              <Tabs.Tab value="markdown" leftSection={<IconMarkdown size={16} />}>
                Markdown source
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="document">
              <iframe
                title="Plan document preview"
                data-testid="document-preview"
                sandbox=""
                srcDoc={docs.html}
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
        <Paper withBorder radius="md" p="md" w={280} style={{ flexShrink: 0 }}>
          <Stack gap="sm">
            <div>
              <Title order={4}>Download</Title>
              <Text size="xs" c="dimmed">
                The same document as{' '}
                <Code fz="xs" c="dark.7">
                  rotaplan export
                </Code>
                .
              </Text>
            </div>
            <Button
              leftSection={<IconMarkdown size={18} />}
              justify="flex-start"
              onClick={() => downloadText(`${base}.md`, docs.markdown, 'text/markdown;charset=utf-8')}
            >
              Markdown (.md)
            </Button>
            <Button
              leftSection={<IconFileTypeHtml size={18} />}
              justify="flex-start"
              variant="light"
              onClick={() => downloadText(`${base}.html`, docs.html, 'text/html;charset=utf-8')}
            >
              Printable HTML (.html)
            </Button>
            <Button
              leftSection={<IconBraces size={18} />}
              justify="flex-start"
              variant="light"
              onClick={() => downloadText(`${base}.rotaplan.json`, docs.json, 'application/json')}
            >
              Plan file (.rotaplan.json)
            </Button>
            <Box mt="xs">
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                Coming with issue 7
              </Text>
            </Box>
            {LATER.map(({ label, icon: FormatIcon }) => (
              <Tooltip key={label} label="Coming with issue 7">
                {/* data-disabled keeps the tooltip working where a disabled button gets no pointer events. */}
                <Button
                  data-disabled
                  aria-disabled
                  justify="flex-start"
                  variant="default"
                  leftSection={<FormatIcon size={18} />}
                  onClick={(e) => e.preventDefault()}
                >
                  {label}
                </Button>
              </Tooltip>
            ))}
          </Stack>
        </Paper>
      </Group>
    </Stack>
  );
}
