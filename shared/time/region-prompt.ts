/** A holiday country as the region fields see it: its name and its subdivisions. */
export type PromptCountry = { name: string; subdivisions: readonly unknown[] };

/**
 * What a member's region field says (one short line under its label): a country with regions asks for one,
 * because its regional holidays (England's late summer bank holiday, Bavaria's Epiphany) are counted only when the
 * member's region is known.
 * Why a file of its own: the member form and the guided setup ask in the same words, without loading date-holidays
 * into the renderer.
 */
export function regionPrompt(country: PromptCountry | undefined, subdivision: string): string {
  if (!country) return 'Pick a country first';
  if (country.subdivisions.length === 0) return 'This country has no regions';
  if (subdivision) return 'Its regional holidays are counted';
  return 'Pick one to count regional holidays';
}

/** True when a region field should still ask: the country has regions and none is picked. */
export function regionMissing(country: PromptCountry | undefined, subdivision: string): boolean {
  return !!country && country.subdivisions.length > 0 && !subdivision;
}
