import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { Rectangle, type BarShapeProps } from 'recharts';

/** One series of a member bar chart: its key in the data, and how its bars are drawn in the member's colour. */
export type MemberSeries = {
  name: string;
  /** Fill opacity of the member colour; 0 draws an outline only. */
  opacity: number;
  /** Draw in grey instead of the member colour (a reference such as fair share). */
  neutral?: boolean;
};

/** One bar group: a member's name and colour, and a value per series name. */
export type MemberDatum = { member: string; memberColor: string } & Record<string, number | string>;

function shapeFor(series: MemberSeries) {
  return function MemberBar(props: BarShapeProps) {
    const payload = props.payload as MemberDatum | undefined;
    const color = series.neutral ? 'var(--mantine-color-gray-5)' : (payload?.memberColor ?? 'gray');
    return (
      <Rectangle
        {...props}
        fill={color}
        fillOpacity={series.opacity}
        stroke={color}
        strokeOpacity={1}
        strokeWidth={series.opacity < 1 ? 1.5 : 0}
      />
    );
  };
}

/**
 * A grouped bar chart with one group per member, every bar in that member's own colour (the same colour as the
 * calendar and the exports) and the series told apart by opacity; the legend below says which is which.
 * Why not the chart's own legend: its swatches take one colour per series, and here colour means the person.
 */
export function MemberBarChart({
  data,
  series,
  unit,
  label,
  height = 260,
}: {
  data: MemberDatum[];
  series: MemberSeries[];
  unit?: string;
  label: string;
  height?: number;
}) {
  return (
    <div aria-label={label} role="img">
      <BarChart
        h={height}
        data={data}
        dataKey="member"
        series={series.map((s) => ({ name: s.name, color: s.neutral ? 'gray.5' : 'gray.7' }))}
        barProps={(s) => ({ shape: shapeFor(series.find((x) => x.name === s.name) ?? series[0]!) })}
        unit={unit}
        valueFormatter={(v) => v.toLocaleString('en-US', { maximumFractionDigits: 1 })}
        tickLine="y"
        gridAxis="y"
        maxBarWidth={56}
      />
      <Group gap="lg" justify="center" mt={4}>
        {series.map((s) => (
          <Group key={s.name} gap={6}>
            <span
              aria-hidden
              style={{
                width: 14,
                height: 10,
                borderRadius: 2,
                display: 'inline-block',
                background: s.neutral ? 'var(--mantine-color-gray-5)' : `rgba(73, 80, 87, ${s.opacity})`,
                border: '1.5px solid var(--mantine-color-gray-7)',
              }}
            />
            <Text size="xs" c="dimmed">
              {s.name}
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          · each bar in its member’s colour
        </Text>
      </Group>
    </div>
  );
}
