import { Alert, Button, List, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import type { MissingRegionNotice } from '../../../../shared/time/missing-region';

// The light alert's own orange or yellow title is too pale to read on its tint (axe: colour contrast).
const TITLE_STYLES = { title: { color: 'var(--rp-tint-text)' } };

/**
 * Says which members' regional holidays the analysis does not count (a country with regions, no region chosen),
 * naming one holiday each loses, with a way to the Team view to pick the region.
 */
export function RegionNotice({
  notices,
  onOpenTeam,
}: {
  notices: MissingRegionNotice[];
  onOpenTeam: () => void;
}) {
  if (notices.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMapPin />}
      title="Regional holidays not counted"
      data-testid="region-notice"
      styles={TITLE_STYLES}
    >
      <List size="sm" spacing={2}>
        {notices.map((n) => (
          <List.Item key={n.memberId} data-member-id={n.memberId}>
            {n.message}.
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        Their holiday hours and holiday gaps count only nationwide holidays until a region is set.{' '}
        <Button size="compact-xs" variant="light" color="yellow" onClick={onOpenTeam}>
          Set regions in Team
        </Button>
      </Text>
    </Alert>
  );
}
