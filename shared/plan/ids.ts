/** A readable id from a name: lower case, ASCII letters and digits joined by "-", at most 40 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug;
}

/**
 * `base`, or `base-2`, `base-3`, … — the first that is not taken. Why readable ids: they end up in skills, exports
 * and the plan file, where "profit-fx" says more than a UUID.
 */
export function uniqueId(base: string, taken: Iterable<string>, fallback = 'item'): string {
  const used = new Set(taken);
  const root = base === '' ? fallback : base;
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
