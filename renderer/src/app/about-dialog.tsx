import { Group, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { api } from '../api/api';
import { useAppStore } from '../store/store';

type Info = ResponseOf<'app:info'>;

/** About Rotaplan: the version (from main), where it runs, the licences, and which plan file is open. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = useAppStore((s) => s.path);
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
      </Stack>
    </Modal>
  );
}
