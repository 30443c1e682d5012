import type { Member, Plan } from '../../plan/schema';
import { isShadowShift } from '../../rotation/shadow-shifts';
import { majorHolidayDate } from '../../time/major-holidays';
import { localDate, zonedToInstant } from '../../time/zoned';
import { memberOrMissing, pipelineName, type DocContext } from '../doc-context';
import {
  item,
  joinInlines,
  memberInline,
  missing,
  section,
  strong,
  text,
  type DocBlock,
  type DocInline,
  type DocListItem,
} from '../document-model';
import { dayAndDate, hoursText, timeOffKindLabel } from '../format';
import { coverageHours, epochMs, localDaysWindow, onCallAt } from '../on-call';

type TimeOff = Member['timeOff'][number];

/** Who is on call in each layer at noon (plan zone) of a date: the person a holiday falls to. */
function onCallAtNoon(ctx: DocContext, date: string): DocInline[] {
  const noon = zonedToInstant(date, '12:00', ctx.zone);
  const parts = ctx.plan.rotation.layers.map((layer) => [
    text(`${layer.name} `),
    ...memberOrMissing(ctx, onCallAt(ctx.plan, layer.id, noon), 'nobody on call'),
  ]);
  return joinInlines(parts, ', ', ', ');
}

function majorHolidayItems(ctx: DocContext): DocListItem[] {
  const { plan } = ctx;
  const policy = plan.coverage.holidays;
  if (policy.majorHolidays.length === 0) {
    return [item(missing('No major holidays listed yet — add them to the holiday policy.'))];
  }
  const occurrences: { name: string; id: string; year: number; date: string; via: string }[] = [];
  for (let year = Number(ctx.from.slice(0, 4)); year <= Number(ctx.to.slice(0, 4)); year++) {
    for (const h of policy.majorHolidays) {
      const found = majorHolidayDate(ctx.holidays, h, year, policy.planRegion);
      if (found && found.date >= ctx.from && found.date <= ctx.to) {
        occurrences.push({ name: h.name, id: h.id, year, date: found.date, via: found.via });
      }
    }
  }
  occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const items: DocListItem[] = occurrences.map((o) => {
    const primaryLayer = plan.rotation.layers[0];
    const primary = primaryLayer
      ? onCallAt(plan, primaryLayer.id, zonedToInstant(o.date, '12:00', ctx.zone))
      : null;
    const before = policy.history.find((h) => h.holidayId === o.id && h.year === o.year - 1);
    const repeat =
      before && primary !== null && before.memberId === primary
        ? [text(` — also covered it in ${before.year}; consider a swap so it rotates.`)]
        : [];
    return item(
      strong(`${o.name}, ${dayAndDate(o.date)}:`),
      text(' '),
      ...onCallAtNoon(ctx, o.date),
      ...repeat,
    );
  });
  if (items.length === 0) {
    items.push(item(missing(`None of the major holidays falls between ${ctx.from} and ${ctx.to}.`)));
  }
  if (policy.history.length > 0) {
    const byHoliday = policy.majorHolidays
      .map((h) => ({
        h,
        entries: policy.history.filter((e) => e.holidayId === h.id).sort((a, b) => a.year - b.year),
      }))
      .filter(({ entries }) => entries.length > 0)
      .map(({ h, entries }) => [
        text(`${h.name}: `),
        ...joinInlines(
          entries.map((e) => [text(`${e.year} `), ...memberOrMissing(ctx, e.memberId)]),
          ', ',
          ', ',
        ),
      ]);
    items.push(item(strong('Holiday duty recorded:'), text(' '), ...joinInlines(byHoliday, '; ', '; ')));
  }
  return items;
}

function awayWindow(member: Member, t: TimeOff) {
  return localDaysWindow(t.start, t.end, member.timeZone);
}

function vacationItem(ctx: DocContext, member: Member, t: TimeOff): DocListItem {
  const { plan } = ctx;
  const window = awayWindow(member, t);
  const [from, to] = [epochMs(window.start), epochMs(window.end)];
  const note = t.note.trim() ? ` (${t.note.trim()})` : '';
  const content: DocInline[] = [
    memberInline(member),
    text(` — ${timeOffKindLabel(t.kind)}, ${t.start} to ${t.end}${note}. `),
  ];
  const own = plan.shifts.filter(
    (s) => s.memberId === member.id && !isShadowShift(s) && epochMs(s.start) < to && epochMs(s.end) > from,
  );
  if (own.length > 0) {
    const layerName = (id: string) => plan.rotation.layers.find((l) => l.id === id)?.name ?? id;
    const overlap = (s: (typeof own)[number]) =>
      Math.round((Math.min(to, epochMs(s.end)) - Math.max(from, epochMs(s.start))) / 360_000) / 10;
    const total = own.reduce((sum, s) => sum + overlap(s), 0);
    const when = own.map(
      (s) =>
        `${layerName(s.layerId)} ${hoursText(overlap(s))}, shift ${dayAndDate(localDate(s.start, ctx.zone))} → ${dayAndDate(localDate(s.end, ctx.zone))}`,
    );
    // A few hours at a handoff can be handed over early; a day or more needs a swap.
    content.push(
      strong(total >= 24 ? 'Needs a swap:' : 'Handoff overlap:'),
      text(` still on call during it (${when.join('; ')}). `),
    );
  } else {
    const cover = plan.rotation.layers
      .map((layer) => ({ layer, people: coverageHours(plan, layer.id, window.start, window.end) }))
      .filter(({ people }) => people.length > 0)
      .map(({ layer, people }) => [
        text(`${layer.name} `),
        ...joinInlines(people.map((p) => memberOrMissing(ctx, p.memberId))),
      ]);
    content.push(text('On call meanwhile: '));
    content.push(...(cover.length > 0 ? joinInlines(cover, '; ', '; ') : [missing('nobody is scheduled')]));
    content.push(text('. '));
  }
  const owned = plan.ownership.filter(
    (o) => o.primaryMemberId === member.id || o.secondaryMemberId === member.id,
  );
  if (owned.length > 0) {
    const parts = owned.map((o) => {
      const backupId = o.primaryMemberId === member.id ? o.secondaryMemberId : o.primaryMemberId;
      const backup = backupId && backupId !== member.id ? ctx.memberById.get(backupId) : undefined;
      const alsoAway =
        backup?.timeOff.some((b) => b.start <= t.end && t.start <= b.end) === true ? ' (also away then)' : '';
      return [
        text(`${pipelineName(ctx, o.pipelineId)} → `),
        ...(backup ? [memberInline(backup), text(alsoAway)] : [missing('no other owner')]),
      ];
    });
    content.push(
      text('Owned pipelines covered by the other owner: '),
      ...joinInlines(parts, '; ', '; '),
      text('.'),
    );
  }
  return item(...content);
}

function vacationItems(ctx: DocContext): DocListItem[] {
  const entries = ctx.plan.members
    .flatMap((m) => m.timeOff.map((t) => ({ m, t })))
    .filter(({ t }) => t.end >= ctx.from && t.start <= ctx.to)
    .sort((a, b) => (a.t.start < b.t.start ? -1 : a.t.start > b.t.start ? 1 : 0));
  if (entries.length === 0) {
    return [
      item(missing(`No time off in the plan between ${ctx.from} and ${ctx.to} — add it per member in Team.`)),
    ];
  }
  return entries.map(({ m, t }) => vacationItem(ctx, m, t));
}

function policyText(value: string, empty: string): DocInline[] {
  return value.trim() !== '' ? [text(value.trim())] : [missing(empty)];
}

/**
 * "### Holiday Coverage": the major-holiday policy with who is on call on each major holiday in the window (the
 * person on call at noon in the plan's zone, from the plan's shifts) and the recorded duty of earlier years; the
 * vacation policy with every absence in the window, who is on call meanwhile and who covers the pipelines the absent
 * person owns.
 */
export function holidayCoverageSection(ctx: DocContext): DocBlock {
  const policy: Plan['coverage']['holidays'] = ctx.plan.coverage.holidays;
  const items: DocListItem[] = [
    {
      content: [
        strong('Major Holidays:'),
        text(' '),
        ...policyText(
          policy.description,
          'No holiday policy written yet — describe it in the holiday policy.',
        ),
      ],
      children: [{ kind: 'list', ordered: false, items: majorHolidayItems(ctx) }],
    },
    {
      content: [
        strong('Vacation Coverage:'),
        text(' '),
        ...policyText(
          policy.vacationCoverage,
          'No vacation policy written yet — describe it in the holiday policy.',
        ),
      ],
      children: [{ kind: 'list', ordered: false, items: vacationItems(ctx) }],
    },
  ];
  return section(3, 'Holiday Coverage', [{ kind: 'list', ordered: false, items }]);
}
