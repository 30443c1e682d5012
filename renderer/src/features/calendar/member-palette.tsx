import { Checkbox, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { Layer, Member } from '../../../../shared/plan/schema';
import { MemberChip } from '../../components/member-chip';
import { MEMBER_DRAG_TYPE } from './calendar-board';
import type { MemberHours } from './calendar-events';
import { formatHours } from './calendar-format';

/**
 * The team down the left of the calendar: a checkbox to show or hide each person's shifts, their chip (drag it
 * onto a shift to hand the shift to them) and their on-call hours in the range the calendar shows, per layer.
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
            .map((l) => ({ badge: badges.get(l.id) ?? '?', hours: load?.byLayer[l.id] ?? 0, name: l.name }))
            .filter((x) => x.hours > 0);
          return (
            <Stack key={m.id} gap={2} data-member-row={m.id}>
              <Group gap={6} wrap="nowrap">
                <Checkbox
                  size="xs"
                  checked={!hidden.includes(m.id)}
                  onChange={() => onToggle(m.id)}
                  aria-label={`Show ${m.name}'s shifts`}
                />
                <Tooltip label={`Drag onto a shift to make ${m.name} cover it`} openDelay={500}>
                  <div
                    draggable
                    data-member-chip={m.id}
                    style={{ cursor: 'grab', minWidth: 0 }}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(MEMBER_DRAG_TYPE, m.id);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    <MemberChip member={m} size="md" />
                  </div>
                </Tooltip>
              </Group>
              <Text size="xs" c="dimmed" pl={26} data-testid={`hours-${m.id}`}>
                {perLayer.length === 0
                  ? 'Not on call in view'
                  : perLayer.map((x) => `${x.badge} ${formatHours(x.hours)}`).join(' · ')}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
