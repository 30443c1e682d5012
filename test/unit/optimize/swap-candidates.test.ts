import { replaceShiftsInWindow } from '../../../shared/optimize/apply-proposal';
import { optimizePlan } from '../../../shared/optimize/optimize-plan';
import { swapCandidates, type SwapSuggestions } from '../../../shared/optimize/swap-candidates';
import { applyEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { hoursPlan, primaryOrder } from './tiny-plans';

function suggest(plan: Plan, shiftId: string): SwapSuggestions {
  const out = swapCandidates(plan, shiftId);
  if (typeof out === 'string') throw new Error(out);
  return out;
}

const noSolver = () => Promise.reject(new Error('a baseline needs no solver'));

describe('swapCandidates', () => {
  // Six people, seven weekly shifts a b c d e f a (168 h each, plain hours): fair share 7 × 168 / 6 = 196.
  it('ranks by the fairness each choice leaves, and names the back-to-back rule for the neighbours', () => {
    const plan = hoursPlan(['a', 'b', 'c', 'd', 'e', 'f'], 7);
    const s = suggest(plan, 'primary-2027-04-19');
    expect(s.shift.memberId).toBe('c');
    expect(s.holderAway).toEqual([]);
    expect(s.before).toEqual({ maxDeviation: 140, spread: 168 });
    expect(s.candidates.map((c) => [c.memberId, c.eligible])).toEqual([
      ['e', true],
      ['f', true],
      ['a', true],
      ['b', false],
      ['d', false],
    ]);
    const [e, , a, b, d] = s.candidates;
    // e takes a second week: e 336, c 0, a 336 → the largest deviation is c's 196, spread 336.
    expect(e).toMatchObject({
      loadBefore: 168,
      loadAfter: 336,
      fairShare: 196,
      after: { maxDeviation: 196, spread: 336 },
    });
    // a would hold three weeks: 504 − 196 = 308 above the fair share.
    expect(a).toMatchObject({ loadBefore: 336, loadAfter: 504, after: { maxDeviation: 308, spread: 504 } });
    expect(b!.blocks).toEqual([
      { rule: 'back-to-back', message: 'primary: b holds 2 periods in a row from 2027-04-12 (limit 1)' },
    ]);
    expect(d!.blocks).toEqual([
      { rule: 'back-to-back', message: 'primary: d holds 2 periods in a row from 2027-04-19 (limit 1)' },
    ]);
  });

  it('solves a time-off conflict: the holder is away, and people away then are not eligible', () => {
    const plan = hoursPlan(['a', 'b', 'c', 'd', 'e'], 5, {
      c: [['2027-04-20', '2027-04-21']],
      e: [['2027-04-22', '2027-04-23']],
    });
    const s = suggest(plan, 'primary-2027-04-19');
    expect(s.holderAway.map((h) => [h.memberId, h.timeOff.start, h.timeOff.end])).toEqual([
      ['c', '2027-04-20', '2027-04-21'],
    ]);
    expect(s.candidates.filter((c) => c.eligible).map((c) => c.memberId)).toEqual(['a']);
    expect(s.candidates.find((c) => c.memberId === 'e')!.blocks).toEqual([
      {
        rule: 'time-off',
        message: 'primary 2027-04-19: e is on call during time off 2027-04-22 – 2027-04-23',
      },
    ]);
  });

  it('keeps people outside the layer rotation out, and refuses pinned or unknown shifts', () => {
    const plan = hoursPlan(['a', 'b', 'c', 'd', 'e'], 5);
    plan.rotation.layers[0]!.memberOrder = ['a', 'b', 'c', 'd'];
    plan.shifts = plan.shifts.map((s) => (s.memberId === 'e' ? { ...s, memberId: 'a' } : s));
    const s = suggest(plan, 'primary-2027-04-05');
    expect(s.candidates.find((c) => c.memberId === 'e')).toMatchObject({
      eligible: false,
      blocks: [{ rule: 'not-in-layer', message: 'e is not in the Primary rotation' }],
    });
    plan.shifts[0] = { ...plan.shifts[0]!, pinned: true };
    expect(swapCandidates(plan, 'primary-2027-04-05')).toBe(
      'the shift primary-2027-04-05 is pinned; unpin it before giving it to someone else',
    );
    expect(swapCandidates(plan, 'nope')).toBe('no shift has id "nope"');
  });
});

describe('shift:apply-proposal', () => {
  it('replaces only the periods in the window with the proposal, in one validated edit', async () => {
    // Current: a a b b c c d d (back-to-back everywhere); round-robin proposes a b c d … over weeks 3–6 only.
    const plan = hoursPlan(['a', 'b', 'c', 'd'], 8);
    const order = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    plan.shifts = plan.shifts.map((s, k) => ({ ...s, memberId: order[k]! }));
    const window = { from: '2027-04-19', to: '2027-05-16' };
    const result = await optimizePlan(plan, { strategy: 'round-robin', ...window }, noSolver);
    const proposal = result.proposal!;
    const edited = applyEdit(
      plan,
      { kind: 'shift:apply-proposal', shifts: proposal.shifts, ...window },
      '2027-02-01T00:00:00.000Z',
    );
    if (!edited.ok) throw new Error(edited.reason);
    const after = primaryOrder(edited.plan);
    expect(after.slice(0, 2)).toEqual(['a', 'a']);
    expect(after.slice(6)).toEqual(['d', 'd']);
    expect(after.slice(2, 6)).toEqual(primaryOrder(proposal.plan).slice(2, 6));
    expect(after.slice(2, 6)).not.toEqual(['b', 'b', 'c', 'c']);
    expect(edited.plan.shifts).toHaveLength(8);
    expect(edited.plan.meta.updatedAt).toBe('2027-02-01T00:00:00.000Z');
  });

  it('refuses a window that ends before it starts', () => {
    const plan = hoursPlan(['a', 'b'], 2);
    const out = replaceShiftsInWindow(plan, [], { from: '2027-05-01', to: '2027-04-01' });
    expect(out).toEqual({
      ok: false,
      reason: 'the window ends (2027-04-01) before it starts (2027-05-01)',
      problems: [],
    });
  });
});
