import type { z } from 'zod';
import type { fairnessWeightsSchema, limitsSchema } from './schema';

/**
 * The fairness weights of the fairness model (docs/architecture.md): weekday 1, weekend 1.5, holiday 2, night +0.5, investor week +0.5,
 * secondary half of primary. Why one constant: new plans and the sample start from the same numbers the
 * analysis documents, so a change to the defaults is made once.
 */
export const DEFAULT_WEIGHTS: z.infer<typeof fairnessWeightsSchema> = {
  weekday: 1,
  weekend: 1.5,
  holiday: 2,
  nightBonus: 0.5,
  investorWeekBonus: 0.5,
  secondaryFactor: 0.5,
};

/**
 * The limits a new plan starts with: at most 25 % of the time on call (Google SRE), no back-to-back shifts,
 * 10 % tolerance before a rotation counts as uneven, one shift in a row, eight pipelines owned per person.
 */
export const DEFAULT_LIMITS: z.infer<typeof limitsSchema> = {
  maxOnCallShare: 0.25,
  allowBackToBack: false,
  unevenThreshold: 0.1,
  maxConsecutiveShifts: 1,
  maxOwnershipLoad: 8,
};
