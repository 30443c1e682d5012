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
import { IconCalendarSearch, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import {
  FLAG_KINDS,
  SEVERITIES,
  type Flag,
  type FlagKind,
  type FlagSeverity,
} from '../../../../shared/fairness/flags/flag';
import { groupFlags, type FlagGroup } from '../../../../shared/fairness/flags/flag-groups';
import type { Member } from '../../../../shared/plan/schema';
import { localDate } from '../../../../shared/time/zoned';
import { MemberChip } from '../../components/member-chip';
import { kindLabel, SEVERITY_COLOR } from '../../components/fairness-format';

// Rows (a group or a lone flag) a page.
const PAGE_SIZE = 20;

type SeverityFilter = FlagSeverity | 'all';

/** Where a flag sits in the calendar: its plan-local date and the shift to highlight. */
export type FlagTarget = { date: string; shiftId?: string };

/** The shift a flag is about, or else the shift its fix would change (an uneven rotation names no shift itself). */
function target(flag: Flag, date: string): FlagTarget {
  const shiftId = flag.shiftId ?? flag.action?.shiftId;
  return shiftId ? { date, shiftId } : { date };
}

function SeverityBadge({ severity }: { severity: FlagSeverity }) {
  return (
    <Badge
      size="sm"
      variant="light"
      color={SEVERITY_COLOR[severity]}
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
    >
      {severity}
    </Badge>
  );
}

/** The people a group names: up to three chips, then how many more. */
function MemberChips({ ids, members }: { ids: string[]; members: Member[] }) {
  const known = ids.flatMap((id) => members.filter((m) => m.id === id));
  if (known.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {known.slice(0, 3).map((m) => (
        <MemberChip key={m.id} member={m} size="sm" />
      ))}
      {known.length > 3 && (
        <Text size="xs" c="dimmed">
          +{known.length - 3}
        </Text>
      )}
    </Group>
  );
}

/**
 * The analysis flags as a table — severity, kind, date (plan zone), member, message, fix — filtered by severity
 * and kind. Flags of one kind, severity and subject fold into one row with their one fix (`groupFlags`), most
 * severe and widest first; a row's occurrences open beneath it (all of them when a kind is picked), each dated
 * one with a "Show in calendar" action. A page holds 20 rows.
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
  // Groups the user opened (or, with a kind picked, closed): reset with the filters.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const count = (s: FlagSeverity) => flags.filter((f) => f.severity === s).length;
  const kinds = FLAG_KINDS.filter((k) => flags.some((f) => f.kind === k));
  const shown = flags.filter(
    (f) => (severity === 'all' || f.severity === severity) && (kind === null || f.kind === kind),
  );
  const groups = groupFlags(shown);
  const pages = Math.max(1, Math.ceil(groups.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = groups.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const member = (id: string | undefined) => members.find((m) => m.id === id);
  const isOpen = (g: FlagGroup) => (kind !== null) !== toggled.has(g.key);
  const toggle = (g: FlagGroup) =>
    setToggled((prev) => {
      const next = new Set(prev);
      if (!next.delete(g.key)) next.add(g.key);
      return next;
    });
  // The day a flag is about, in the member's own zone (a Denver holiday starts at 23:00 in LA).
  const dateOf = (f: Flag) => (f.start ? localDate(f.start, member(f.memberId)?.timeZone ?? zone) : null);

  const flagRow = (f: Flag, key: string, group: FlagGroup | null) => {
    const who = member(f.memberId);
    const date = dateOf(f);
    return (
      <Table.Tr
        key={key}
        data-flag-kind={f.kind}
        data-severity={f.severity}
        data-date={date ?? undefined}
        data-shift-id={f.shiftId}
        data-flag-group={group ? undefined : `${f.kind}|${f.severity}|${f.pipelineId ?? ''}`}
        data-occurrence={group ? group.key : undefined}
        bg={group ? 'var(--rp-page)' : undefined}
      >
        <Table.Td pl={group ? 'xl' : undefined}>
          <SeverityBadge severity={f.severity} />
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
          <Text size="sm" c={f.fix && group?.fix === undefined ? undefined : 'dimmed'}>
            {/* A group's one fix is on its row; an occurrence repeats only a fix of its own. */}
            {group?.fix !== undefined ? 'As above' : (f.fix ?? '—')}
          </Text>
        </Table.Td>
        <Table.Td>
          {onShow && date && (
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
      </Table.Tr>
    );
  };

  const groupRow = (g: FlagGroup) => {
    const open = isOpen(g);
    const dates = g.flags.flatMap((f) => {
      const d = dateOf(f);
      return d ? [d] : [];
    });
    const first = dates.reduce<string | null>((a, d) => (a === null || d < a ? d : a), null);
    const last = dates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
    return (
      <Fragment key={g.key}>
        <Table.Tr data-flag-group={g.key} data-group-kind={g.kind} data-severity={g.severity}>
          <Table.Td>
            <SeverityBadge severity={g.severity} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{kindLabel(g.kind)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {first === null ? 'Whole plan' : first === last ? first : `${first} –`}
              {first !== null && first !== last && <br />}
              {first !== null && first !== last ? last : null}
            </Text>
          </Table.Td>
          <Table.Td>
            <MemberChips ids={g.memberIds} members={members} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" fw={600}>
              {g.flags.length} occurrences
            </Text>
            <Text size="sm">{g.flags[0]!.message}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c={g.fix ? undefined : 'dimmed'}>
              {g.fix ??
                (g.fixCount === 0
                  ? '—'
                  : `${g.fixCount} different fixes, one for each occurrence it can be fixed for`)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={open}
              leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              onClick={() => toggle(g)}
            >
              {open ? 'Hide' : 'Show'} all {g.flags.length}
            </Button>
          </Table.Td>
        </Table.Tr>
        {open && g.flags.map((f, i) => flagRow(f, `${g.key}#${i}`, g))}
      </Fragment>
    );
  };

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
            setToggled(new Set());
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
            setToggled(new Set());
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
                <Table.Th w={150} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed" ta="center" py="sm">
                      {flags.length === 0
                        ? `No flags: this plan raises none of the ${FLAG_KINDS.length} checks.`
                        : 'No flag matches these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((g) => (g.flags.length === 1 ? flagRow(g.flags[0]!, g.key, null) : groupRow(g)))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="flags-count">
          {groups.length} {groups.length === 1 ? 'row' : 'rows'} for {shown.length}{' '}
          {shown.length === 1 ? 'flag' : 'flags'}
          {pages > 1 &&
            ` · rows ${(current - 1) * PAGE_SIZE + 1}–${Math.min(current * PAGE_SIZE, groups.length)}`}
        </Text>
        {pages > 1 && (
          <Pagination
            size="sm"
            total={pages}
            value={current}
            onChange={setPage}
            aria-label="Flag pages"
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
          />
        )}
      </Group>
    </Stack>
  );
}
