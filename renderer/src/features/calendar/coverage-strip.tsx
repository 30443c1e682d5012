import { Box, Group, Stack, Text } from '@mantine/core';
import type { Member } from '../../../../shared/plan/schema';
import type { StripDay, StripSegment } from '../../../../shared/rotation/draft-preview';
import { msToInstant } from '../../../../shared/time/zoned';
import { formatClock, formatDate } from '../../components/wall-clock-format';

const HOLE = 'var(--mantine-color-red-6)';
const DOUBLE = 'var(--mantine-color-orange-5)';
const TICKS = [0, 6, 12, 18, 24];

function segmentStyle(segment: StripSegment, color: (id: string) => string) {
  if (segment.kind === 'covered') return { background: color(segment.memberId) };
  const c = segment.kind === 'hole' ? HOLE : DOUBLE;
  // Stripes, so a hole or a double reads without telling colours apart.
  return {
    background: `repeating-linear-gradient(135deg, ${c} 0 4px, transparent 4px 8px)`,
    outline: `1px solid ${c}`,
  };
}

function segmentTitle(segment: StripSegment, zone: string, name: (id: string) => string): string {
  const span = `${formatClock(msToInstant(segment.start), zone)}–${formatClock(msToInstant(segment.end), zone)}`;
  if (segment.kind === 'covered') return `${name(segment.memberId)} ${span}`;
  return segment.kind === 'hole'
    ? `Nobody on call ${span}`
    : `Two on call ${span} (${segment.rotationIds.join(', ')})`;
}

/**
 * A layer's 24-hour coverage, one strip per day, midnight to midnight on the plan's wall clock: each stretch in the
 * colour of who covers it, holes striped red and doubles striped orange.
 */
export function CoverageStrip({
  layerId,
  days,
  zone,
  members,
}: {
  layerId: string;
  days: StripDay[];
  zone: string;
  members: readonly Member[];
}) {
  const byId = new Map(members.map((m) => [m.id, m]));
  const color = (id: string) => byId.get(id)?.color ?? 'var(--mantine-color-gray-5)';
  const name = (id: string) => byId.get(id)?.name ?? id;
  return (
    <Stack gap={4} data-testid="coverage-strip" data-layer={layerId}>
      <Group gap={0} wrap="nowrap">
        <Box w={96} />
        <Box pos="relative" h={14} style={{ flex: 1 }}>
          {TICKS.map((h) => (
            <Text
              key={h}
              size="10px"
              c="dimmed"
              pos="absolute"
              style={{
                left: `${(h / 24) * 100}%`,
                transform: h === 24 ? 'translateX(-100%)' : h === 0 ? undefined : 'translateX(-50%)',
              }}
            >
              {String(h).padStart(2, '0')}:00
            </Text>
          ))}
        </Box>
      </Group>
      {days.map((day) => (
        <Group key={day.date} gap={0} wrap="nowrap" data-day={day.date}>
          <Text size="xs" w={96} c="dimmed">
            {formatDate(day.date).replace(/, \d{4}$/, '')}
          </Text>
          <Box
            pos="relative"
            h={18}
            style={{
              flex: 1,
              borderRadius: 4,
              overflow: 'hidden',
              background: 'var(--mantine-color-default-border)',
            }}
          >
            {day.segments.map((s) => (
              <Box
                key={`${s.kind}-${s.start}`}
                pos="absolute"
                top={0}
                bottom={0}
                data-kind={s.kind}
                data-member={s.kind === 'covered' ? s.memberId : undefined}
                title={segmentTitle(s, zone, name)}
                aria-label={segmentTitle(s, zone, name)}
                style={{
                  left: `${((s.start - day.start) / (day.end - day.start)) * 100}%`,
                  width: `${((s.end - s.start) / (day.end - day.start)) * 100}%`,
                  ...segmentStyle(s, color),
                }}
              />
            ))}
          </Box>
        </Group>
      ))}
    </Stack>
  );
}
