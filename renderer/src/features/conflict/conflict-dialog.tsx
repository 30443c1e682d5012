import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { NamedChanges, PlanComparison } from '../../../../shared/ipc/contract';
import { api, ApiError } from '../../api/api';
import { useAppStore } from '../../store/store';

type Busy = 'reload' | 'keep' | 'compare' | null;

const messageOf = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

function Names({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <List.Item>
      {label}: {names.join(', ')}
    </List.Item>
  );
}

function Changes({ what, changes }: { what: string; changes: NamedChanges }) {
  const none = changes.onlyMine.length + changes.onlyTheirs.length + changes.changed.length === 0;
  return (
    <div>
      <Text size="sm" fw={600}>
        {what}
      </Text>
      {none ? (
        <Text size="sm" c="gray.7">
          The same in both.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          <Names label="Only in yours" names={changes.onlyMine} />
          <Names label="Only on disk" names={changes.onlyTheirs} />
          <Names label="Changed" names={changes.changed} />
        </List>
      )}
    </div>
  );
}

/** The two versions side by side: counts, then what differs by name. */
function ComparisonSummary({ comparison }: { comparison: PlanComparison }) {
  const { mine, theirs } = comparison;
  if (!theirs) {
    return (
      <Alert
        color="yellow"
        variant="light"
        title="The file on disk cannot be compared"
        data-testid="conflict-comparison"
      >
        {comparison.theirsProblem} Keeping yours as a copy loses nothing.
      </Alert>
    );
  }
  return (
    <Stack gap="sm" data-testid="conflict-comparison">
      <Table aria-label="Your plan and the file on disk" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Count</Table.Th>
            <Table.Th scope="col">Yours</Table.Th>
            <Table.Th scope="col">On disk</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['members', 'pipelines', 'shifts'] as const).map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{key[0]!.toUpperCase() + key.slice(1)}</Table.Th>
              <Table.Td>{mine[key]}</Table.Td>
              <Table.Td>{theirs[key]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Changes what="Members" changes={comparison.members} />
      <Changes what="Pipelines" changes={comparison.pipelines} />
      <Text size="sm">
        <strong>Shifts:</strong> {comparison.shifts.onlyMine} only in yours, {comparison.shifts.onlyTheirs}{' '}
        only on disk, {comparison.shifts.changed} changed.
      </Text>
      {comparison.otherSections.length > 0 && (
        <Text size="sm">
          <strong>Also different:</strong> {comparison.otherSections.join(', ')}.
        </Text>
      )}
    </Stack>
  );
}

/**
 * Shown when a save was refused because another program (a second Rotaplan, a sync tool, a git checkout) changed
 * the plan file: reload theirs, keep mine as a copy beside it, or compare first. Nothing is overwritten either way,
 * and after a reload the user's version is one undo away. It asks for a choice: it cannot be dismissed.
 */
export function ConflictDialog() {
  const conflict = useAppStore((s) => s.conflict);
  const path = useAppStore((s) => s.path);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparison, setComparison] = useState<PlanComparison | null>(null);

  function finish() {
    setComparison(null);
    setError(null);
    useAppStore.getState().clearConflict();
  }

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const reload = () =>
    run('reload', async () => {
      const loaded = await api.conflict.reload({});
      useAppStore.getState().replacePlan(loaded);
      finish();
    });

  const keepMine = () =>
    run('keep', async () => {
      const plan = useAppStore.getState().plan;
      if (!plan) return;
      const saved = await api.conflict.keepMine({ plan });
      useAppStore.setState({
        path: saved.path,
        saveStatus: 'saved',
        saveError: null,
        lastSavedAt: saved.savedAt,
      });
      finish();
      // Edits made while the dialog was open are saved to the copy too.
      if (useAppStore.getState().plan !== plan) useAppStore.getState().scheduleSave();
    });

  const compare = () =>
    run('compare', async () => {
      const plan = useAppStore.getState().plan;
      if (!plan) return;
      setComparison(await api.conflict.compare({ plan }));
    });

  return (
    <Modal
      opened={conflict !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title="The plan changed on disk"
      size="lg"
      centered
      data-testid="conflict-dialog"
    >
      <Stack gap="md">
        <Text size="sm">
          Another program changed <strong>{path}</strong> after Rotaplan opened it (a second Rotaplan window,
          a sync tool or a git checkout, perhaps). Your latest changes were not written, and the other version
          was not overwritten. Choose what to keep:
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <strong>Reload from disk</strong>: open the other version; yours stays one undo away.
          </List.Item>
          <List.Item>
            <strong>Keep mine as a copy</strong>: save yours as a new file beside it and continue there; the
            other version stays as it is.
          </List.Item>
        </List>
        {error && (
          <Alert color="red" variant="light" title="That did not work">
            {error}
          </Alert>
        )}
        {comparison && <ComparisonSummary comparison={comparison} />}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => void compare()}
            loading={busy === 'compare'}
            disabled={busy !== null}
          >
            Compare
          </Button>
          <Button
            variant="default"
            onClick={() => void reload()}
            loading={busy === 'reload'}
            disabled={busy !== null}
          >
            Reload from disk
          </Button>
          {/* brand.7: white on the theme's default shade (6) is 4.49:1, just under WCAG AA's 4.5:1. */}
          <Button
            color="brand.7"
            onClick={() => void keepMine()}
            loading={busy === 'keep'}
            disabled={busy !== null}
          >
            Keep mine as a copy
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
