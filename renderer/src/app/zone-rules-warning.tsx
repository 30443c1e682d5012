import { Button, List, Popover, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { describeDisagreement } from '../../../shared/time/zone-offsets';
import { useAppStore } from '../store/store';
import { useZoneRulesCheck } from './zone-rules-check';

/**
 * A warning in the top bar when this window's time-zone rules and the main process's disagree for one of the
 * plan's zones; it opens the details: each zone, the dates and both offsets.
 * Why in the top bar, not over the views: it stays in sight on every view without moving what is under it (a
 * banner that arrives after the plan shifted the calendar under a pointer mid-drag).
 */
export function ZoneRulesWarning() {
  const plan = useAppStore((s) => s.plan);
  const { check } = useZoneRulesCheck(plan);
  if (!check || check.disagreements.length === 0) return null;
  const zones = [...new Set(check.disagreements.map((d) => d.zone))];
  const mainData = check.mainTz.tzdata ? ` (tz data ${check.mainTz.tzdata})` : '';
  return (
    <Popover width={520} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button
          variant="light"
          color="orange"
          size="compact-sm"
          leftSection={<IconClockExclamation size={16} />}
          c="var(--rp-tint-text)"
          data-testid="zone-rules-indicator"
        >
          Zone rules differ: {zones.length <= 2 ? zones.join(', ') : `${zones.length} zones`}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="zone-rules-warning">
        <Title order={5} mb="xs">
          Time-zone rules differ between this window and Rotaplan’s main process
        </Title>
        <List size="sm" spacing={2}>
          {check.disagreements.slice(0, 10).map((d) => (
            <List.Item key={`${d.zone}:${d.from}`}>
              {describeDisagreement(d, 'this window', 'the main process')}.
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs">
          On those dates, times this window shows in these zones may be off by the difference, and the command
          line{mainData} places handoffs and nights at other instants. Updating Rotaplan or the system’s
          time-zone data brings the two together.
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
