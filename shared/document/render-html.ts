import { assertNever } from '../plan/edits';
import type { DocBlock, DocInline, DocListItem, PlanDocument } from './document-model';
import { PLAN_DOCUMENT_CSS } from './html-styles';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A member colour as CSS, only when it is a plain #rrggbb; anything else falls back to grey, never into the page. */
function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#9aa5b1';
}

function inline(part: DocInline): string {
  switch (part.kind) {
    case 'text':
      return escapeHtml(part.text);
    case 'strong':
      return `<strong>${escapeHtml(part.text)}</strong>`;
    case 'code':
      return `<code>${escapeHtml(part.text)}</code>`;
    case 'member':
      return `<span class="member"><span class="chip" style="background-color:${safeColor(part.color)}" aria-hidden="true"></span>${escapeHtml(part.name)}</span>`;
    case 'missing':
      return `<em class="missing">${escapeHtml(part.text)}</em>`;
    default:
      return assertNever(part);
  }
}

const inlines = (parts: DocInline[]) => parts.map(inline).join('');

class Ids {
  private readonly used = new Map<string, number>();
  /** A unique id: two runbooks with the same name get `-2`, `-3`, … */
  take(id: string): string {
    const n = (this.used.get(id) ?? 0) + 1;
    this.used.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  }
}

function listItem(entry: DocListItem, ids: Ids): string {
  return `<li>${inlines(entry.content)}${entry.children.map((c) => block(c, ids)).join('')}</li>`;
}

function block(b: DocBlock, ids: Ids): string {
  switch (b.kind) {
    case 'section': {
      const cls = b.variant === 'runbook' ? ' class="runbook"' : '';
      const body = b.blocks.map((c) => block(c, ids)).join('\n');
      return `<section id="${escapeHtml(ids.take(b.id))}"${cls}>\n<h${b.level}>${escapeHtml(b.title)}</h${b.level}>\n${body}\n</section>`;
    }
    case 'paragraph':
      return `<p>${inlines(b.content)}</p>`;
    case 'label':
      return `<p class="label"><strong>${escapeHtml(b.text)}</strong></p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((entry) => listItem(entry, ids)).join('')}</${tag}>`;
    }
    case 'table': {
      const head = b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const rows = b.rows
        .map(
          (cells) =>
            `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${inlines(cell)}</th>` : `<td>${inlines(cell)}</td>`)).join('')}</tr>`,
        )
        .join('\n');
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
    case 'rule':
      return '<hr>';
    default:
      return assertNever(b);
  }
}

/**
 * Renders the plan document as one self-contained, printable HTML page: inline CSS with print rules, every text
 * escaped, member colour chips, and a Content-Security-Policy that allows no script or outside resource at all —
 * the file may be opened from anywhere, so it must not be able to run or fetch anything.
 */
export function renderHtml(doc: PlanDocument): string {
  const ids = new Ids();
  const facts = doc.facts
    .map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${inlines(f.value)}</dd></div>`)
    .join('');
  const intro = doc.intro.length > 0 ? `\n<p class="intro">${inlines(doc.intro)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${PLAN_DOCUMENT_CSS}</style>
</head>
<body>
<main>
<header class="doc-header">
<h1>${escapeHtml(doc.title)}</h1>
<dl class="facts">${facts}</dl>${intro}
</header>
${doc.blocks.map((b) => block(b, ids)).join('\n')}
</main>
</body>
</html>
`;
}
