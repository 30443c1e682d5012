import {
  applyRotationDraftEdit,
  defaultCadence,
  freeRotationId,
  type RotationDraftEdit,
} from '../../../shared/plan/edits/rotation-draft-edits';
import { rotationDraftProblems } from '../../../shared/plan/edits/rotation-draft-problems';
import type { LayerRotation } from '../../../shared/plan/schema';
import { member, planWith } from '../rotation/plan-fixtures';

const europe: LayerRotation = {
  id: 'eu',
  name: 'Europe',
  members: ['a', 'b', 'c'],
  cadence: { kind: 'weeks', every: 1, weekday: 1 },
  handoffTime: '07:00',
  timeZone: 'Europe/Berlin',
  windows: [{ weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' }],
};

/** Applies a draft edit that must succeed. */
function ok(rotations: LayerRotation[], edit: RotationDraftEdit): LayerRotation[] {
  const out = applyRotationDraftEdit(rotations, edit);
  if (!out.ok) throw new Error(out.reason);
  return out.rotations;
}

/** Applies a draft edit that must be refused and returns why. */
function refused(rotations: LayerRotation[], edit: RotationDraftEdit): string {
  const out = applyRotationDraftEdit(rotations, edit);
  if (out.ok) throw new Error(`${edit.kind} was expected to be refused`);
  return out.reason;
}

describe('rotation draft edits', () => {
  it('adds, moves and removes members in turn order', () => {
    let r = ok([europe], { kind: 'add-member', rotationId: 'eu', memberId: 'd' });
    expect(r[0]!.members).toEqual(['a', 'b', 'c', 'd']);
    r = ok(r, { kind: 'move-member', rotationId: 'eu', index: 3, by: -1 });
    expect(r[0]!.members).toEqual(['a', 'b', 'd', 'c']);
    r = ok(r, { kind: 'remove-member', rotationId: 'eu', index: 0 });
    expect(r[0]!.members).toEqual(['b', 'd', 'c']);
    expect(europe.members).toEqual(['a', 'b', 'c']);
  });

  it('refuses what cannot mean anything, naming the rotation', () => {
    expect(refused([europe], { kind: 'add-member', rotationId: 'eu', memberId: 'a' })).toBe(
      'Europe: a is already in this rotation',
    );
    expect(refused([europe], { kind: 'move-member', rotationId: 'eu', index: 0, by: -1 })).toBe(
      'Europe: position 1 cannot move up',
    );
    expect(refused([europe], { kind: 'remove-rotation', rotationId: 'eu' })).toBe(
      'a layer needs at least one rotation',
    );
    const solo = { ...europe, members: ['a'] };
    expect(refused([solo], { kind: 'remove-member', rotationId: 'eu', index: 0 })).toBe(
      'Europe: a rotation needs at least one member; remove the rotation instead',
    );
    expect(refused([europe], { kind: 'set-handoff-time', rotationId: 'us', time: '09:00' })).toBe(
      'no rotation has id "us"',
    );
  });

  it('sets every kind of cadence, the handoff, zone, dates and night duty', () => {
    let r = ok([europe], {
      kind: 'set-cadence',
      rotationId: 'eu',
      cadence: defaultCadence('monthly-weekday'),
    });
    expect(r[0]!.cadence).toEqual({ kind: 'monthly-weekday', nth: 1, weekday: 1 });
    r = ok(r, { kind: 'set-cadence', rotationId: 'eu', cadence: { kind: 'days', every: 3 } });
    r = ok(r, { kind: 'set-handoff-time', rotationId: 'eu', time: '08:30' });
    r = ok(r, { kind: 'set-zone', rotationId: 'eu', timeZone: 'Europe/London' });
    r = ok(r, { kind: 'set-dates', rotationId: 'eu', from: '2027-02-01', until: null });
    r = ok(r, { kind: 'set-allow-night', rotationId: 'eu', allow: true });
    expect(r[0]).toEqual({
      ...europe,
      cadence: { kind: 'days', every: 3 },
      handoffTime: '08:30',
      timeZone: 'Europe/London',
      from: '2027-02-01',
      allowNight: true,
    });
    r = ok(r, { kind: 'set-allow-night', rotationId: 'eu', allow: false });
    r = ok(r, { kind: 'set-dates', rotationId: 'eu', from: null, until: null });
    expect(Object.keys(r[0]!)).not.toContain('allowNight');
    expect(Object.keys(r[0]!)).not.toContain('from');
  });

  it('edits restriction windows; removing the last one leaves the rotation on call all the time', () => {
    let r = ok([europe], {
      kind: 'add-window',
      rotationId: 'eu',
      window: { weekdays: [6, 7], start: '10:00', end: '14:00' },
    });
    expect(r[0]!.windows).toHaveLength(2);
    r = ok(r, { kind: 'set-window', rotationId: 'eu', index: 1, window: { weekdays: [6], start: '10:00' } });
    expect(r[0]!.windows![1]).toEqual({ weekdays: [6], start: '10:00' });
    r = ok(r, { kind: 'remove-window', rotationId: 'eu', index: 0 });
    r = ok(r, { kind: 'remove-window', rotationId: 'eu', index: 0 });
    expect(Object.keys(r[0]!)).not.toContain('windows');
  });

  it('adds and removes rotations with unique ids', () => {
    expect(freeRotationId('Europe night', [europe])).toBe('Europe-night');
    expect(freeRotationId('eu', [europe])).toBe('eu-2');
    const us = { ...europe, id: 'us', name: 'Americas', timeZone: 'America/New_York' };
    let r = ok([europe], { kind: 'add-rotation', rotation: us });
    expect(r.map((x) => x.id)).toEqual(['eu', 'us']);
    expect(refused(r, { kind: 'add-rotation', rotation: us })).toBe('a rotation with id "us" already exists');
    r = ok(r, { kind: 'remove-rotation', rotationId: 'eu' });
    expect(r.map((x) => x.id)).toEqual(['us']);
  });
});

describe('rotationDraftProblems', () => {
  const plan = planWith(
    ['a', 'b', 'c'].map((id) => member(id)),
    { startDate: '2027-01-04', endDate: '2027-04-05' },
  );

  it('is empty for a good draft', () => {
    expect(rotationDraftProblems(plan, [europe])).toEqual([]);
  });

  it('names the rotation and the field that is wrong', () => {
    const bad: LayerRotation = {
      ...europe,
      members: ['a', 'zed'],
      handoffTime: '7:00',
      timeZone: 'Europe/Atlantis',
      from: '2027-03-01',
      until: '2027-02-01',
      windows: [{ weekdays: [], start: '07:00' }],
    };
    expect(rotationDraftProblems(plan, [bad, { ...europe, name: 'Copy' }])).toEqual([
      'Europe: handoff time: expected a local time as HH:MM',
      'Europe: time zone: unknown IANA time zone',
      'Europe: window 1 weekdays: a window needs at least one weekday',
      'Europe: no team member has id "zed"',
      'Europe: the end date (2027-02-01) must be after the start date (2027-03-01)',
      'Copy: another rotation of this layer has the id "eu"',
    ]);
  });
});
