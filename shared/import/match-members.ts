import type { Layer, Member } from '../plan/schema';
import type { IcsPerson } from './ics-events';

/** How an imported person was tied to a member: by e-mail, by name, or by the user's own mapping. */
export type MatchedBy = 'email' | 'name' | 'map';

/**
 * A name reduced to compare: accents dropped, case folded, punctuation and dots as spaces.
 * Why: "Priya Raman", "priya.raman" and "PRIYA  RAMAN" are one person across tools.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable key for an imported person: the lower-cased e-mail, else the normalised name. */
export function personKey(person: IcsPerson): string {
  if (person.email) return person.email.toLowerCase();
  if (person.name) return `name:${normaliseName(person.name)}`;
  return '(no name)';
}

/** How a person reads in a list: name and e-mail where known. */
export function personLabel(person: IcsPerson): string {
  if (person.name && person.email) return `${person.name} <${person.email}>`;
  return person.name ?? person.email ?? 'the calendar owner (no name in the file)';
}

/**
 * Finds the member an imported person is: the user's mapping first, then e-mail (case-insensitive), then name
 * (normalised: full name, the e-mail's local part, or a first name no other member shares).
 * Why this order: an explicit choice beats a guess, an address is unique, a name is only nearly so.
 * `map` keys are e-mails, names or person keys as the user typed them; values are member ids.
 */
export function matchMember(
  members: readonly Member[],
  person: IcsPerson,
  map: ReadonlyMap<string, string>,
): { memberId: string; by: MatchedBy } | null {
  const keys = [personKey(person), person.email?.toLowerCase(), person.name && normaliseName(person.name)];
  for (const key of keys) {
    const mapped = key ? map.get(key) : undefined;
    if (mapped && members.some((m) => m.id === mapped)) return { memberId: mapped, by: 'map' };
  }
  if (person.email) {
    const email = person.email.toLowerCase();
    const found = members.find((m) => m.email.toLowerCase() === email);
    if (found) return { memberId: found.id, by: 'email' };
  }
  const candidates = [person.name, person.email?.split('@')[0]]
    .filter((n): n is string => !!n)
    .map(normaliseName);
  for (const name of candidates) {
    if (name === '') continue;
    const byName = members.find((m) => normaliseName(m.name) === name);
    if (byName) return { memberId: byName.id, by: 'name' };
    const byLocal = members.find((m) => normaliseName(m.email.split('@')[0] ?? '') === name);
    if (byLocal) return { memberId: byLocal.id, by: 'name' };
    const byFirst = members.filter((m) => normaliseName(m.name).split(' ')[0] === name);
    if (byFirst.length === 1) return { memberId: byFirst[0]!.id, by: 'name' };
  }
  return null;
}

/** The normalised form of a user's mapping key (an e-mail stays an e-mail, a name is normalised). */
export function mappingKey(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  if (trimmed.startsWith('name:') || trimmed.startsWith('(')) return trimmed;
  return normaliseName(trimmed);
}

const LEVEL = /\bL(\d+)\b/i;

/**
 * The plan layer an event's text suggests: a layer named in it (id or name), "L1"/"L2" as first/second layer,
 * "backup" as the second, else the plan's first layer.
 * Why a guess is fine: the Import dialog shows the layer of every entry before anything changes.
 */
export function guessLayer(layers: readonly Layer[], text: string): string {
  const lower = ` ${normaliseName(text)} `;
  let best: { id: string; length: number } | null = null;
  for (const layer of layers) {
    for (const label of [layer.id, layer.name]) {
      const n = normaliseName(label);
      if (n !== '' && lower.includes(` ${n} `) && (!best || n.length > best.length))
        best = { id: layer.id, length: n.length };
    }
  }
  if (best) return best.id;
  const level = LEVEL.exec(text);
  if (level) {
    const index = Number(level[1]) - 1;
    if (index >= 0 && index < layers.length) return layers[index]!.id;
  }
  if (/\bbackup\b/i.test(text) && layers.length > 1) return layers[1]!.id;
  return layers[0]!.id;
}
