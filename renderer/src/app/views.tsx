import {
  IconCalendarEvent,
  IconFileExport,
  IconGitBranch,
  IconScale,
  IconSitemap,
  IconTable,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NotYetView } from '../features/placeholder/not-yet-view';
import { TeamView } from '../features/team/team-view';
import type { ViewId } from '../store/ui-slice';

/** One entry of the left navigation: its label, icon and what it renders. */
export type ViewDef = { id: ViewId; label: string; icon: Icon; render: () => ReactNode };

/** The views in navigation order. Views whose issue has not landed say so plainly. */
export const VIEWS: ViewDef[] = [
  { id: 'team', label: 'Team', icon: IconUsers, render: () => <TeamView /> },
  {
    id: 'pipelines',
    label: 'Pipelines',
    icon: IconSitemap,
    render: () => (
      <NotYetView
        title="Pipelines"
        issue={3}
        purpose="The pipelines and their runbooks: schedule, critical level, data types, common issues, SLAs, monitoring and alerts."
      />
    ),
  },
  {
    id: 'ownership',
    label: 'Ownership',
    icon: IconTable,
    render: () => (
      <NotYetView
        title="Ownership"
        issue={3}
        purpose="The pipeline ownership matrix: primary owner, secondary owner and business stakeholder per pipeline, with live checks."
      />
    ),
  },
  {
    id: 'calendar',
    label: 'Calendar',
    icon: IconCalendarEvent,
    render: () => (
      <NotYetView
        title="Calendar"
        issue={4}
        purpose="The on-call rotation on a drag-and-drop calendar, with holidays, time off, investor weeks, overrides and swaps."
      />
    ),
  },
  {
    id: 'fairness',
    label: 'Fairness',
    icon: IconScale,
    render: () => (
      <NotYetView
        title="Fairness"
        issue={5}
        purpose="Load per person (weekend, holiday, night and investor-week hours weighed), flags with fixes, incident simulation and what-if scenarios."
      />
    ),
  },
  {
    id: 'operations',
    label: 'Operations',
    icon: IconGitBranch,
    render: () => (
      <NotYetView
        title="Operations"
        issue={3}
        purpose="The escalation matrix, communication protocols and success metrics."
      />
    ),
  },
  {
    id: 'export',
    label: 'Export',
    icon: IconFileExport,
    render: () => (
      <NotYetView
        title="Export"
        issue={7}
        purpose="The filled plan document (Markdown, HTML, PDF), iCalendar, CSV and JSON, with a preview."
      />
    ),
  },
];
