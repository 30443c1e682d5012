import { Group, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { api } from '../api/api';
import { useAppStore } from '../store/store';
import { useZoneRulesCheck, type ZoneRulesCheck } from './zone-rules-check';

type Info = ResponseOf<'app:info'>;

/** The main process's tz data as a line: `tz 2025c, ICU 78.2`. */
function mainTzLine(info: Info): string {
  const parts = [info.tz.tzdata && `tz ${info.tz.tzdata}`, info.tz.icu && `ICU ${info.tz.icu}`].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(', ') : 'version not reported';
}

/** What is known of this window's tz data: browsers do not report a version, so what the check found. */
function windowTzLine(check: ZoneRulesCheck | null, error: string | null, hasPlan: boolean): string {
  if (!hasPlan) return 'version not reported';
  if (error) return `version not reported; the comparison failed (${error})`;
  if (!check) return 'version not reported; comparing with the main process…';
  const zones = new Set(check.disagreements.map((d) => d.zone));
  const checked = `${check.span.zones.length} plan zone${check.span.zones.length === 1 ? '' : 's'}`;
  return zones.size === 0
    ? `version not reported; same offsets as the main process for the ${checked}, ${check.span.from} to ${check.span.to}`
    : `version not reported; different offsets from the main process in ${[...zones].join(', ')}`;
}

/** About Rotaplan: the version (from main), where it runs, the licences, and which plan file is open. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = useAppStore((s) => s.path);
  const plan = useAppStore((s) => s.plan);
  const zoneRules = useZoneRulesCheck(plan);
  useEffect(() => {
    api.app.info({}).then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="About Rotaplan"
      centered
    >
      <Stack gap="sm">
        <Group gap="sm">
          <IconCalendarStats size={40} color="var(--mantine-color-brand-6)" aria-hidden />
          <div>
            <Text fw={700} size="lg">
              Rotaplan
            </Text>
            <Text size="sm" c="dimmed" data-testid="about-version">
              {info
                ? `Version ${info.version} · ${info.mode === 'electron' ? 'desktop app' : 'browser preview'}`
                : (error ?? 'Reading the version…')}
            </Text>
          </div>
        </Group>
        <Text size="sm">
          On-call planning for small data teams: rotations, fairness, coverage and exports.
        </Text>
        <Text size="sm" c="dimmed">
          MIT licence. Built on open-source components under their own licences (MIT, Apache-2.0, ISC), among
          them Electron, React, Mantine, FullCalendar, HiGHS and Temporal.
        </Text>
        <div>
          <Text size="xs" fw={600}>
            Plan file
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid="about-plan-path">
            {info?.planPath ?? path}
          </Text>
        </div>
        {info && (
          <Text size="xs" c="dimmed">
            Preferences, backups and logs: {info.userDataDir}
          </Text>
        )}
        {info && (
          <div>
            <Text size="xs" fw={600}>
              Time-zone data
            </Text>
            <Text size="xs" c="dimmed" data-testid="about-tz-main">
              Main process: {mainTzLine(info)}
            </Text>
            <Text size="xs" c="dimmed" data-testid="about-tz-window">
              This window: {windowTzLine(zoneRules.check, zoneRules.error, plan !== null)}
            </Text>
          </div>
        )}
      </Stack>
    </Modal>
  );
}
