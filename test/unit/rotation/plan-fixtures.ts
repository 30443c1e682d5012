import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Member, Plan, Rotation, Shift } from '../../../shared/plan/schema';

export const NOW = '2026-06-01T12:00:00Z';

/** The sample plan (Pacific Infra Group, weekly, America/Los_Angeles). */
export const sample = (): Plan => createSamplePlan(NOW);

/** A team member for test plans: in `zone`, US-CA holidays, no time off unless given. */
export function member(id: string, timeOff: Member['timeOff'] = [], zone = 'America/Los_Angeles'): Member {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    email: `${id}@example.com`,
    role: 'Data Engineer',
    seniority: 'mid',
    timeZone: zone,
    holidayRegion: { country: 'US', subdivision: 'CA' },
    color: '#336699',
    skills: [],
    timeOff,
  };
}

/** A time-off entry with dates inclusive in the member's zone. */
export const away = (id: string, start: string, end: string): Member['timeOff'][number] => ({
  id,
  start,
  end,
  kind: 'vacation',
  note: '',
});

/**
 * The sample plan with another team, rotation and no shifts; ownership and holiday history are cleared so the
 * references stay valid.
 */
export function planWith(members: Member[], rotation: Partial<Rotation>, shifts: Shift[] = []): Plan {
  const base = sample();
  return {
    ...base,
    members,
    ownership: [],
    rotation: { ...base.rotation, ...rotation },
    shifts,
    coverage: { ...base.coverage, holidays: { ...base.coverage.holidays, history: [] } },
  };
}

/** Rows a table test compares: start, end, member (and source where it matters). */
export const rows = (shifts: Shift[], layerId?: string) =>
  shifts
    .filter((s) => layerId === undefined || s.layerId === layerId)
    .map((s) => [s.start, s.end, s.memberId, s.source] as const);
