import { Center, Loader, Stack, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCoin,
  IconFileExport,
  IconGitBranch,
  IconWand,
  IconScale,
  IconSitemap,
  IconTable,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { TeamView } from '../features/team/team-view';
import { VIEWS as VIEW_LIST, type ViewId } from '../../../shared/ipc/views';

/** One entry of the left navigation: its label, icon and what it renders. */
export type ViewDef = { id: ViewId; label: string; icon: Icon; render: () => ReactNode };

/** What a view shows while its code is fetched: a centred spinner that names the view. */
export function ViewLoading({ label }: { label: string }) {
  return (
    <Center h={320}>
      <Stack align="center" gap="xs" role="status" aria-live="polite">
        <Loader />
        <Text c="dimmed">Loading {label}…</Text>
      </Stack>
    </Center>
  );
}

/**
 * A view whose code (charts, FullCalendar, holiday data, the fairness domain) is fetched on first use, so the app
 * shell and the first view start fast. Once its code has arrived (fetched ahead, see `prefetchCalendarView`), it
 * renders without suspending: React holds a revealed Suspense boundary back for up to 300 ms, which a view whose
 * code is already there need not wait.
 */
function lazyView(
  label: string,
  load: () => Promise<ComponentType>,
): { render: () => ReactNode; preload: () => Promise<void> } {
  let loaded: ComponentType | null = null;
  const remember = async () => {
    loaded = await load();
    return loaded;
  };
  const View = lazy(async () => ({ default: await remember() }));
  return {
    render: () => {
      if (loaded) {
        const Loaded = loaded;
        return <Loaded />;
      }
      return (
        <Suspense fallback={<ViewLoading label={label} />}>
          <View />
        </Suspense>
      );
    },
    preload: async () => {
      await remember();
    },
  };
}

const calendarView = lazyView('Calendar', () =>
  import('../features/calendar/calendar-view').then((m) => m.CalendarView),
);

/**
 * Fetches and runs the Calendar view's code (FullCalendar, the rotation domain) without showing it.
 * Why: it is the view managers open most, and its code is the biggest; fetched while the plan loads, it is ready
 * when they get there instead of after the click.
 */
export function prefetchCalendarView(): void {
  void calendarView.preload();
}

const fairnessView = lazyView('Fairness', () =>
  import('../features/fairness/fairness-view').then((m) => m.FairnessView),
);

/**
 * Fetches the Fairness view's code without showing it. Why: with the plan's analysis already made in the background
 * (see `startAnalysisPrefetch`), the Fairness view then opens with its figures instead of a loader.
 */
export function prefetchFairnessView(): void {
  void fairnessView.preload();
}

/** What the shell draws for each view: its icon and content. Every view but the first is loaded on first use. */
const VIEW_PARTS: Record<ViewId, { icon: Icon; render: () => ReactNode }> = {
  team: { icon: IconUsers, render: () => <TeamView /> },
  pipelines: {
    icon: IconSitemap,
    render: lazyView('Pipelines', () =>
      import('../features/pipelines/pipelines-view').then((m) => m.PipelinesView),
    ).render,
  },
  ownership: {
    icon: IconTable,
    render: lazyView('Ownership', () =>
      import('../features/ownership/ownership-view').then((m) => m.OwnershipView),
    ).render,
  },
  calendar: { icon: IconCalendarEvent, render: calendarView.render },
  fairness: { icon: IconScale, render: fairnessView.render },
  pay: {
    icon: IconCoin,
    render: lazyView('Pay', () => import('../features/pay/pay-view').then((m) => m.PayView)).render,
  },
  optimize: {
    icon: IconWand,
    render: lazyView('Optimise', () =>
      import('../features/optimize/optimize-view').then((m) => m.OptimizeView),
    ).render,
  },
  operations: {
    icon: IconGitBranch,
    render: lazyView('Operations', () =>
      import('../features/operations/operations-view').then((m) => m.OperationsView),
    ).render,
  },
  export: {
    icon: IconFileExport,
    render: lazyView('Export', () => import('../features/export/export-view').then((m) => m.ExportView))
      .render,
  },
};

/** The views in navigation order (the one list in shared/ipc/views), with what the shell draws for each. */
export const VIEWS: ViewDef[] = VIEW_LIST.map((v) => ({ ...v, ...VIEW_PARTS[v.id] }));
