import {
  ActionIcon,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconCalendarStats, IconHistory } from '@tabler/icons-react';
import { useDeferredValue, useEffect, useState } from 'react';
import { BackupsDialog } from '../features/backups/backups-dialog';
import { ConflictDialog } from '../features/conflict/conflict-dialog';
import { SaveState } from '../components/save-state';
import { ViewErrorBoundary } from '../components/view-error-boundary';
import { ScenarioSwitcher } from '../features/scenarios/scenario-switcher';
import { useAppStore } from '../store/store';
import { ExportCommands } from '../features/export/export-commands';
import { FileCommands } from '../features/import/file-commands';
import { SetupLayer } from '../features/setup/setup-layer';
import { AppCommands, usePlanSwitchEvents } from './app-commands';
import { FileMenu } from './file-menu';
import { LoadNoticeBanner } from './load-notice';
import { OverlapNoticeBanner } from './overlap-notice';
import { ZoneRulesWarning } from './zone-rules-warning';
import { MergeConflictsPanel } from '../features/git/merge-conflicts-panel';
import { GitBadge } from '../features/git/git-badge';
import { startAnalysisPrefetch } from '../workers/analysis-prefetch';
import { prefetchCalendarView, prefetchFairnessView, VIEWS, ViewLoading } from './views';

function TopBar() {
  const name = useAppStore((s) => s.plan?.meta.name ?? '');
  const organisation = useAppStore((s) => s.plan?.meta.organisation ?? '');
  const canUndo = useAppStore((s) => s.past.length > 0);
  const canRedo = useAppStore((s) => s.future.length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const [backupsOpen, setBackupsOpen] = useState(false);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      {backupsOpen && <BackupsDialog opened onClose={() => setBackupsOpen(false)} />}
      <Group gap="sm" wrap="nowrap">
        <IconCalendarStats size={26} color="var(--mantine-color-brand-7)" />
        <Text fw={700} size="lg">
          Rotaplan
        </Text>
        <FileMenu />
        <Text c="dimmed">/</Text>
        <div>
          <Text fw={600} size="sm" data-testid="plan-name" lh={1.2}>
            {name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2}>
            {organisation}
          </Text>
        </div>
        <GitBadge />
      </Group>
      <ScenarioSwitcher />
      <Group gap="md" wrap="nowrap">
        <Group gap={4}>
          <Tooltip label="Backups of this plan">
            <ActionIcon variant="default" size="lg" aria-label="Backups" onClick={() => setBackupsOpen(true)}>
              <IconHistory size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Undo (Ctrl+Z)">
            <ActionIcon variant="default" size="lg" aria-label="Undo" disabled={!canUndo} onClick={undo}>
              <IconArrowBackUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Redo (Ctrl+Shift+Z)">
            <ActionIcon variant="default" size="lg" aria-label="Redo" disabled={!canRedo} onClick={redo}>
              <IconArrowForwardUp size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <ZoneRulesWarning />
        <SaveState />
      </Group>
    </Group>
  );
}

function Navigation() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return (
    <AppShell.Navbar p="sm" aria-label="Views">
      <Stack gap={2}>
        {VIEWS.map((v) => (
          <NavLink
            key={v.id}
            component="button"
            type="button"
            label={v.label}
            leftSection={<v.icon size={18} />}
            active={view === v.id}
            onClick={() => setView(v.id)}
            data-view={v.id}
            aria-current={view === v.id ? 'page' : undefined}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </Stack>
    </AppShell.Navbar>
  );
}

/**
 * The view the navigation points at. Its first render, when a plan has just opened, runs in the background: the
 * shell (top bar, navigation) paints at once, and a click on another view before the first one is drawn replaces
 * it instead of waiting for it. Later switches render at once.
 * Why: the Team view of a big plan is slow to build (`npm run bench:ui` measures a 25-person one); a user who opens
 * the app to go to the calendar should not wait for it.
 */
function CurrentView() {
  const view = useAppStore((s) => s.view);
  const started = useDeferredValue<string | null>(view, null);
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  return (
    <section aria-label={current.label} data-testid={`view-${current.id}`}>
      {started === null ? (
        <ViewLoading label={current.label} />
      ) : (
        <ViewErrorBoundary view={current.label}>{current.render()}</ViewErrorBoundary>
      )}
    </section>
  );
}

/** The app shell: top bar (plan, undo/redo, save state), left navigation, the current view. */
export function App() {
  const loadStatus = useAppStore((s) => s.loadStatus);
  const loadError = useAppStore((s) => s.loadError);
  const loadPlan = useAppStore((s) => s.loadPlan);

  usePlanSwitchEvents();
  useEffect(() => {
    void loadPlan();
    // Meanwhile (a big plan's answer takes a while), the calendar's code.
    prefetchCalendarView();
  }, [loadPlan]);
  // Once the plan is on screen, its analysis (in the worker started with the app) and the Fairness view's code.
  useEffect(() => {
    if (loadStatus !== 'ready') return;
    startAnalysisPrefetch();
    prefetchFairnessView();
  }, [loadStatus]);

  if (loadStatus === 'idle' || loadStatus === 'loading') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed">Opening your plan…</Text>
        </Stack>
      </Center>
    );
  }
  if (loadStatus === 'failed') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="sm" maw={520}>
          <Title order={3}>Rotaplan could not open your plan</Title>
          <Text c="dimmed" ta="center">
            {loadError}
          </Text>
          <Text size="sm" ta="center">
            Nothing was changed on disk.
          </Text>
          <Button onClick={() => void loadPlan()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <TopBar />
      </AppShell.Header>
      <Navigation />
      <ConflictDialog />
      <AppCommands />
      <FileCommands />
      <ExportCommands />
      <SetupLayer />
      <AppShell.Main bg="var(--rp-page)">
        <LoadNoticeBanner />
        <OverlapNoticeBanner />
        <MergeConflictsPanel />
        <CurrentView />
      </AppShell.Main>
    </AppShell>
  );
}
