import { Alert, List, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { describeDisagreement } from '../../../shared/time/zone-offsets';
import { useState } from 'react';
import { useAppStore } from '../store/store';
import { useZoneRulesCheck } from './zone-rules-check';

// The light alert's own orange or yellow title is too pale to read on its tint (axe: colour contrast).
const TITLE_STYLES = { title: { color: 'var(--rp-tint-text)' } };

/** The disagreements the user has dismissed this session (as JSON). */
const dismissed = new Set<string>();

/**
 * A warning over every view when this window's time-zone rules and the main process's disagree for one of the
 * plan's zones, naming each zone, the dates and both offsets. Dismissed, it stays away for the rest of the session
 * until the disagreements change (another plan, other zones or dates).
 */
export function ZoneRulesWarning() {
  const plan = useAppStore((s) => s.plan);
  const { check } = useZoneRulesCheck(plan);
  const [, setDismissals] = useState(0);
  if (!check || check.disagreements.length === 0) return null;
  const key = JSON.stringify(check.disagreements);
  if (dismissed.has(key)) return null;
  const mainData = check.mainTz.tzdata ? ` (tz data ${check.mainTz.tzdata})` : '';
  return (
    <Alert
      mb="lg"
      variant="light"
      color="orange"
      icon={<IconClockExclamation />}
      title="Time-zone rules differ between this window and Rotaplan’s main process"
      data-testid="zone-rules-warning"
      styles={TITLE_STYLES}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => {
        dismissed.add(key);
        setDismissals((n) => n + 1);
      }}
    >
      <List size="sm" spacing={2}>
        {check.disagreements.slice(0, 10).map((d) => (
          <List.Item key={`${d.zone}:${d.from}`}>
            {describeDisagreement(d, 'this window', 'the main process')}.
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        On those dates, times this window shows in these zones may be off by the difference, and the command
        line
        {mainData} places handoffs and nights at other instants. Updating Rotaplan or the system’s time-zone
        data brings the two together.
      </Text>
    </Alert>
  );
}
