import { isShadowShift } from '../../rotation/shadow-shifts';
import { memberOrMissing, type DocContext } from '../doc-context';
import {
  bullets,
  item,
  paragraph,
  section,
  strong,
  text,
  type DocBlock,
  type DocListItem,
} from '../document-model';
import { dayAndDate } from '../format';

/** The most shadow shifts listed one by one. */
const MAX_SHADOWS = 25;

/**
 * "#### Shadow Shifts": the learners who shadow the person on call in the document's window, each shift marked
 * "(shadow)" with its layer and dates; none (no heading at all) when the window has no shadow shift.
 * Why apart from the rotation: a shadow is never coverage, so the on-call lists above leave it out.
 */
export function shadowSection(ctx: DocContext): DocBlock[] {
  const { plan } = ctx;
  const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
  const shadows = plan.shifts
    .filter(isShadowShift)
    .map((s) => ({ s, date: ctx.holidays.clock.localDate(s.start, ctx.zone) }))
    .filter(({ date }) => date >= ctx.from && date <= ctx.to)
    .sort((a, b) => (a.s.start < b.s.start ? -1 : a.s.start > b.s.start ? 1 : 0));
  if (shadows.length === 0) return [];
  const items: DocListItem[] = shadows
    .slice(0, MAX_SHADOWS)
    .map(({ s, date }) =>
      item(
        strong(`${dayAndDate(date)}, ${layerName(s.layerId)}:`),
        text(' '),
        ...memberOrMissing(ctx, s.memberId),
        text(` (shadow) until ${dayAndDate(ctx.holidays.clock.localDate(s.end, ctx.zone))}`),
      ),
    );
  if (shadows.length > MAX_SHADOWS) items.push(item(text(`… and ${shadows.length - MAX_SHADOWS} more.`)));
  return [
    section(3, 'Shadow Shifts', [
      paragraph(
        text(
          'Learners shadow the person on call to learn the rotation. A shadow is not on call: it covers nothing and is not paged.',
        ),
      ),
      bullets(items),
    ]),
  ];
}
