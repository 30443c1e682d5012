import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api, ApiError } from '../../api/api';
import { useAppStore } from '../../store/store';

/**
 * Save As in the browser preview, which has no native save dialog: asks for a path on the machine running the
 * preview server and saves the plan there (`.rotaplan.json` is added when missing). Mount it only while open.
 */
export function SaveAsDialog({ onClose }: { onClose: () => void }) {
  const path = useAppStore((s) => s.path);
  const [target, setTarget] = useState(() => path.replace(/(\.rotaplan)?\.json$/i, ' copy.rotaplan.json'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await useAppStore.getState().saveNow();
      const saved = await api.plan.saveAs({ path: target.trim() });
      useAppStore.setState({ path: saved.path });
      notifications.show({ color: 'green', title: 'Saved as a new file', message: saved.path });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Save the plan as" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Rotaplan writes the plan to this file and keeps working there; the current file stays as it is.
        </Text>
        <TextInput
          label="File path"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          data-autofocus
          error={target.trim() === '' ? 'Enter a path' : undefined}
        />
        {error && (
          <Alert color="red" variant="light" title="Not saved">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={target.trim() === ''}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
