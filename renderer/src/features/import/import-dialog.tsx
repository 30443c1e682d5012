import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconCalendarUp, IconFileImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { MAX_TEXT_FILE } from '../../../../shared/ipc/contract';
import { importEditOf, importOverlapNote, importShadowNote } from '../../../../shared/import/import-edit';
import { importIcs, remapImport, type IcsImportResult } from '../../../../shared/import/ics-import';
import { VENDOR_NAMES } from '../../../../shared/import/vendors';
import type { Plan } from '../../../../shared/plan/schema';
import { api, ApiError } from '../../api/api';
import { MemberChip } from '../../components/member-chip';
import { useAppStore } from '../../store/store';
import { formatMoment, formatSpan } from '../../components/wall-clock-format';
import { isDesktop, readFileBytes } from './open-plan';

/** A schedule file the user picked or dropped: its name and its content (bytes are decoded strictly). */
export type IcsSource = { fileName: string; data: string | Uint8Array };

const MATCHED_BY: Record<string, string> = { email: 'by e-mail', name: 'by name', map: 'chosen' };
const ENTRY_ROWS = 60;

function errorText(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

/** Step 1: pick the .ics (native dialog in the app, a file input in the preview). */
function ChooseStep({ onSource, busy }: { onSource: (s: IcsSource) => void; busy: boolean }) {
  const [error, setError] = useState<string | null>(null);
  async function pickNative() {
    setError(null);
    try {
      const picked = await api.dialog.openIcs({});
      if (picked) onSource({ fileName: picked.fileName, data: picked.text });
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function pickFile(file: File | null) {
    setError(null);
    if (!file) return;
    try {
      onSource({ fileName: file.name, data: await readFileBytes(file, MAX_TEXT_FILE) });
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Export your team&apos;s on-call schedule as iCalendar (.ics) from PagerDuty, Opsgenie, Grafana OnCall,
        GoAlert or Google Calendar. Rotaplan reads who was on call when, matches people to your team by e-mail
        or name, and puts the schedule into this plan so the Fairness view judges it.
      </Text>
      {isDesktop() ? (
        <Button
          leftSection={<IconFileImport size={16} />}
          onClick={() => void pickNative()}
          loading={busy}
          w="fit-content"
        >
          Choose .ics file…
        </Button>
      ) : (
        <FileInput
          label="Schedule file (.ics)"
          placeholder="Choose a .ics file"
          accept=".ics,.ical,.icalendar,text/calendar"
          leftSection={<IconCalendarUp size={16} />}
          onChange={(file) => void pickFile(file)}
          disabled={busy}
          clearable
        />
      )}
      {busy && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Reading the schedule…</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" title="The file was not read">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** Step 2: everyone the file names, with the member each maps to; the unknown ones first, to be chosen. */
function PeopleStep({
  plan,
  result,
  mapping,
  onMap,
}: {
  plan: Plan;
  result: IcsImportResult;
  mapping: Record<string, string>;
  onMap: (key: string, memberId: string | null) => void;
}) {
  const options = plan.members.map((m) => ({ value: m.id, label: m.name }));
  const people = [...result.unknown, ...result.people.filter((p) => p.memberId !== null)];
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" size="lg" data-testid="import-vendor">
          {VENDOR_NAMES[result.vendor]}
        </Badge>
        <Text size="sm">
          {result.calendar.name ? `“${result.calendar.name}”: ` : ''}
          {result.entries.length} on-call entries for {result.people.length} people
        </Text>
      </Group>
      {result.unknown.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={`${result.unknown.length} unknown ${result.unknown.length === 1 ? 'person' : 'people'}`}
        >
          Choose who they are in your team. Entries of people left unmapped are not imported.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Everyone in the file matches a team member. Change a match if it is wrong.
        </Text>
      )}
      <Table aria-label="People in the schedule" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>In the file</Table.Th>
            <Table.Th>Entries</Table.Th>
            <Table.Th>Team member</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.key} data-person={p.key}>
              <Table.Td>
                <Text size="sm">{p.label}</Text>
                {p.matchedBy && (
                  <Text size="xs" c="dimmed">
                    matched {MATCHED_BY[p.matchedBy]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.entryCount}</Table.Td>
              <Table.Td w={220}>
                <Select
                  aria-label={`Team member for ${p.label}`}
                  placeholder="Not imported"
                  data={options}
                  value={mapping[p.key] ?? p.memberId}
                  onChange={(v) => onMap(p.key, v)}
                  clearable
                  size="xs"
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Step 3: what will change — the window per layer and the entries as shifts. */
function ReviewStep({ plan, result }: { plan: Plan; result: IcsImportResult }) {
  const zone = plan.rotation.timeZone;
  const members = new Map(plan.members.map((m) => [m.id, m]));
  const layers = new Map(plan.rotation.layers.map((l) => [l.id, l.name]));
  const mapped = result.entries.filter((e) => e.memberId !== null);
  const skipped = result.entries.length - mapped.length;
  const overlapNote = importOverlapNote(result, plan);
  const shadowNote = importShadowNote(result);
  const spans = plan.rotation.layers.flatMap((l) => {
    const own = mapped.filter((e) => e.layerId === l.id);
    if (own.length === 0) return [];
    const start = own.reduce((m, e) => (e.start < m ? e.start : m), own[0]!.start);
    const end = own.reduce((m, e) => (e.end > m ? e.end : m), own[0]!.end);
    return [{ layer: l.name, start, end, count: own.length }];
  });
  return (
    <Stack gap="sm">
      {spans.length === 0 ? (
        <Alert color="yellow" variant="light" title="Nothing to import">
          Nobody in the file is mapped to a team member. Go back and choose who they are.
        </Alert>
      ) : (
        <Alert color="blue" variant="light" title="These shifts will be replaced" data-testid="import-window">
          <List size="sm" spacing={2}>
            {spans.map((s) => (
              <List.Item key={s.layer}>
                {s.layer}: {formatMoment(s.start, zone)} → {formatMoment(s.end, zone)} ({s.count} imported
                shifts)
              </List.Item>
            ))}
          </List>
          <Text size="xs" mt={6}>
            Shifts outside these spans stay as they are. Undo brings the old schedule back in one step.
          </Text>
        </Alert>
      )}
      {skipped > 0 && (
        <Text size="sm" c="dimmed">
          {skipped} entries of unmapped people are left out.
        </Text>
      )}
      {overlapNote && (
        <Text size="sm" data-testid="import-overlap-note">
          {overlapNote}
        </Text>
      )}
      {shadowNote && (
        <Text size="sm" data-testid="import-shadow-note">
          {shadowNote}
        </Text>
      )}
      {result.warnings.map((w) => (
        <Text key={w.message} size="xs" c="dimmed">
          Note: {w.message}
        </Text>
      ))}
      <ScrollArea.Autosize mah={300}>
        <Table aria-label="Imported shifts" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When ({zone})</Table.Th>
              <Table.Th>Layer</Table.Th>
              <Table.Th>Member</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mapped.slice(0, ENTRY_ROWS).map((e, i) => {
              const member = members.get(e.memberId!);
              return (
                <Table.Tr key={`${e.uid}-${e.start}-${i}`}>
                  <Table.Td>{formatSpan(e.start, e.end, zone)}</Table.Td>
                  <Table.Td>{layers.get(e.layerId) ?? e.layerId}</Table.Td>
                  <Table.Td>
                    {member ? <MemberChip member={member} size="sm" /> : e.memberId}
                    {e.shadow && ' (shadow)'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {mapped.length > ENTRY_ROWS && (
          <Text size="xs" c="dimmed" mt={4}>
            and {mapped.length - ENTRY_ROWS} more
          </Text>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * Import a schedule (.ics) another tool made: pick the file, map unknown people, review the window that will be
 * replaced, apply it as one undoable edit, then go to Fairness. Mount it only while open.
 */
export function ImportDialog({ initial, onClose }: { initial: IcsSource | null; onClose: () => void }) {
  const plan = useAppStore((s) => s.plan);
  const edit = useAppStore((s) => s.edit);
  const setView = useAppStore((s) => s.setView);
  const [source, setSource] = useState<IcsSource | null>(initial);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [step, setStep] = useState(initial ? 1 : 0);
  const [applied, setApplied] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Read once per file against the plan as it was when the file was picked; mappings re-match without re-reading.
  const read = useMemo(() => (source && plan ? importIcs(source.data, plan) : null), [source]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = useMemo(
    () => (read && plan ? remapImport(read, plan, mapping) : null),
    [read, plan, mapping],
  );
  if (!plan) return null;
  const failed = result && !result.ok ? result : null;
  const current = failed ? 0 : step;

  function apply() {
    if (!result) return;
    const importEdit = importEditOf(result);
    if (!importEdit) return;
    const outcome = edit(importEdit);
    if (outcome.ok) {
      setApplied(importEdit.shifts.length);
      setRefusal(null);
    } else setRefusal(outcome.reason);
  }

  const canApply = !!result?.ok && result.window !== null;
  return (
    <Modal opened onClose={onClose} title="Import a schedule" size="xl" centered>
      {applied !== null ? (
        <Stack gap="md">
          <Alert color="green" variant="light" title="Schedule imported" data-testid="import-done">
            {applied} shifts from {source?.fileName} are now in the plan. Undo (Ctrl+Z) brings the old
            schedule back.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button
              onClick={() => {
                setView('fairness');
                onClose();
              }}
            >
              Open Fairness
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Stepper
            active={current}
            size="sm"
            onStepClick={(i) => result?.ok && setStep(i)}
            allowNextStepsSelect={false}
          >
            <Stepper.Step label="File" description={source?.fileName ?? 'Choose a .ics'}>
              <Stack gap="sm" mt="sm">
                <ChooseStep
                  busy={false}
                  onSource={(s) => {
                    setMapping({});
                    setSource(s);
                    setStep(1);
                  }}
                />
                {failed && (
                  <Alert
                    color="red"
                    variant="light"
                    title={`${source?.fileName ?? 'The file'} cannot be imported`}
                    data-testid="import-error"
                  >
                    <List size="sm" spacing={2}>
                      {failed.errors.map((e) => (
                        <List.Item key={e.message}>{e.message}</List.Item>
                      ))}
                    </List>
                    <Text size="xs" mt={6}>
                      Nothing was changed in your plan.
                    </Text>
                  </Alert>
                )}
              </Stack>
            </Stepper.Step>
            <Stepper.Step label="People" description="Match them to your team">
              {result?.ok && (
                <PeopleStep
                  plan={plan}
                  result={result}
                  mapping={mapping}
                  onMap={(key, memberId) =>
                    setMapping((m) => {
                      const next = { ...m };
                      if (memberId) next[key] = memberId;
                      else delete next[key];
                      return next;
                    })
                  }
                />
              )}
            </Stepper.Step>
            <Stepper.Step label="Review" description="What will change">
              {result?.ok && <ReviewStep plan={plan} result={result} />}
            </Stepper.Step>
          </Stepper>
          {refusal && (
            <Alert color="red" variant="light" title="The import was not applied">
              {refusal}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Group gap="xs">
              {current > 0 && (
                <Button variant="default" onClick={() => setStep(current - 1)}>
                  Back
                </Button>
              )}
              {current === 1 && <Button onClick={() => setStep(2)}>Next</Button>}
              {current === 2 && (
                <Button onClick={apply} disabled={!canApply}>
                  Apply import
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
