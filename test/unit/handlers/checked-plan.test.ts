import { checkedPlan } from '../../../electron/handlers/checked-plan';
import { IpcError } from '../../../electron/handlers/ipc-error';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

function refusal(raw: unknown): IpcError {
  try {
    checkedPlan(raw, 'Nothing was published');
  } catch (error) {
    if (error instanceof IpcError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

describe('checkedPlan: the one door for a whole plan in a request', () => {
  it('hands back a valid plan as parsed', () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    expect(checkedPlan(plan, 'Nothing was published').members.map((m) => m.id)).toEqual(
      plan.members.map((m) => m.id),
    );
  });

  it('names the first three problems and counts the rest', () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    const broken = { ...plan, members: plan.members.map((m) => ({ ...m, email: 'not an e-mail' })) };
    const error = refusal(broken);
    expect(error.code).toBe('invalid-plan');
    expect(error.problems?.length).toBe(plan.members.length);
    expect(error.message).toMatch(
      /^Nothing was published: members\[0\]\.email: [^;]+; members\[1\]\.email: [^;]+; members\[2\]\.email: [^;]+ and 1 more\.$/,
    );
  });

  it('a plan from a newer Rotaplan is refused as such, not as invalid', () => {
    const error = refusal({ ...createSamplePlan('2026-11-27T00:00:00.000Z'), schemaVersion: 99 });
    expect(error.code).toBe('newer-version');
    expect(error.message).toBe(
      'Nothing was published: schemaVersion: this plan was written by a newer Rotaplan (schema 99; this version reads up to 2); update Rotaplan to open it.',
    );
  });
});
