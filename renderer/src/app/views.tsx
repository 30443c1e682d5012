import {
  IconCalendarEvent,
  IconFileExport,
  IconGitBranch,
  IconWand,
  IconScale,
  IconSitemap,
  IconTable,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { TeamView } from '../features/team/team-view';
import { PipelinesView } from '../features/pipelines/pipelines-view';
import { OwnershipView } from '../features/ownership/ownership-view';
import { OperationsView } from '../features/operations/operations-view';
import { ExportView } from '../features/export/export-view';
import { LazyCalendarView } from '../features/calendar/calendar-view-lazy';
import { FairnessView } from '../features/fairness/fairness-view';
import { OptimizeView } from '../features/optimize/optimize-view';
import type { ViewId } from '../store/ui-slice';

/** One entry of the left navigation: its label, icon and what it renders. */
export type ViewDef = { id: ViewId; label: string; icon: Icon; render: () => ReactNode };

/** The views in navigation order. Views whose issue has not landed say so plainly. */
export const VIEWS: ViewDef[] = [
  { id: 'team', label: 'Team', icon: IconUsers, render: () => <TeamView /> },
  { id: 'pipelines', label: 'Pipelines', icon: IconSitemap, render: () => <PipelinesView /> },
  { id: 'ownership', label: 'Ownership', icon: IconTable, render: () => <OwnershipView /> },
  { id: 'calendar', label: 'Calendar', icon: IconCalendarEvent, render: () => <LazyCalendarView /> },
  { id: 'fairness', label: 'Fairness', icon: IconScale, render: () => <FairnessView /> },
  { id: 'optimize', label: 'Optimise', icon: IconWand, render: () => <OptimizeView /> },
  { id: 'operations', label: 'Operations', icon: IconGitBranch, render: () => <OperationsView /> },
  { id: 'export', label: 'Export', icon: IconFileExport, render: () => <ExportView /> },
];
