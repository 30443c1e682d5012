import { slugify, uniqueId } from '../../../shared/plan/ids';
import { newPipeline } from '../../../shared/plan/new-pipeline';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { validatePlan } from '../../../shared/plan/validate';

describe('readable ids', () => {
  it('slugifies names to lower-case ASCII joined by dashes, at most 40 characters', () => {
    expect(slugify('  Aggregated (executives & investors) ')).toBe('aggregated-executives-investors');
    expect(slugify('Chloé Martin')).toBe('chloe-martin');
    expect(slugify('???')).toBe('');
    expect(slugify('a'.repeat(39) + ' b')).toBe('a'.repeat(39));
  });

  it('numbers a taken id and falls back when the name has no letters', () => {
    expect(uniqueId('profit', ['growth'])).toBe('profit');
    expect(uniqueId('profit', ['profit', 'profit-2'])).toBe('profit-3');
    expect(uniqueId('', ['pipeline'], 'pipeline')).toBe('pipeline-2');
  });
});

describe('newPipeline', () => {
  it('gives a free id and working defaults, and the plan with it stays valid', () => {
    const plan = createSamplePlan('2026-11-27T09:00:00Z');
    const pipeline = newPipeline(plan, { name: ' Profit ', criticality: 'high', reportsToInvestors: true });
    expect(pipeline).toMatchObject({
      id: 'profit-2',
      name: 'Profit',
      criticality: 'high',
      reportsToInvestors: true,
      schedule: { kind: 'cron', expression: '0 2 * * *', timeZone: 'America/Los_Angeles' },
    });
    expect(validatePlan({ ...plan, pipelines: [...plan.pipelines, pipeline] }).ok).toBe(true);
  });
});
