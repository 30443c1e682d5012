import { escapeHtml } from '../document/render-html';
import type { Analysis } from '../fairness/analyze';
import type { Plan } from '../plan/schema';
import { reportColor } from './report-calendar';

const WIDTH = 680;
const LABEL = 150;
const RIGHT = 120;
const ROW = 34;
const TOP = 28;

/** Layer colours for stacked bars: the first layer darkest. */
const LAYER_COLORS = ['#334e68', '#829ab1', '#bcccdc', '#d9e2ec'] as const;
/** Category colours (weekend, holiday, night, investor week). */
const CATEGORY_COLORS = ['#d97706', '#dc2626', '#4f46e5', '#059669'] as const;

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
const px = (v: number) => (Math.round(v * 10) / 10).toString();

/** A scale from 0..max to 0..width, never dividing by 0. */
function scale(max: number): (v: number) => number {
  const width = WIDTH - LABEL - RIGHT;
  return (v) => (max > 0 ? (v / max) * width : 0);
}

function svgOpen(title: string, desc: string, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="t-${slug(title)} d-${slug(title)}"><title id="t-${slug(title)}">${escapeHtml(title)}</title><desc id="d-${slug(title)}">${escapeHtml(desc)}</desc>`;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function legend(items: { label: string; color: string; kind?: 'bar' | 'tick' }[]): string {
  let x = LABEL;
  return items
    .map(({ label, color, kind = 'bar' }) => {
      const mark =
        kind === 'bar'
          ? `<rect x="${x}" y="6" width="12" height="12" fill="${color}"/>`
          : `<rect x="${x + 5}" y="4" width="3" height="16" fill="${color}"/>`;
      const out = `${mark}<text x="${x + 17}" y="16" font-size="12">${escapeHtml(label)}</text>`;
      x += 30 + label.length * 7;
      return out;
    })
    .join('');
}

/**
 * Weighted load against fair share per member as a horizontal bar chart (inline SVG): the bar in the member's
 * colour, a dark tick at the fair share, the numbers at the end. Why a tick and not a second bar: the question is
 * "how far from what they owe", which reads best as a bar against a mark.
 */
export function loadVsFairShareSvg(plan: Plan, analysis: Analysis): string {
  const members = analysis.members;
  const colors = new Map(plan.members.map((m) => [m.id, m.color]));
  const max = Math.max(0, ...members.flatMap((m) => [m.weightedLoad, m.fairShare]));
  const x = scale(max);
  const height = TOP + members.length * ROW + 8;
  const rows = members.map((m, i) => {
    const y = TOP + i * ROW;
    const w = x(m.weightedLoad);
    const tick = LABEL + x(m.fairShare);
    return [
      `<text x="${LABEL - 8}" y="${y + 19}" font-size="13" text-anchor="end">${escapeHtml(m.name)}</text>`,
      `<rect x="${LABEL}" y="${y + 6}" width="${px(w)}" height="18" rx="2" fill="${reportColor(colors.get(m.id))}"/>`,
      `<rect x="${px(tick - 1.5)}" y="${y + 2}" width="3" height="26" fill="#1f2933"/>`,
      `<text x="${px(LABEL + Math.max(w, x(m.fairShare)) + 6)}" y="${y + 19}" font-size="12">${fmt(m.weightedLoad)} / ${fmt(m.fairShare)}</text>`,
    ].join('');
  });
  return `${svgOpen('Weighted load against fair share', 'One bar per member: weighted load, with a dark mark at the fair share.', height)}${legend(
    [
      { label: 'Weighted load', color: '#9aa5b1' },
      { label: 'Fair share', color: '#1f2933', kind: 'tick' },
    ],
  )}${rows.join('')}</svg>`;
}

/**
 * On-call hours per member as stacked bars, one segment per rotation layer (inline SVG).
 * Why by layer: the hour categories (weekend, holiday, night, investor week) overlap — a Saturday night is both —
 * so stacking them would count hours twice; layers split the hours exactly.
 */
export function hoursByLayerSvg(plan: Plan, analysis: Analysis): string {
  const layers = plan.rotation.layers;
  const members = analysis.members;
  const max = Math.max(0, ...members.map((m) => m.layers.reduce((s, l) => s + l.hours, 0)));
  const x = scale(max);
  const height = TOP + members.length * ROW + 8;
  const rows = members.map((m, i) => {
    const y = TOP + i * ROW;
    let at = LABEL;
    const segments = layers.map((layer, li) => {
      const hours = m.layers.find((l) => l.layerId === layer.id)?.hours ?? 0;
      const w = x(hours);
      const rect = `<rect x="${px(at)}" y="${y + 6}" width="${px(w)}" height="18" fill="${LAYER_COLORS[li % LAYER_COLORS.length]}"><title>${escapeHtml(`${m.name}, ${layer.name}: ${fmt(hours)} h`)}</title></rect>`;
      at += w;
      return rect;
    });
    const total = m.layers.reduce((s, l) => s + l.hours, 0);
    return `<text x="${LABEL - 8}" y="${y + 19}" font-size="13" text-anchor="end">${escapeHtml(m.name)}</text>${segments.join('')}<text x="${px(at + 6)}" y="${y + 19}" font-size="12">${fmt(total)} h</text>`;
  });
  return `${svgOpen('On-call hours by layer', 'Stacked bars: hours on call per member, one segment per rotation layer.', height)}${legend(
    layers.map((l, li) => ({ label: l.name, color: LAYER_COLORS[li % LAYER_COLORS.length]! })),
  )}${rows.join('')}</svg>`;
}

/**
 * The hours of each kind per member as grouped bars (weekend, holiday, night, investor week), inline SVG.
 * Grouped, not stacked: the kinds overlap (see hoursByLayerSvg).
 */
export function hoursByCategorySvg(analysis: Analysis): string {
  const kinds = [
    { label: 'Weekend', get: (m: Analysis['members'][number]) => m.weekendHours },
    { label: 'Holiday', get: (m: Analysis['members'][number]) => m.holidayHours },
    { label: 'Night', get: (m: Analysis['members'][number]) => m.nightHours },
    { label: 'Investor week', get: (m: Analysis['members'][number]) => m.investorWeekHours },
  ];
  const members = analysis.members;
  const max = Math.max(0, ...members.flatMap((m) => kinds.map((k) => k.get(m))));
  const x = scale(max);
  const bar = 9;
  const group = kinds.length * bar + 14;
  const height = TOP + members.length * group + 8;
  const rows = members.map((m, i) => {
    const y = TOP + i * group;
    const bars = kinds.map((k, ki) => {
      const v = k.get(m);
      const by = y + 4 + ki * bar;
      return `<rect x="${LABEL}" y="${by}" width="${px(x(v))}" height="${bar - 1}" fill="${CATEGORY_COLORS[ki]}"><title>${escapeHtml(`${m.name}, ${k.label}: ${fmt(v)} h`)}</title></rect><text x="${px(LABEL + x(v) + 4)}" y="${by + 8}" font-size="9">${fmt(v)}</text>`;
    });
    return `<text x="${LABEL - 8}" y="${y + 4 + (kinds.length * bar) / 2 + 4}" font-size="13" text-anchor="end">${escapeHtml(m.name)}</text>${bars.join('')}`;
  });
  return `${svgOpen('Hours by category', 'Grouped bars per member: weekend, holiday, night and investor-week hours on call (they overlap).', height)}${legend(
    kinds.map((k, ki) => ({ label: k.label, color: CATEGORY_COLORS[ki]! })),
  )}${rows.join('')}</svg>`;
}
