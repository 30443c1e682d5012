import { Center, Overlay, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** What a dropped file is, by its name: a plan to open, a schedule to import, or something else. */
export type DroppedKind = 'plan' | 'ics' | 'other';

/** Sorts a dropped file by extension (`.rotaplan.json` and `.json` are plans, `.ics` schedules). */
export function droppedKind(name: string): DroppedKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'plan';
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.icalendar')) return 'ics';
  return 'other';
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Dropping a file anywhere on the window: a plan opens, a schedule goes to the Import dialog, anything else is
 * refused by the caller with a clear message. Shows an overlay while a file is dragged over the window.
 * Why the window and not a box: users drop files where they look, and the browser would otherwise navigate to
 * the file and leave the app.
 */
export function DropZone({ onDrop }: { onDrop: (file: File, kind: DroppedKind) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) onDrop(file, droppedKind(file.name));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  if (!over) return null;
  return (
    <Overlay fixed zIndex={400} backgroundOpacity={0.55} blur={2} data-testid="drop-overlay">
      <Center h="100%">
        <Stack align="center" gap={4} c="white">
          <IconFileUpload size={48} />
          <Text fw={700} size="lg">
            Drop to open a plan (.rotaplan.json) or import a schedule (.ics)
          </Text>
        </Stack>
      </Center>
    </Overlay>
  );
}
