/**
 * The member palette: one distinct, colour-blind-aware colour per team member, in order of assignment.
 * Why here: the calendar, charts and every export draw a member in the same colour, so the palette lives in the
 * domain, not in one view.
 */
export const MEMBER_PALETTE = [
  '#2563eb', // blue
  '#d97706', // amber
  '#059669', // green
  '#db2777', // pink
  '#7c3aed', // violet
  '#0891b2', // cyan
  '#dc2626', // red
  '#65a30d', // lime
  '#9333ea', // purple
  '#0d9488', // teal
  '#ea580c', // orange
  '#4f46e5', // indigo
] as const;

/** The first palette colour no member uses yet, or a palette colour by position when all are taken. */
export function nextMemberColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  const free = MEMBER_PALETTE.find((c) => !taken.has(c));
  return free ?? MEMBER_PALETTE[used.length % MEMBER_PALETTE.length]!;
}
