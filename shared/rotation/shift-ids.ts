/**
 * `base` if no shift uses it yet, else `base-2`, `base-3`, … ; the chosen id is added to `taken`.
 * Why: generated pieces, split shifts and manual shifts must never collide with an id the user already has.
 */
export function uniqueShiftId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
