import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Backup } from '../../../../shared/ipc/contract';
import { api, ApiError } from '../../api/api';
import { useAppStore } from '../../store/store';

type State =
  { status: 'loading' } | { status: 'ready'; backups: Backup[] } | { status: 'failed'; message: string };

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * The last good versions of the plan file, newest first, each restorable (the current one is backed up first).
 * Mount it only while open: it lists the backups when it mounts.
 */
export function BackupsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replacePlan = useAppStore((s) => s.replacePlan);

  useEffect(() => {
    let live = true;
    api.plan.backups({}).then(
      (backups) => live && setState({ status: 'ready', backups }),
      (e: Error) => live && setState({ status: 'failed', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);

  async function restore(backup: Backup) {
    setRestoring(backup.id);
    setError(null);
    try {
      await useAppStore.getState().saveNow();
      replacePlan(await api.plan.restoreBackup({ id: backup.id }));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setRestoring(null);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Backups" size="lg" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Rotaplan keeps the last 10 good versions of your plan file. Restoring one backs up the current plan
          first, so you can always go back.
        </Text>
        {error && (
          <Alert color="red" variant="light" title="Not restored">
            {error}
          </Alert>
        )}
        {state.status === 'loading' && <Loader size="sm" />}
        {state.status === 'failed' && (
          <Alert color="red" variant="light" title="Backups could not be listed">
            {state.message}
          </Alert>
        )}
        {state.status === 'ready' && state.backups.length === 0 && (
          <Text size="sm">
            No backups yet. One is taken each time the plan is opened and every ten minutes of editing.
          </Text>
        )}
        {state.status === 'ready' && state.backups.length > 0 && (
          <Table aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Saved</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.backups.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{when(b.savedAt)}</Table.Td>
                  <Table.Td>{(b.bytes / 1024).toFixed(0)} kB</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        loading={restoring === b.id}
                        onClick={() => void restore(b)}
                      >
                        Restore
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
