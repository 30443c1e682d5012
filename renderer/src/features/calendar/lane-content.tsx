import { IconPinFilled } from '@tabler/icons-react';
import { memo } from 'react';
import { shiftDataAttributes, type ShiftEventProps } from './calendar-events';
import { formatHours, formatShort } from '../../components/wall-clock-format';

/** The week views with one lane per layer (FullCalendar's free day grid over one or two weeks). */
export const LANE_VIEWS = {
  laneWeek: { type: 'dayGrid', duration: { weeks: 1 }, dayMaxEvents: false },
  laneTwoWeeks: { type: 'dayGrid', duration: { weeks: 2 }, dayMaxEvents: false },
} as const;

/** True for the lane views above. */
export const isLaneView = (viewType: string) => viewType in LANE_VIEWS;

/**
 * A shift's bar in the lane views: the layer, the person's full name and the exact handoffs on the plan's clock
 * ("Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00 · 168 h"), on the bar's first piece; a piece that continues a shift from
 * the row before repeats the name and says until when.
 * Why: the time grid draws a week-long shift as seven thin columns cut to "Maya" and "D…"; here it is one wide
 * bar per layer, ordered by layer like the rotation.
 */
export const LaneContent = memo(function LaneContent({
  p,
  isStart,
  zone,
  source,
}: {
  p: ShiftEventProps;
  isStart: boolean;
  zone: string;
  source: string;
}) {
  const span = `${formatShort(p.start, zone)} → ${formatShort(p.end, zone)}`;
  return (
    <div
      className="rp-shift rp-lane"
      {...shiftDataAttributes(p)}
      data-lane
      style={{ ['--rp-member' as string]: p.memberColor }}
      title={`${p.layerName}: ${p.memberName}${p.shadow ? ' (shadow: learning, not on call)' : ''}, ${span} (${formatHours(p.hours)})${source ? ` — ${source}` : ''}${p.cover ? `\n${p.cover}` : ''}`}
    >
      <span className="rp-shift-badge" aria-label={p.layerName}>
        {p.badge}
      </span>
      <span className="rp-lane-layer">{p.layerName}</span>
      <span className="rp-shift-name rp-lane-name">{p.memberName}</span>
      {p.shadow && <span className="rp-shift-shadow">shadow</span>}
      <span className="rp-lane-time">
        {isStart ? `${span} · ${formatHours(p.hours)}` : `until ${formatShort(p.end, zone)}`}
      </span>
      {source && <span className="rp-shift-source">{source}</span>}
      {p.pinned && <IconPinFilled size={11} aria-label="pinned" className="rp-shift-pin" />}
    </div>
  );
});
