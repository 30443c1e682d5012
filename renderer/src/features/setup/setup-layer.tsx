import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { LoadNotice } from '../../../../shared/ipc/contract';
import { api } from '../../api/api';
import { useCommand } from '../../hooks/command-bus';
import { useAppStore } from '../../store/store';
import { FirstRunTour } from './first-run-tour';

// The guided setup loads when "New plan" is first chosen.
const GuidedSetup = lazy(() => import('./guided-setup').then((m) => ({ default: m.GuidedSetup })));

/**
 * The first-run tour and the New plan guided setup, mounted once by the app shell.
 * The tour opens by itself when the sample plan was just created (load notice `first-run`) unless the user said
 * "Don't show again"; `help:tour` reopens it at any time. `file:new` opens the guided setup.
 */
export function SetupLayer() {
  const notice = useAppStore((s) => s.notice);
  const [tourOpen, setTourOpen] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const [defaultZone, setDefaultZone] = useState<string | null>(null);
  // The notice the tour was considered for, so it opens once per first start and not again on every re-render.
  const considered = useRef<LoadNotice | null>(null);

  useEffect(() => {
    if (notice?.kind !== 'first-run' || considered.current === notice) return;
    considered.current = notice;
    // Preferences that cannot be read (no handler yet, a broken file) count as "not dismissed": a tour too many is
    // better than a crash or a silent first start.
    api.prefs.get({}).then(
      (prefs) => setTourOpen(!prefs.tourDismissed),
      () => setTourOpen(true),
    );
  }, [notice]);

  useCommand('help:tour', () => {
    setSetupOpen(false);
    setTourOpen(true);
  });
  useCommand('file:new', () => {
    setTourOpen(false);
    // The preferred zone for new plans seeds the first step; without preferences the system's zone does.
    void api.prefs
      .get({})
      .then(
        (prefs) => prefs.defaultTimeZone,
        () => null,
      )
      .then((zone) => {
        setDefaultZone(zone);
        setSetupOpen(true);
      });
  });

  const dismissForGood = () => {
    setTourOpen(false);
    api.prefs.set({ patch: { tourDismissed: true } }).catch((error: Error) =>
      notifications.show({
        color: 'orange',
        title: 'The tour will show again',
        message: `Rotaplan could not remember your choice: ${error.message}`,
      }),
    );
  };

  return (
    <>
      {tourOpen && (
        <FirstRunTour opened onClose={() => setTourOpen(false)} onDismissForGood={dismissForGood} />
      )}
      {setupOpen && (
        <Suspense fallback={null}>
          <GuidedSetup opened onClose={() => setSetupOpen(false)} defaultTimeZone={defaultZone} />
        </Suspense>
      )}
    </>
  );
}
