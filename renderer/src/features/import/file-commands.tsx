import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { MAX_TEXT_FILE } from '../../../../shared/ipc/contract';
import { api } from '../../api/api';
import { desktopBridge, useCommand } from '../../hooks/command-bus';
import { DropZone, type DroppedKind } from './drop-zone';
import type { IcsSource } from './import-dialog';
import { isDesktop, openAfterSaving, readFileBytes, strictUtf8, type OpenOutcome } from './open-plan';
import { SaveAsDialog } from './save-as-dialog';

// The importer (ical.js) loads when the dialog first opens, not with the app's first chunk.
const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })));

function tell(outcome: OpenOutcome): void {
  if (outcome.kind === 'opened')
    notifications.show({ color: 'green', title: 'Plan opened', message: outcome.path });
  if (outcome.kind === 'failed') {
    notifications.show({
      color: 'red',
      title: 'The plan was not opened',
      message: outcome.message,
      autoClose: false,
    });
  }
}

/** A plan file picked or dropped in the preview: read as strict UTF-8, handed to main as text, opened as a copy. */
async function openPlanFile(file: File): Promise<void> {
  tell(
    await openAfterSaving(async () => {
      const text = strictUtf8(await readFileBytes(file, MAX_TEXT_FILE), file.name);
      return api.plan.openText({ text, fileName: file.name });
    }),
  );
}

/**
 * The File commands — Open, Open Recent, Save As, Import — and the window's drop target, with the dialogs they
 * need. Mounted once by the app shell; the native menu, the in-app menu and the shortcuts reach it through the
 * command bus. In the desktop app it uses native dialogs; in the browser preview a file input and a path prompt.
 */
export function FileCommands() {
  // `serial` remounts the dialog for each new file, so a second drop starts a fresh import.
  const [importing, setImporting] = useState<{ source: IcsSource | null; serial: number } | null>(null);
  const [savingAs, setSavingAs] = useState(false);
  const planInput = useRef<HTMLInputElement>(null);
  const icsInput = useRef<HTMLInputElement>(null);

  useCommand('file:open', () => {
    if (isDesktop()) void openAfterSaving(() => api.dialog.openPlan({})).then(tell);
    else planInput.current?.click();
  });
  useCommand('file:openRecent', ({ path }) => {
    if (path) void openAfterSaving(() => api.plan.open({ path })).then(tell);
  });
  useCommand('file:saveAs', () => {
    if (!isDesktop()) {
      setSavingAs(true);
      return;
    }
    void (async () => {
      try {
        const saved = await api.dialog.saveAs({});
        if (saved) notifications.show({ color: 'green', title: 'Saved as a new file', message: saved.path });
      } catch (e) {
        notifications.show({
          color: 'red',
          title: 'Not saved',
          message: (e as Error).message,
          autoClose: false,
        });
      }
    })();
  });
  useCommand('file:import', () => setImporting((i) => ({ source: null, serial: (i?.serial ?? 0) + 1 })));

  const onDrop = useCallback((file: File, kind: DroppedKind) => {
    switch (kind) {
      case 'plan': {
        const bridge = desktopBridge();
        const path = bridge?.pathForFile(file);
        if (path) void openAfterSaving(() => api.plan.open({ path })).then(tell);
        else void openPlanFile(file);
        return;
      }
      case 'ics':
        void readFileBytes(file, MAX_TEXT_FILE).then(
          (data) =>
            setImporting((i) => ({ source: { fileName: file.name, data }, serial: (i?.serial ?? 0) + 1 })),
          (e: Error) =>
            notifications.show({ color: 'red', title: 'Not imported', message: e.message, autoClose: false }),
        );
        return;
      case 'other':
        notifications.show({
          color: 'yellow',
          title: `${file.name} was not opened`,
          message: 'Drop a plan (.rotaplan.json or .json) to open it, or a schedule (.ics) to import it.',
        });
        return;
    }
  }, []);

  return (
    <>
      <DropZone onDrop={onDrop} />
      <input
        ref={planInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-plan-input"
        aria-label="Open a plan file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void openPlanFile(file);
        }}
      />
      <input
        ref={icsInput}
        type="file"
        accept=".ics,text/calendar"
        hidden
        data-testid="import-ics-input"
        aria-label="Import a schedule file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onDrop(file, 'ics');
        }}
      />
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog
            key={importing.serial}
            initial={importing.source}
            onClose={() => setImporting(null)}
          />
        </Suspense>
      )}
      {savingAs && <SaveAsDialog onClose={() => setSavingAs(false)} />}
    </>
  );
}
