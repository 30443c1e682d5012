import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Analysis } from '../../../../shared/fairness/analyze';
import { formatNumber, formatShare } from '../../components/fairness-format';

function Card({
  id,
  title,
  value,
  tone,
  children,
}: {
  id: string;
  title: string;
  value: string;
  tone?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-metric={id}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {title}
      </Text>
      <Text fz={28} fw={700} c={tone} data-testid={`metric-${id}`} lh={1.3}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

/**
 * The four headline numbers of the fairness model (docs/architecture.md) as cards: pairwise balance, Gini (with CV), max-min spread and the
 * highest share of time on call, judged against the plan's limit and the Google SRE 25 % rule in words.
 */
export function HeadlineCards({
  analysis,
  maxOnCallShare,
  layerCount,
}: {
  analysis: Analysis;
  /** The plan's limit, 0..1 (coverage.limits.maxOnCallShare). */
  maxOnCallShare: number;
  layerCount: number;
}) {
  const f = analysis.fairness;
  // Who shares the rotation: holds shifts, or owes a share of them (in a layer's order).
  const onRotation = analysis.members.filter((m) => m.shiftCount > 0 || m.fairShare > 0);
  const top =
    onRotation.length === 0 ? null : onRotation.reduce((a, b) => (b.onCallShare > a.onCallShare ? b : a));
  const over = onRotation.filter((m) => m.onCallShare > maxOnCallShare + 1e-9).length;
  const people = onRotation.length;
  const layers = layerCount === 1 ? 'one layer' : `${layerCount} layers`;
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md" data-testid="headline-cards">
      <Card
        id="balance"
        title="Pairwise balance"
        value={f.balance.toFixed(3)}
        tone={f.balance >= 0.9 ? undefined : 'orange.8'}
      >
        Mean over every pair of min ÷ max weighted load, as Grafana OnCall scores it: 1 means everyone carries
        the same.
      </Card>
      <Card id="gini" title="Gini" value={f.gini.toFixed(3)}>
        0 is a perfectly even split of availability-adjusted load; coefficient of variation {f.cv.toFixed(3)}.
      </Card>
      <Card id="spread" title="Max-min spread" value={`${formatNumber(f.maxMinSpread, 1)} h`}>
        Weighted hours between the most and the least loaded person, adjusted for time off (the same figure
        Optimise shows as “before” for this window).
      </Card>
      <Card
        id="share"
        title="Share on call"
        value={top ? formatShare(top.onCallShare) : '—'}
        // Orange, not red: a share above the limit is a plan to improve, and the notice above the cards says how.
        tone={over > 0 ? 'orange.8' : 'green.8'}
      >
        {top ? `Highest: ${top.name}. ` : ''}Google’s SRE book (ch. 11) keeps each engineer on call at most 25
        % of the time; this plan’s limit is {formatShare(maxOnCallShare)}.{' '}
        {people > 0 &&
          (over > 0
            ? `${over} of ${people} people on ${layers} ${over === 1 ? 'is' : 'are'} above it.`
            : `All ${people} people on ${layers} stay within it.`)}
      </Card>
    </SimpleGrid>
  );
}
