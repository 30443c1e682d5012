import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCalendarSearch } from '@tabler/icons-react';
import { useState } from 'react';
import {
  FLAG_KINDS,
  SEVERITIES,
  type Flag,
  type FlagKind,
  type FlagSeverity,
} from '../../../../shared/fairness/flags/flag';
import type { Member } from '../../../../shared/plan/schema';
import { localDate } from '../../../../shared/time/zoned';
import { MemberChip } from '../../components/member-chip';
import { kindLabel, SEVERITY_COLOR } from '../../components/fairness-format';

const PAGE_SIZE = 20;

type SeverityFilter = FlagSeverity | 'all';

/** Where a flag sits in the calendar: its plan-local date and the shift to highlight. */
export type FlagTarget = { date: string; shiftId?: string };

/** The shift a flag is about, or else the shift its fix would change (an uneven rotation names no shift itself). */
function target(flag: Flag, date: string): FlagTarget {
  const shiftId = flag.shiftId ?? flag.action?.shiftId;
  return shiftId ? { date, shiftId } : { date };
}

/**
 * The analysis flags as a table — severity, kind, date (plan zone), member, message, fix — filtered by severity
 * and kind, a page at a time, each dated flag with a "Show in calendar" action.
 */
export function FlagsTable({
  flags,
  zone,
  members,
  onShow,
  showHint,
}: {
  flags: Flag[];
  zone: string;
  members: Member[];
  /** Opens the calendar at a flag; absent, the action is not offered. */
  onShow?: (target: FlagTarget) => void;
  /** Explains the action (for example that the calendar shows the live plan). */
  showHint?: string;
}) {
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [kind, setKind] = useState<FlagKind | null>(null);
  const [page, setPage] = useState(1);
  const count = (s: FlagSeverity) => flags.filter((f) => f.severity === s).length;
  const kinds = FLAG_KINDS.filter((k) => flags.some((f) => f.kind === k));
  const shown = flags.filter(
    (f) => (severity === 'all' || f.severity === severity) && (kind === null || f.kind === kind),
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const member = (id: string | undefined) => members.find((m) => m.id === id);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label="Filter flags by severity"
          value={severity}
          onChange={(v) => {
            setSeverity(v as SeverityFilter);
            setPage(1);
          }}
          data={[
            { value: 'all', label: `All ${flags.length}` },
            ...[...SEVERITIES]
              .reverse()
              .map((s) => ({ value: s, label: `${s[0]!.toUpperCase()}${s.slice(1)}s ${count(s)}` })),
          ]}
        />
        <Select
          size="xs"
          w={260}
          aria-label="Filter flags by kind"
          placeholder="Every kind"
          clearable
          value={kind}
          onChange={(v) => {
            setKind(v as FlagKind | null);
            setPage(1);
          }}
          data={kinds.map((k) => ({
            value: k,
            label: `${kindLabel(k)} (${flags.filter((f) => f.kind === k).length})`,
          }))}
        />
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" horizontalSpacing="sm" aria-label="Flags" data-testid="flags-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={104}>Severity</Table.Th>
                <Table.Th w={150}>Kind</Table.Th>
                <Table.Th w={110}>Date</Table.Th>
                <Table.Th w={160}>Member</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th>Fix</Table.Th>
                {onShow && <Table.Th w={150} aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={onShow ? 7 : 6}>
                    <Text size="sm" c="dimmed" ta="center" py="sm">
                      {flags.length === 0
                        ? 'No flags: this plan raises none of the sixteen checks.'
                        : 'No flag matches these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((f, i) => {
                const who = member(f.memberId);
                // The day the flag is about, in the member's own zone (a Denver holiday starts at 23:00 in LA).
                const date = f.start ? localDate(f.start, who?.timeZone ?? zone) : null;
                return (
                  <Table.Tr
                    key={`${current}-${i}`}
                    data-flag-kind={f.kind}
                    data-severity={f.severity}
                    data-date={date ?? undefined}
                    data-shift-id={f.shiftId}
                  >
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        color={SEVERITY_COLOR[f.severity]}
                        styles={{ label: { color: 'var(--mantine-color-text)' } }}
                      >
                        {f.severity}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{kindLabel(f.kind)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {date ?? 'Whole plan'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {who ? (
                        <MemberChip member={who} size="sm" />
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.message}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={f.fix ? undefined : 'dimmed'}>
                        {f.fix ?? '—'}
                      </Text>
                    </Table.Td>
                    {onShow && (
                      <Table.Td>
                        {date && (
                          <Tooltip label={showHint ?? `Open the calendar at ${date}`} disabled={!showHint}>
                            <Button
                              size="compact-xs"
                              variant="light"
                              leftSection={<IconCalendarSearch size={14} />}
                              onClick={() => onShow(target(f, date))}
                            >
                              Show in calendar
                            </Button>
                          </Tooltip>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {(current - 1) * PAGE_SIZE + 1}–{Math.min(current * PAGE_SIZE, shown.length)} of {shown.length}{' '}
            flags
          </Text>
          <Pagination
            size="sm"
            total={pages}
            value={current}
            onChange={setPage}
            aria-label="Flag pages"
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
          />
        </Group>
      )}
    </Stack>
  );
}
