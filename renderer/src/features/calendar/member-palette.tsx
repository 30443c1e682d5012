import { Checkbox, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { memo } from 'react';
import type { Layer, Member } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { MEMBER_DRAG_TYPE } from './calendar-board';
import type { MemberHours } from './calendar-events';
import { formatHours } from '../../components/wall-clock-format';

/** One person in the palette; memoised, so an edit re-renders only the rows whose hours it changed. */
const PaletteRow = memo(function PaletteRow({
  member,
  hoursText,
  shown,
  onToggle,
}: {
  member: Member;
  hoursText: string;
  shown: boolean;
  onToggle: (memberId: string) => void;
}) {
  return (
    <Stack gap={2} data-member-row={member.id}>
      <Group gap={6} wrap="nowrap">
        <Checkbox
          size="xs"
          checked={shown}
          onChange={() => onToggle(member.id)}
          aria-label={`Show ${member.name}'s shifts`}
        />
        <Tooltip label={`Drag onto a shift to make ${member.name} cover it`} openDelay={500}>
          <div
            draggable
            data-member-chip={member.id}
            style={{ cursor: 'grab', minWidth: 0 }}
            onDragStart={(e) => {
              e.dataTransfer.setData(MEMBER_DRAG_TYPE, member.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <MemberChip member={member} size="md" />
          </div>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed" pl={26} data-testid={`hours-${member.id}`}>
        {hoursText}
      </Text>
    </Stack>
  );
});

/**
 * The team down the left of the calendar: a checkbox to show or hide each person's shifts, their chip (drag it
 * onto a shift to hand the shift to them) and their on-call hours in the range the calendar shows, per layer.
 * `onToggle` should keep its identity across renders (rows are memoised).
 */
export function MemberPalette({
  members,
  layers,
  badges,
  hours,
  hidden,
  onToggle,
}: {
  members: Member[];
  layers: Layer[];
  badges: Map<string, string>;
  hours: Map<string, MemberHours>;
  hidden: readonly string[];
  onToggle: (memberId: string) => void;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="member-palette" aria-label="Team on call">
      <Stack gap="xs">
        <div>
          <Text fw={600} size="sm">
            Team
          </Text>
          <Text size="xs" c="dimmed">
            Hours on call in view. Drag a person onto a shift to hand it to them.
          </Text>
        </div>
        {members.map((m) => {
          const load = hours.get(m.id);
          const perLayer = layers
            .map((l) => ({ badge: badges.get(l.id) ?? '?', hours: load?.byLayer[l.id] ?? 0 }))
            .filter((x) => x.hours > 0);
          const hoursText =
            perLayer.length === 0
              ? 'Not on call in view'
              : perLayer.map((x) => `${x.badge} ${formatHours(x.hours)}`).join(' · ');
          return (
            <PaletteRow
              key={m.id}
              member={m}
              hoursText={hoursText}
              shown={!hidden.includes(m.id)}
              onToggle={onToggle}
            />
          );
        })}
      </Stack>
    </Paper>
  );
}
