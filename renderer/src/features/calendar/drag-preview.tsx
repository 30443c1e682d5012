import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconBan, IconKeyboard } from '@tabler/icons-react';
import { useDeferredValue, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { ShiftEdit } from '../../../../shared/plan/edits/shift-edits';
import { useAppStore } from '../../store/store';
import { previewShiftEdit } from './edit-preview';

/** The edit a drag would make if let go now, or `cancelled` after Esc; null when nothing is being dragged. */
export type DragHover = { edit: ShiftEdit; cancelled: boolean } | null;

let hover: DragHover = null;
const listeners = new Set<() => void>();

/**
 * Reports the drag's current target. Only the preview below listens, so the calendar view itself does not render
 * again while the user drags; the board calls this when FullCalendar's hit changes, not on every mouse move.
 */
export function setDragHover(next: DragHover): void {
  if (next === hover) return;
  hover = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids of the shifts the previewed edit changes, marked in the DOM so the calendar can outline them. */
function markAffected(ids: string[]) {
  for (const el of document.querySelectorAll('[data-consequence]')) el.removeAttribute('data-consequence');
  for (const id of ids) {
    for (const el of document.querySelectorAll(`[data-shift-id="${CSS.escape(id)}"]`)) {
      el.setAttribute('data-consequence', 'true');
    }
  }
}

/**
 * The line over the calendar while a shift is dragged or resized: what letting go would do to everyone it touches
 * (both people of a swap, the neighbour whose handoff moves, with the new times), why it would be refused, or
 * that Esc cancelled it. The shifts it changes are outlined in the calendar.
 */
export function DragPreview() {
  // Deferred: on a plan of tens of thousands of shifts the dry run takes a noticeable while, and FullCalendar's
  // own drawing of the drag must not wait for it.
  const current = useDeferredValue(useSyncExternalStore(subscribe, () => hover));
  const plan = useAppStore((s) => s.plan);
  const preview = useMemo(
    () => (current && plan ? previewShiftEdit(plan, current.edit) : null),
    [current, plan],
  );
  const affected = preview?.ok && !current?.cancelled ? preview.consequences.map((c) => c.shiftId) : null;
  const key = affected?.join(' ') ?? '';
  useLayoutEffect(() => markAffected(key ? key.split(' ') : []), [key]);
  if (!current || !preview) return null;
  let body;
  if (current.cancelled) {
    body = (
      <Group gap={6} wrap="nowrap">
        <IconKeyboard size={16} />
        <Text size="sm">Cancelled: nothing changes.</Text>
      </Group>
    );
  } else if (!preview.ok) {
    body = (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconBan size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="red.8">
          Not possible here: {preview.reason}
        </Text>
      </Group>
    );
  } else {
    body = (
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconArrowsExchange size={16} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={600} data-testid="drag-preview-headline">
            {preview.headline}
          </Text>
        </Group>
        {!preview.nothing &&
          preview.lines.map((line) => (
            <Text key={line} size="xs" c="dimmed" pl={22}>
              {line}
            </Text>
          ))}
      </Stack>
    );
  }
  return (
    <Paper
      className="rp-drag-preview"
      data-testid="drag-preview"
      data-state={current.cancelled ? 'cancelled' : preview.ok ? 'ok' : 'refused'}
      shadow="md"
      radius="md"
      withBorder
      p="xs"
      role="status"
      aria-live="polite"
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        {body}
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
          Esc cancels
        </Badge>
      </Group>
    </Paper>
  );
}
