import { PIPELINE_SUGGESTIONS } from '../../../renderer/src/features/setup/pipeline-suggestions';
import { validatePlan } from '../../../shared/plan/validate';
import { rotationWarnings } from '../../../shared/rotation/rotation-checks';
import { layerTurns } from '../../../shared/rotation/turns';
import {
  balancedOwnership,
  buildPlanFromDraft,
  initialDraft,
  stepProblems,
  type SetupDraft,
} from '../../../shared/setup/setup-draft';
import {
  followTheSunRegions,
  STARTING_POINTS,
  type StartingPoint,
} from '../../../shared/setup/starting-points';

const NOW = '2026-12-01T10:00:00.000Z';

const WORLD: [string, string][] = [
  ['Aarav Shah', 'Asia/Kolkata'],
  ['Meera Iyer', 'Asia/Kolkata'],
  ['Lena Fischer', 'Europe/Berlin'],
  ['Jonas Weber', 'Europe/Berlin'],
  ['Marcus Reed', 'America/New_York'],
  ['Elena Park', 'America/New_York'],
];

function draftFor(point: StartingPoint, people = WORLD): SetupDraft {
  const draft = initialDraft(NOW, 'Europe/Berlin', 'DE', ['m0', 'm1']);
  draft.name = 'Data on-call';
  draft.members = people.map(([name, timeZone], i) => ({
    key: `m${i}`,
    name,
    email: `m${i}@example.com`,
    country: 'DE',
    subdivision: '',
    timeZone,
  }));
  draft.pipelines = PIPELINE_SUGGESTIONS.slice(0, 2).map((p, i) => ({ key: `p${i}`, ...p }));
  draft.ownership = balancedOwnership(draft.members, draft.pipelines);
  draft.rotation = { ...draft.rotation, startDate: '2027-01-04', horizonWeeks: 52, startingPoint: point };
  return draft;
}

describe('guided setup starting points', () => {
  it('splits a three-continent team into regions that hand over in daytime', () => {
    const regions = followTheSunRegions(
      WORLD.map(([name, timeZone]) => ({ id: name.split(' ')[0]!.toLowerCase(), timeZone })),
      '2027-01-04',
    );
    expect(regions).toEqual([
      { timeZone: 'Asia/Kolkata', memberIds: ['aarav', 'meera'], start: '07:30', end: '16:30', night: false },
      { timeZone: 'Europe/Berlin', memberIds: ['lena', 'jonas'], start: '12:00', end: '17:30', night: false },
      {
        timeZone: 'America/New_York',
        memberIds: ['marcus', 'elena'],
        start: '11:30',
        end: '21:00',
        night: false,
      },
    ]);
  });

  it.each(STARTING_POINTS.map((p) => p.id))(
    '%s builds a valid plan whose every layer generates without holes or doubles',
    (point) => {
      const result = buildPlanFromDraft(draftFor(point), NOW);
      if (!result.ok) throw new Error(result.message);
      const plan = result.plan;
      expect(validatePlan(plan).ok).toBe(true);
      expect(plan.rotation.layers.map((l) => l.name)).toEqual(['Primary', 'Secondary']);
      for (const layer of plan.rotation.layers) {
        expect(layerTurns(plan.rotation, layer).problems).toEqual([]);
        expect(plan.shifts.filter((s) => s.layerId === layer.id).length).toBeGreaterThan(50);
      }
      expect(rotationWarnings(plan).filter((w) => w.kind !== 'night')).toEqual([]);
    },
  );

  it('follow-the-sun keeps everyone out of their local night; business hours puts nights on after hours', () => {
    const sun = buildPlanFromDraft(draftFor('follow-the-sun'), NOW);
    if (!sun.ok) throw new Error(sun.message);
    expect(rotationWarnings(sun.plan)).toEqual([]);
    expect(sun.plan.rotation.layers[0]!.rotations!.map((r) => [r.name, r.handoffTime, r.timeZone])).toEqual([
      ['Kolkata', '07:30', 'Asia/Kolkata'],
      ['Berlin', '12:00', 'Europe/Berlin'],
      ['New York', '11:30', 'America/New_York'],
    ]);
    const office = buildPlanFromDraft(draftFor('business-hours'), NOW);
    if (!office.ok) throw new Error(office.message);
    expect(office.plan.rotation.layers[0]!.rotations!.map((r) => [r.name, r.windows, r.allowNight])).toEqual([
      ['Business hours', [{ weekdays: [1, 2, 3, 4, 5], start: '09:00' }], undefined],
      [
        'After hours',
        [
          { weekdays: [1, 2, 3, 4, 5], start: '17:00' },
          { weekdays: [6, 7], start: '09:00' },
        ],
        true,
      ],
    ]);
  });

  it('says why follow-the-sun does not fit a team in one region or with one person in a region', () => {
    const oneRegion = draftFor('follow-the-sun', [
      ['Ana Lima', 'Europe/Berlin'],
      ['Ben Okoro', 'Europe/Paris'],
    ]);
    expect(stepProblems(oneRegion, 'rotation')).toEqual([
      'Follow-the-sun needs people in time zones at least three hours apart; for one region pick "Weekly" or "Business hours + after hours".',
    ]);
    const lonely = draftFor('follow-the-sun', [...WORLD.slice(0, 4), ['Marcus Reed', 'America/New_York']]);
    expect(stepProblems(lonely, 'rotation')).toEqual([
      'Follow-the-sun with a secondary layer needs two people in each region; New York has one (turn the secondary layer off or add someone there).',
    ]);
    expect(
      stepProblems({ ...lonely, rotation: { ...lonely.rotation, secondaryLayer: false } }, 'rotation'),
    ).toEqual([]);
  });
});
