import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Layer, Plan } from '../../../../shared/plan/schema';
import {
  coverageStrips,
  layerProblemSummary,
  previewTurns,
  withDraftLayer,
} from '../../../../shared/rotation/draft-preview';
import { TurnsTable } from '../../../../shared/rotation/turns';
import { addDays, instantMs, msToInstant, zonedToInstant } from '../../../../shared/time/zoned';
import { MemberChip } from '../../components/member-chip';
import { formatHours, formatMoment, formatShort } from '../../components/wall-clock-format';
import { CoverageStrip } from './coverage-strip';

/** How far ahead the preview lists turns, and how many days its coverage strips show. */
const PREVIEW_WEEKS = 2;
const STRIP_DAYS = 7;

/**
 * What the drafted rotations of one layer would do from `from` (a plan-local date): the turns of the next weeks
 * (who, when, in member colours), a 24-hour coverage strip per day, and the holes and doubles over the whole plan.
 * Read from the rotation settings alone, before any shift is generated.
 */
export function RotationPreview({ plan, layer, from }: { plan: Plan; layer: Layer; from: string }) {
  const zone = plan.rotation.timeZone;
  const rotation = useMemo(() => withDraftLayer(plan.rotation, layer), [plan.rotation, layer]);
  // The component's own turns table: moving `from` or re-rendering reads the draft's turns again, not anew.
  const table = useMemo(() => new TurnsTable(), []);
  const computed = useMemo(() => {
    try {
      const start = instantMs(zonedToInstant(from, '00:00', zone));
      const end = instantMs(zonedToInstant(addDays(from, PREVIEW_WEEKS * 7), '00:00', zone));
      const dates = Array.from({ length: STRIP_DAYS }, (_, i) => addDays(from, i));
      return {
        ok: true as const,
        turns: previewTurns(rotation, layer, { start, end }, table),
        strips: coverageStrips(rotation, layer, dates, zone, table),
        summary: layerProblemSummary(rotation, layer, table),
      };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, [rotation, layer, from, zone, table]);
  if (!computed.ok) {
    return (
      <Alert color="red" variant="light" title="No preview for these settings">
        {computed.message}
      </Alert>
    );
  }
  const { turns, strips, summary } = computed;
  const member = (id: string) => plan.members.find((m) => m.id === id);
  const rotationName = (id: string) => layer.rotations?.find((r) => r.id === id)?.name ?? id;
  return (
    <Stack gap="sm" data-testid="rotation-preview" data-layer={layer.id}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Coverage, {STRIP_DAYS} days ({zone.replace(/_/g, ' ')})
        </Text>
        <Badge
          color={summary.holes > 0 ? 'red' : 'green'}
          variant="light"
          data-testid="preview-holes"
          data-count={summary.holes}
        >
          {summary.holes} {summary.holes === 1 ? 'hole' : 'holes'} in the plan
        </Badge>
        <Badge
          color={summary.doubles > 0 ? 'orange' : 'green'}
          variant="light"
          data-testid="preview-doubles"
          data-count={summary.doubles}
        >
          {summary.doubles} {summary.doubles === 1 ? 'double' : 'doubles'}
        </Badge>
      </Group>
      <CoverageStrip layerId={layer.id} days={strips} zone={zone} members={plan.members} />
      {summary.first && (
        <Text size="xs" c="dimmed">
          First {summary.first.kind === 'hole' ? 'hole' : 'double'}:{' '}
          {formatMoment(msToInstant(summary.first.start), zone)} –{' '}
          {formatMoment(msToInstant(summary.first.end), zone)}
        </Text>
      )}
      <Text size="sm" fw={600}>
        Next {PREVIEW_WEEKS} weeks
      </Text>
      {turns.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is on call on this layer in these weeks.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={300} type="auto">
          <Table striped withTableBorder fz="xs" verticalSpacing={4} data-testid="preview-turns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who</Table.Th>
                <Table.Th>Rotation</Table.Th>
                <Table.Th>On call</Table.Th>
                <Table.Th ta="right">Hours</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {turns.map((t) => {
                const m = member(t.memberId);
                return (
                  <Table.Tr key={`${t.rotationId}-${t.start}`} data-member={t.memberId}>
                    <Table.Td>{m ? <MemberChip member={m} size="sm" /> : t.memberId}</Table.Td>
                    <Table.Td>{rotationName(t.rotationId)}</Table.Td>
                    <Table.Td>
                      {formatShort(msToInstant(t.start), zone)} → {formatShort(msToInstant(t.end), zone)}
                    </Table.Td>
                    <Table.Td ta="right">{formatHours(t.hours)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
