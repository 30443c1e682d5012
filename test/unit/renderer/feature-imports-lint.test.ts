import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The messages of the feature-import rule for `code` linted as if it were the file at `filePath`. */
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.line}: ${m.message}`);
}

const CROSS_FEATURE =
  'A feature does not import another feature: move what views share to components/ (widgets), hooks/ (React) ' +
  'or shared/ (domain).';

describe('the lint rule that keeps features apart', () => {
  it('fails a feature that imports another feature, in either spelling, and one that imports the shell', async () => {
    const code = [
      "import { PipelinesView } from '../pipelines/pipelines-view';",
      "import { CalendarView } from '../../features/calendar/calendar-view';",
      "import { App } from '../../app/app';",
      'export const views = [PipelinesView, CalendarView, App];',
      '',
    ].join('\n');
    const messages = await restrictedImports(code, 'renderer/src/features/team/probe.tsx');
    expect(messages).toEqual([
      `1: '../pipelines/pipelines-view' import is restricted from being used by a pattern. ${CROSS_FEATURE}`,
      `2: '../../features/calendar/calendar-view' import is restricted from being used by a pattern. ${CROSS_FEATURE}`,
      "3: '../../app/app' import is restricted from being used by a pattern. The shell (app/) composes the " +
        'features; a feature does not import it.',
    ]);
  }, 60_000);

  it('passes a feature that imports its own files and the shared layers', async () => {
    const code = [
      "import { TimeOffDialog } from './time-off-dialog';",
      "import { TintBadge } from '../../components/tint-badge';",
      "import { useApplyEdit } from '../../hooks/use-edit-runner';",
      "import { useAppStore } from '../../store/store';",
      "import { newMember } from '../../../../shared/plan/new-member';",
      // shared/ has folders named like views (export, import, optimize): still the domain, still allowed.
      "import { planKey } from '../../../../shared/export/ics-export';",
      'export const parts = [TimeOffDialog, TintBadge, useApplyEdit, useAppStore, newMember, planKey];',
      '',
    ].join('\n');
    expect(await restrictedImports(code, 'renderer/src/features/team/probe.tsx')).toEqual([]);
  }, 60_000);

  it('lets the shell import every feature', async () => {
    const code = "import { TeamView } from '../features/team/team-view';\nexport const view = TeamView;\n";
    expect(await restrictedImports(code, 'renderer/src/app/probe.tsx')).toEqual([]);
  }, 60_000);
});
