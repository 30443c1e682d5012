import { notifications } from '@mantine/notifications';
import { useCommand } from '../../hooks/command-bus';
import { useAppStore } from '../../store/store';
import { EXPORT_LABELS, useExportRunner } from './use-export-runner';
import type { ExportKind } from './build-export';

/**
 * Registers the File menu's `file:export:<kind>` commands for the whole life of the app and renders nothing.
 * Why a component of its own: the Export view mounts only on its view, but the menu exports from anywhere (the
 * .ics with its defaults: the whole team, no reminder). A failure shows as a red notification naming the problem.
 */
export function ExportCommands() {
  const { run } = useExportRunner();
  const exportNow = (kind: ExportKind) => {
    const plan = useAppStore.getState().plan;
    if (!plan) return;
    void run(plan, kind).then((outcome) => {
      if (outcome.status === 'failed') {
        notifications.show({
          color: 'red',
          title: `${EXPORT_LABELS[kind]} not saved`,
          message: outcome.message,
        });
      }
    });
  };
  useCommand('file:export:md', () => exportNow('md'));
  useCommand('file:export:html', () => exportNow('html'));
  useCommand('file:export:pdf', () => exportNow('pdf'));
  useCommand('file:export:ics', () => exportNow('ics'));
  useCommand('file:export:csv-shifts', () => exportNow('csv-shifts'));
  useCommand('file:export:csv-load', () => exportNow('csv-load'));
  useCommand('file:export:csv-ownership', () => exportNow('csv-ownership'));
  useCommand('file:export:json', () => exportNow('json'));
  return null;
}
