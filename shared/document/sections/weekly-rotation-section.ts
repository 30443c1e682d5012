import { firstHandoffDate } from '../../rotation/generate-shifts';
import { addDays } from '../../time/zoned';
import { memberOrMissing, type DocContext } from '../doc-context';
import {
  bullets,
  item,
  missing,
  paragraph,
  section,
  strong,
  text,
  type DocBlock,
  type DocInline,
  type DocListItem,
} from '../document-model';
import { dayAndDate, weekdayName } from '../format';
import { describeCover } from '../../rotation/describe-cover';
import { isShadowShift } from '../../rotation/shadow-shifts';

/** The longest cycle the document spells out; beyond it the cycle is too long to read as a list anyway. */
const MAX_CYCLE = 52;
/** The most deviations from the cycle listed one by one. */
const MAX_CHANGES = 25;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function changes(ctx: DocContext): DocBlock[] {
  const { plan } = ctx;
  const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  const changed = plan.shifts
    .filter((s) => s.source !== 'generated' && !isShadowShift(s))
    .map((s) => ({ s, date: ctx.holidays.clock.localDate(s.start, ctx.zone) }))
    .filter(({ date }) => date >= ctx.from && date <= ctx.to)
    .sort((a, b) => (a.s.start < b.s.start ? -1 : a.s.start > b.s.start ? 1 : 0));
  if (changed.length === 0) {
    return [
      paragraph(
        text('Every shift in this period follows the cycle (no swaps, overrides or manual changes).'),
      ),
    ];
  }
  const items: DocListItem[] = changed.slice(0, MAX_CHANGES).map(({ s, date }) =>
    item(
      strong(`${dayAndDate(date)}, ${layerName(s.layerId)}:`),
      text(' '),
      ...memberOrMissing(ctx, s.memberId),
      text(
        ` (${s.source})${[describeCover(ctx.plan, s), s.note]
          .filter(Boolean)
          .map((w) => ` — ${w}`)
          .join('')}`,
      ),
    ),
  );
  if (changed.length > MAX_CHANGES) items.push(item(text(`… and ${changed.length - MAX_CHANGES} more.`)));
  return [paragraph(strong(`Changes to the cycle (${changed.length}):`)), bullets(items)];
}

/**
 * "### Weekly Rotation": the repeating cycle (Week 1..N with each layer's member), the concrete dates of its first
 * turn, and the shifts that deviate from it (swaps, overrides, manual changes) in the document's window.
 */
export function weeklyRotationSection(ctx: DocContext): DocBlock {
  const { rotation } = ctx.plan;
  const layers = rotation.layers.filter((l) => l.memberOrder.length > 0);
  if (layers.length === 0) {
    return section(3, 'Weekly Rotation', [
      paragraph(missing('No rotation order yet — add team members to the rotation in Calendar.')),
    ]);
  }
  const lengths = layers.map((l) => l.memberOrder.length);
  const full = lengths.reduce((a, b) => (a * b) / gcd(a, b));
  const cycle = Math.min(full, MAX_CYCLE);
  const days = rotation.shiftLengthDays;
  const unit = days === 7 ? 'Week' : 'Shift';
  const first = firstHandoffDate(rotation);
  const every =
    days % 7 === 0
      ? `every ${days === 7 ? '' : `${days / 7} weeks on `}${weekdayName(rotation.handoff.weekday)}`
      : `every ${days} days`;
  const intro = paragraph(
    text(
      `Handoff ${every} at ${rotation.handoff.time} (${rotation.timeZone}). ` +
        `The ${cycle}-${unit.toLowerCase()} cycle below repeats from ${rotation.startDate} to ${rotation.endDate}` +
        (full > cycle
          ? ` (the full cycle is ${full} ${unit.toLowerCase()}s; the first ${cycle} are shown).`
          : '.'),
    ),
  );
  const items = Array.from({ length: cycle }, (_, k) => {
    const start = addDays(first, k * days);
    const end = addDays(start, days);
    const content: DocInline[] = [strong(`${unit} ${k + 1}:`)];
    layers.forEach((layer, i) => {
      content.push(text(`${i === 0 ? ' ' : '; '}${layer.name} `));
      content.push(...memberOrMissing(ctx, layer.memberOrder[k % layer.memberOrder.length]!));
    });
    if (end <= rotation.endDate) {
      content.push(text(` — first turn ${dayAndDate(start)} ${rotation.handoff.time} → ${dayAndDate(end)}`));
    }
    return item(...content);
  });
  return section(3, 'Weekly Rotation', [intro, bullets(items), ...changes(ctx)]);
}
