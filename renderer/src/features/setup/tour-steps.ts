import type { ViewId } from '../../../../shared/ipc/views';

/** One stop of the first-run tour: the view it opens and what that view is for. */
export type TourStep = { view: ViewId; title: string; body: string };

/**
 * The first-run tour, one stop per view a new user needs, in navigation order. Why short: a tour is read once;
 * each stop says what the view is for, not how every control works.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    view: 'team',
    title: 'Team',
    body: 'Who is on call: each person’s time zone, holiday region, the pipelines they know and their time off.',
  },
  {
    view: 'pipelines',
    title: 'Pipelines',
    body: 'What you run: schedules, SLAs, monitoring and a runbook of common issues for every pipeline.',
  },
  {
    view: 'ownership',
    title: 'Ownership',
    body: 'Who owns which pipeline: a primary and a secondary owner plus the business stakeholder, with each person’s load.',
  },
  {
    view: 'calendar',
    title: 'Calendar',
    body: 'The rotation week by week: drag a person onto a shift to reassign it, swap weeks, see holidays and investor weeks.',
  },
  {
    view: 'fairness',
    title: 'Fairness',
    body: 'Is the load fair? Weighted hours against each person’s fair share, team metrics, and flags with their fixes.',
  },
  {
    view: 'optimize',
    title: 'Optimise',
    body: 'Propose a fairer rotation: the optimiser balances the load within your rules and shows what it would change.',
  },
  {
    view: 'operations',
    title: 'Operations',
    body: 'How incidents are handled: who is called at each escalation level and how fast, how the team keeps people informed, and the metrics that show the coverage works.',
  },
  {
    view: 'export',
    title: 'Export',
    body: 'Share the plan: a document (Markdown, HTML, PDF), calendar feeds (.ics) for each person, CSV and JSON. Every change is saved as you make it: “Saved” at the top right names the file on hover, and File ▸ Save as… keeps it elsewhere.',
  },
];
