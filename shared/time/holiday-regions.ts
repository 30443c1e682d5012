import Holidays from 'date-holidays';
import type { HolidayRegion, Plan } from '../plan/schema';
import type { PlanProblem } from '../plan/validate';

/** A country and its subdivisions as date-holidays names them. */
export type RegionCountry = { code: string; name: string; subdivisions: { code: string; name: string }[] };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Every country date-holidays knows, with its subdivisions, sorted by name.
 * Why from the library: a holiday region the user picks must be one the holiday engine can compute.
 */
export function listHolidayRegions(): RegionCountry[] {
  const hd = new Holidays();
  const countries = hd.getCountries('en');
  return Object.entries(countries)
    .map(([code, name]) => {
      const states = hd.getStates(code, 'en') ?? {};
      return {
        code,
        name,
        subdivisions: Object.entries(states)
          .map(([sub, subName]) => ({ code: sub, name: subName }))
          .sort(byName),
      };
    })
    .sort(byName);
}

/** Why a holiday region is not one date-holidays knows, or null when it is. */
export function holidayRegionProblem(region: HolidayRegion): string | null {
  const hd = new Holidays();
  const countries = hd.getCountries('en');
  if (!countries[region.country]) return `date-holidays knows no country "${region.country}"`;
  if (region.subdivision) {
    const states = hd.getStates(region.country, 'en') ?? {};
    if (!states[region.subdivision]) {
      return `date-holidays knows no subdivision "${region.subdivision}" of ${countries[region.country]}`;
    }
  }
  return null;
}

/** Every holiday region in a plan that date-holidays does not know, with its JSON path. */
export function planRegionProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  plan.members.forEach((m, i) => {
    const problem = holidayRegionProblem(m.holidayRegion);
    if (problem) problems.push({ path: `members[${i}].holidayRegion`, message: problem });
  });
  const planProblem = holidayRegionProblem(plan.coverage.holidays.planRegion);
  if (planProblem) problems.push({ path: 'coverage.holidays.planRegion', message: planProblem });
  return problems;
}
