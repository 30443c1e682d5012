import { assertNever } from '../plan/edits';
import type { DocBlock, DocInline, DocListItem, PlanDocument } from './document-model';

/**
 * Escapes text for Markdown (CommonMark + GFM tables): line breaks fold into spaces, and the characters that start
 * emphasis, code, links, HTML or table cells get a backslash. `&` is escaped only where it would read as an entity,
 * so "Executives & investors" stays as written.
 */
export function escapeMarkdown(value: string): string {
  return (
    value
      .replace(/\s*\r?\n\s*/g, ' ')
      .replace(/[\\`*[\]<>|~]/g, '\\$&')
      // An underscore between two letters or digits never starts emphasis (CommonMark), so "fact_revenue" stays clean.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  );
}

/** A line that would start a list, quote or heading is guarded so it stays a paragraph. */
function guardLineStart(line: string): string {
  if (/^[-+>#=]/.test(line)) return `\\${line}`;
  const number = /^(\d+)([.)])/.exec(line);
  return number ? `${number[1]}\\${line.slice(number[1]!.length)}` : line;
}

function inlineCode(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value.replace(/\s*\r?\n\s*/g, ' ')}${pad}${fence}`;
}

function inline(part: DocInline): string {
  switch (part.kind) {
    case 'text':
      return escapeMarkdown(part.text);
    case 'strong':
      return `**${escapeMarkdown(part.text)}**`;
    case 'code':
      return inlineCode(part.text);
    case 'member':
      return escapeMarkdown(part.name);
    case 'missing':
      return `_${escapeMarkdown(part.text)}_`;
    default:
      return assertNever(part);
  }
}

function inlines(parts: DocInline[]): string {
  return parts.map(inline).join('');
}

const indent = (block: string, width: number) =>
  block
    .split('\n')
    .map((line) => (line === '' ? line : `${' '.repeat(width)}${line}`))
    .join('\n');

function listItem(entry: DocListItem, marker: string): string {
  const head = `${marker}${guardLineStart(inlines(entry.content))}`;
  const children = entry.children.map((child) => indent(block(child), marker.length));
  return [head, ...children].join('\n');
}

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'section': {
      const title = escapeMarkdown(b.title).replace(
        /(\s)(#+)$/,
        (_, space: string, hashes: string) => `${space}\\${hashes}`,
      );
      return [`${'#'.repeat(b.level)} ${title}`, ...b.blocks.map(block)].join('\n\n');
    }
    case 'paragraph':
      return guardLineStart(inlines(b.content));
    case 'label':
      return `**${escapeMarkdown(b.text)}**`;
    case 'list':
      return b.items.map((entry, i) => listItem(entry, b.ordered ? `${i + 1}. ` : '- ')).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [
        row(b.columns.map(escapeMarkdown)),
        row(b.columns.map(() => '---')),
        ...b.rows.map((cells) => row(cells.map(inlines))),
      ].join('\n');
    }
    case 'rule':
      return '---';
    default:
      return assertNever(b);
  }
}

/**
 * Renders the plan document as Markdown: "# title", the header facts as a list, then every section one level below
 * the title (## numbered sections, ### sub-sections and runbooks), so no heading level is skipped. Blocks are separated by blank lines, so
 * a "---" rule never turns the line above it into a heading.
 */
export function renderMarkdown(doc: PlanDocument): string {
  const parts = [
    `# ${escapeMarkdown(doc.title)}`,
    doc.facts.map((f) => `- **${escapeMarkdown(f.label)}:** ${inlines(f.value)}`).join('\n'),
    ...(doc.intro.length > 0 ? [guardLineStart(inlines(doc.intro))] : []),
    ...doc.blocks.map(block),
  ];
  return `${parts.join('\n\n')}\n`;
}
