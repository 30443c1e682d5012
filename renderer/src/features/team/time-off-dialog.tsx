import '@mantine/dates/styles.css';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Member, TimeOff, TimeOffKind } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { uniqueId } from '../../../../shared/plan/ids';
import { useApplyEdit } from '../../hooks/use-apply-edit';
import { formatRange, inclusiveDays, TIME_OFF_KINDS, timeOffKindInfo } from './time-off-format';
import { TintBadge } from '../../components/tint-badge';

// Orange and red light-alert titles fall below WCAG AA on their tint; dark text keeps the colour in the frame.
const ALERT_STYLES = { title: { color: 'var(--rp-tint-text)' } };

type Draft = { id: string | null; range: [string | null, string | null]; kind: TimeOffKind; note: string };

const EMPTY: Draft = { id: null, range: [null, null], kind: 'vacation', note: '' };

/**
 * One member's absences: the list (edit, remove) and a form to add or change one — a date range picked on a
 * calendar, its kind and a note. A refusal (an overlap with another absence, for instance) is shown above the form
 * and the form keeps what was entered.
 */
export function TimeOffDialog({
  member,
  onClose,
  defaultDate,
}: {
  member: Member | null;
  onClose: () => void;
  /** The month the calendar opens on when no date is picked yet (the plan's start, say). */
  defaultDate?: string;
}) {
  const apply = useApplyEdit();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setDraft(EMPTY);
    setError(null);
    onClose();
  };

  const submit = () => {
    if (!member) return;
    const [start, end] = draft.range;
    if (!start) {
      setError('Pick the first and the last day of the absence.');
      return;
    }
    const fields = { start, end: end ?? start, kind: draft.kind, note: draft.note.trim() };
    const refused =
      draft.id === null
        ? apply({
            kind: 'timeoff:add',
            memberId: member.id,
            timeOff: {
              id: uniqueId(
                `to-${member.id}-${start}`,
                member.timeOff.map((t) => t.id),
              ),
              ...fields,
            },
          })
        : apply({ kind: 'timeoff:update', memberId: member.id, timeOffId: draft.id, fields });
    setError(refused);
    if (!refused) setDraft(EMPTY);
  };

  const startEdit = (t: TimeOff) => {
    setError(null);
    setDraft({ id: t.id, range: [t.start, t.end], kind: t.kind, note: t.note });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      opened={member !== null}
      onClose={close}
      size="xl"
      centered
      title={member ? `Time off — ${member.name}` : ''}
    >
      {member && (
        <Stack gap="md">
          <Group gap="xs">
            <MemberChip member={member} />
            <Text size="sm" c="dimmed">
              Dates are inclusive, in {member.name}’s own time zone ({member.timeZone.replace(/_/g, ' ')}).
            </Text>
          </Group>
          {member.timeOff.length === 0 ? (
            <Text size="sm" c="dimmed">
              No time off yet — add vacations, training and other absences so the rotation and the ownership
              checks can plan around them.
            </Text>
          ) : (
            <Table verticalSpacing="xs" aria-label={`Time off of ${member.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dates</Table.Th>
                  <Table.Th>Days</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Note</Table.Th>
                  <Table.Th w={80} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {member.timeOff.map((t) => {
                  const kind = timeOffKindInfo(t.kind);
                  const range = formatRange(t.start, t.end);
                  return (
                    <Table.Tr
                      key={t.id}
                      data-time-off-id={t.id}
                      bg={draft.id === t.id ? 'brand.0' : undefined}
                    >
                      <Table.Td>
                        <Text size="sm">{range}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inclusiveDays(t.start, t.end)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <TintBadge color={kind.color}>{kind.label}</TintBadge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t.note || '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={2} wrap="nowrap" justify="flex-end">
                          <Tooltip label="Edit">
                            <ActionIcon
                              variant="subtle"
                              aria-label={`Edit time off ${range}`}
                              onClick={() => startEdit(t)}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Remove">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Remove time off ${range}`}
                              onClick={() => {
                                if (draft.id === t.id) setDraft(EMPTY);
                                apply(
                                  { kind: 'timeoff:remove', memberId: member.id, timeOffId: t.id },
                                  'Time off not removed',
                                );
                              }}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}

          <Paper withBorder radius="md" p="md" bg="var(--rp-page)">
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <Stack gap="sm">
                <Title order={5}>{draft.id === null ? 'Add an absence' : 'Change this absence'}</Title>
                {error && (
                  <Alert color="red" variant="light" styles={ALERT_STYLES} title="Not saved">
                    {error}
                  </Alert>
                )}
                <Group gap="sm" align="flex-start" grow>
                  <DatePickerInput
                    type="range"
                    allowSingleDateInRange
                    label="Dates"
                    placeholder="First and last day"
                    valueFormat="MMM D, YYYY"
                    defaultDate={defaultDate}
                    value={draft.range}
                    onChange={(range) => {
                      setError(null);
                      setDraft((d) => ({ ...d, range }));
                    }}
                  />
                  <Select
                    label="Kind"
                    allowDeselect={false}
                    data={TIME_OFF_KINDS.map((k) => ({ value: k.value, label: k.label }))}
                    value={draft.kind}
                    onChange={(kind) => kind && setDraft((d) => ({ ...d, kind: kind as TimeOffKind }))}
                  />
                </Group>
                <TextInput
                  label="Note"
                  placeholder="e.g. Family trip"
                  value={draft.note}
                  onChange={(e) => {
                    const note = e.currentTarget.value;
                    setDraft((d) => ({ ...d, note }));
                  }}
                />
                <Group justify="flex-end">
                  {draft.id !== null && (
                    <Button variant="default" onClick={() => setDraft(EMPTY)}>
                      Cancel change
                    </Button>
                  )}
                  <Button type="submit">{draft.id === null ? 'Add absence' : 'Save absence'}</Button>
                </Group>
              </Stack>
            </form>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
