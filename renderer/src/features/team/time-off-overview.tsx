import { Box, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { Member, TimeOff } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { formatRange, inclusiveDays, monthLabel, timeOffKindInfo } from './time-off-format';
import { TintBadge } from '../../components/tint-badge';

type Entry = { member: Member; timeOff: TimeOff };

/**
 * Everyone's absences in time order, grouped by the month they start in, each with the member's chip. Why a team
 * view: overlapping absences (two owners away at once, half the team at a conference) show only side by side.
 */
export function TimeOffOverview({
  members,
  onOpen,
}: {
  members: Member[];
  /** Opens a member's time-off editor. */
  onOpen: (member: Member) => void;
}) {
  const entries: Entry[] = members
    .flatMap((member) => member.timeOff.map((timeOff) => ({ member, timeOff })))
    .sort((a, b) =>
      a.timeOff.start === b.timeOff.start
        ? a.member.name.localeCompare(b.member.name)
        : a.timeOff.start < b.timeOff.start
          ? -1
          : 1,
    );
  const months = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.timeOff.start.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  const total = entries.reduce((sum, e) => sum + inclusiveDays(e.timeOff.start, e.timeOff.end), 0);

  return (
    <Paper withBorder radius="md" p="md" data-testid="time-off-overview">
      <Stack gap="sm">
        <div>
          <Title order={4}>Time off</Title>
          <Text size="sm" c="dimmed">
            {entries.length === 0
              ? 'Everyone’s vacations and other absences, by month.'
              : `${entries.length} ${entries.length === 1 ? 'absence' : 'absences'}, ${total} days in all, by the month they start in. Click a name to edit that person’s time off.`}
          </Text>
        </div>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            No time off planned yet — use the Time off button (the beach icon) beside a member to add
            vacations, training and other absences.
          </Text>
        ) : (
          // A per-month list rather than a table: it sits under the team table and reads as its own thing.
          <Stack gap="md" aria-label="Team time off by month" role="list">
            {[...months.entries()].map(([month, list]) => (
              <Stack key={month} gap={4} role="listitem" data-month={month}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  {monthLabel(`${month}-01`)}
                </Text>
                <Stack gap={0} role="list">
                  {list.map(({ member, timeOff }) => {
                    const kind = timeOffKindInfo(timeOff.kind);
                    const days = inclusiveDays(timeOff.start, timeOff.end);
                    return (
                      <Group
                        key={`${member.id}-${timeOff.id}`}
                        role="listitem"
                        data-time-off-id={timeOff.id}
                        gap="md"
                        wrap="nowrap"
                        py={6}
                        style={{ borderTop: '1px solid var(--rp-border-muted)' }}
                      >
                        <Box w={190} style={{ flexShrink: 0 }}>
                          <UnstyledButton
                            onClick={() => onOpen(member)}
                            aria-label={`Edit time off of ${member.name}`}
                          >
                            <MemberChip member={member} size="sm" />
                          </UnstyledButton>
                        </Box>
                        <Text size="sm" w={210} style={{ flexShrink: 0 }}>
                          {formatRange(timeOff.start, timeOff.end)}
                        </Text>
                        <Text size="sm" c="dimmed" w={60} style={{ flexShrink: 0 }}>
                          {days} {days === 1 ? 'day' : 'days'}
                        </Text>
                        <Box w={130} style={{ flexShrink: 0 }}>
                          <TintBadge color={kind.color}>{kind.label}</TintBadge>
                        </Box>
                        <Text size="sm" c={timeOff.note ? undefined : 'dimmed'} truncate>
                          {timeOff.note || '—'}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
