/**
 * A run of text in the plan document. `member` carries the member's colour so HTML can draw a chip; `missing` says
 * plainly what is not filled in yet (rendered in italics), so no placeholder is ever printed.
 */
export type DocInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'member'; name: string; color: string }
  | { kind: 'missing'; text: string };

/** A list item: its own line and nested blocks (a sub-list, for instance). */
export type DocListItem = { content: DocInline[]; children: DocBlock[] };

/**
 * A block of the plan document. Sections nest and carry the heading, so the Markdown and HTML renderers walk the
 * same tree and the headings come out in the same order in both.
 */
export type DocBlock =
  | {
      kind: 'section';
      level: 2 | 3 | 4;
      title: string;
      id: string;
      variant: 'plain' | 'runbook';
      blocks: DocBlock[];
    }
  | { kind: 'paragraph'; content: DocInline[] }
  | { kind: 'label'; text: string }
  | { kind: 'list'; ordered: boolean; items: DocListItem[] }
  | { kind: 'table'; columns: string[]; rows: DocInline[][][] }
  | { kind: 'rule' };

/** The filled plan document: a title, header facts (organisation, generated date, …) and the sections. */
export type PlanDocument = {
  title: string;
  facts: { label: string; value: DocInline[] }[];
  intro: DocInline[];
  blocks: DocBlock[];
};

/** Plain text. */
export const text = (value: string): DocInline => ({ kind: 'text', text: value });
/** Bold text (labels such as "Week 1:"). */
export const strong = (value: string): DocInline => ({ kind: 'strong', text: value });
/** Code (cron expressions). */
export const code = (value: string): DocInline => ({ kind: 'code', text: value });
/** What is missing, said plainly. */
export const missing = (value: string): DocInline => ({ kind: 'missing', text: value });
/** A member by name, with their colour chip in HTML. */
export const memberInline = (member: { name: string; color: string }): DocInline => ({
  kind: 'member',
  name: member.name,
  color: member.color,
});

/** A list item without children. */
export const item = (...content: DocInline[]): DocListItem => ({ content, children: [] });

/** A bullet list. */
export const bullets = (items: DocListItem[]): DocBlock => ({ kind: 'list', ordered: false, items });

/** A paragraph. */
export const paragraph = (...content: DocInline[]): DocBlock => ({ kind: 'paragraph', content });

/** A URL-safe anchor from a heading, so HTML links and print bookmarks are stable. */
export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** A section with a heading. */
export function section(
  level: 2 | 3 | 4,
  title: string,
  blocks: DocBlock[],
  variant: 'plain' | 'runbook' = 'plain',
): DocBlock {
  return { kind: 'section', level, title, id: slug(title), variant, blocks };
}

/** Parts joined for a sentence: "A", "A and B", "A, B and C", as inlines so each member keeps its chip. */
export function joinInlines(parts: DocInline[][], separator = ', ', last = ' and '): DocInline[] {
  const out: DocInline[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(text(i === parts.length - 1 ? last : separator));
    out.push(...part);
  });
  return out;
}
