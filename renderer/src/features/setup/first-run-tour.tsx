import { Box, Button, Group, Popover, Portal, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../../store/store';
import { TOUR_STEPS } from './tour-steps';

type Rect = { top: number; left: number; width: number; height: number };

// Where the highlight sits when the navigation item cannot be found (a narrow window, a view not in the nav).
const FALLBACK: Rect = { top: 80, left: 16, width: 200, height: 36 };
const PAD = 3;
// Above the app shell (100), below Mantine's modals (200) and menus/popovers (300): a menu opened during the tour
// shows over its card, and a modal's overlay covers it even in the frame before the tour steps aside.
const TOUR_Z = 150;

/** Whether a modal dialog (Mantine's Modal: role dialog, aria-modal true) is on screen; the tour's card is not one. */
const modalShowing = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/**
 * True while a modal dialog is open, watched only while `active`. Why: the tour is not modal and must not sit over,
 * or answer the Escape of, a dialog the user opened from a menu or a shortcut (File ▸ Import, Preferences).
 */
function useModalOpen(active: boolean): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const check = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setOpen(modalShowing()));
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-modal'],
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [active]);
  return active && open;
}

/** The on-screen box of a view's navigation item, padded so the outline does not touch its text. */
function navRect(view: string): Rect {
  const el = document.querySelector<HTMLElement>(`[data-view="${view}"]`);
  if (!el) return FALLBACK;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return FALLBACK;
  return { top: r.top - PAD, left: r.left - PAD, width: r.width + 2 * PAD, height: r.height + 2 * PAD };
}

export type FirstRunTourProps = {
  /** Mount the tour anew for each showing, so it starts at the first stop. */
  opened: boolean;
  /** Skip, Escape or Done: closes the tour for now. */
  onClose: () => void;
  /** "Don't show again": closes the tour and remembers it. */
  onDismissForGood: () => void;
};

/**
 * A short tour of the views, one stop per view: the stop switches to its view, outlines its navigation item and
 * shows a step card beside it. Mantine has no tour, so it is a Popover anchored to a highlight box laid over the
 * navigation item; Next takes the focus when the card opens, but Tab moves on through the app (the card is not
 * modal), Escape closes it and focus returns where it was.
 */
export function FirstRunTour({ opened, onClose, onDismissForGood }: FirstRunTourProps) {
  const setView = useAppStore((s) => s.setView);
  const [index, setIndex] = useState(0);
  const [rect, setRect] = useState<Rect>(FALLBACK);
  const titleId = useId();
  const bodyId = useId();
  const step = TOUR_STEPS[index]!;
  const last = index === TOUR_STEPS.length - 1;
  const hidden = useModalOpen(opened);
  const nextRef = useRef<HTMLButtonElement>(null);

  // Next takes the focus when the card shows (Popover focuses only inside a trap, and the card sets none): the
  // card may mount a frame or two after this effect, so look until it is there.
  useEffect(() => {
    if (!opened || hidden) return;
    let frame = 0;
    let tries = 0;
    const focusNext = () => {
      if (nextRef.current) nextRef.current.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(focusNext);
    };
    focusNext();
    return () => cancelAnimationFrame(frame);
  }, [opened, hidden]);

  // The tour follows the view when something else switches it (mod+2, the native View menu, a link): the card
  // then talks about what is on screen. A view without a stop leaves the card where it was.
  useEffect(
    () =>
      useAppStore.subscribe((state, prev) => {
        if (state.view === prev.view) return;
        const stop = TOUR_STEPS.findIndex((s) => s.view === state.view);
        if (stop >= 0) setIndex(stop);
      }),
    [],
  );

  useEffect(() => {
    if (!opened) return;
    setView(step.view);
    const measure = () => setRect(navRect(step.view));
    // The view switch re-renders the navigation; measure after that frame, and again whenever the window changes.
    const frame = requestAnimationFrame(measure);
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', measure);
    };
  }, [opened, step.view, setView]);

  // Escape closes the tour wherever focus is: a view that opens may take focus from the card (the Export
  // preview does), and the Popover only hears Escape inside its dropdown.
  useWindowEvent('keydown', (event) => {
    if (opened && !hidden && event.key === 'Escape' && !event.defaultPrevented) onClose();
  });

  // While a modal is open the tour steps aside (and keeps its stop); it comes back when the modal closes.
  if (!opened || hidden) return null;
  return (
    <Portal>
      <Popover
        opened
        onClose={onClose}
        position="right-start"
        offset={14}
        withArrow
        arrowSize={10}
        shadow="lg"
        radius="md"
        width={340}
        trapFocus={false}
        returnFocus
        closeOnEscape
        closeOnClickOutside={false}
        withRoles={false}
        zIndex={TOUR_Z}
      >
        <Popover.Target>
          <Box
            data-testid="tour-highlight"
            aria-hidden
            style={{
              position: 'fixed',
              top: rect.top,
              left: rect.left,
              width: rect.width,
              height: rect.height,
              borderRadius: 'var(--mantine-radius-md)',
              outline: '3px solid var(--mantine-color-brand-6)',
              outlineOffset: 0,
              boxShadow: '0 0 0 6px color-mix(in srgb, var(--mantine-color-brand-6) 25%, transparent)',
              pointerEvents: 'none',
              zIndex: TOUR_Z - 1,
              transition: 'top 150ms ease, height 150ms ease',
            }}
          />
        </Popover.Target>
        <Popover.Dropdown
          role="dialog"
          aria-modal={false}
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          data-testid="tour"
          data-tour-view={step.view}
          p="md"
        >
          <Stack gap="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Tour · step {index + 1} of {TOUR_STEPS.length}
            </Text>
            <Title order={4} id={titleId}>
              {step.title}
            </Title>
            <Text size="sm" id={bodyId}>
              {step.body}
            </Text>
            <Group justify="space-between" mt="xs" wrap="nowrap">
              <Group gap={4} wrap="nowrap">
                <Button variant="subtle" size="compact-sm" onClick={onClose}>
                  Skip
                </Button>
                <Button variant="subtle" size="compact-sm" color="gray" onClick={onDismissForGood}>
                  Don’t show again
                </Button>
              </Group>
              <Group gap={6} wrap="nowrap">
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={index === 0}
                  onClick={() => setIndex((i) => Math.max(0, i - 1))}
                >
                  Back
                </Button>
                <Button
                  ref={nextRef}
                  size="compact-sm"
                  onClick={() => (last ? onClose() : setIndex((i) => i + 1))}
                >
                  {last ? 'Done' : 'Next'}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Portal>
  );
}
