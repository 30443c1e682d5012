import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PreferencesDialog } from '../../renderer/src/features/preferences/preferences-dialog';
import { usePreferences } from '../../renderer/src/store/preferences-store';
import type { RotaplanApi } from '../../shared/ipc/contract';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/prefs/preferences';

/** A preload bridge for the channels the dialog calls; records prefs:set patches and folder-dialog calls. */
function bridge(mode: 'electron' | 'preview', folder: () => { path: string } | null | Error) {
  const patches: Partial<Preferences>[] = [];
  let folderCalls = 0;
  let prefs: Preferences = { ...DEFAULT_PREFERENCES };
  let answerInfo = () => undefined as void;
  const infoAnswered = new Promise<void>((resolve) => (answerInfo = resolve));
  globalThis.rotaplan = {
    app: {
      info: async () => {
        answerInfo();
        return {
          ok: true,
          value: { mode, version: 't', userDataDir: '/u', planPath: '/u/plan.rotaplan.json' },
        };
      },
    },
    prefs: {
      get: async () => ({ ok: true, value: prefs }),
      set: async ({ patch }: { patch: Partial<Preferences> }) => {
        patches.push(patch);
        prefs = { ...prefs, ...patch };
        return { ok: true, value: prefs };
      },
    },
    dialog: {
      chooseFolder: async () => {
        folderCalls += 1;
        const answer = folder();
        return answer instanceof Error
          ? { ok: false, error: { code: 'io', message: answer.message } }
          : { ok: true, value: answer };
      },
    },
  } as unknown as RotaplanApi;
  return { patches, folderCalls: () => folderCalls, infoAnswered };
}

function renderDialog() {
  return render(
    <MantineProvider>
      <PreferencesDialog onClose={() => undefined} />
    </MantineProvider>,
  );
}

describe('Preferences: export folder', () => {
  beforeEach(() =>
    usePreferences.setState({ prefs: { ...DEFAULT_PREFERENCES }, status: 'ready', error: null }),
  );
  afterEach(() => {
    globalThis.rotaplan = undefined;
  });

  it('desktop app: Browse… picks a folder through the native dialog and saves it', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = bridge('electron', () => ({ path: '/home/ana/On-call exports' }));
    renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Browse…' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Export folder')).toHaveValue('/home/ana/On-call exports'),
    );
    expect(calls.folderCalls()).toBe(1);
    expect(calls.patches).toEqual([{ exportDir: '/home/ana/On-call exports' }]);
    expect(usePreferences.getState().prefs.exportDir).toBe('/home/ana/On-call exports');
  });

  it('desktop app: a cancelled dialog changes nothing; a failing one says so', async () => {
    const user = userEvent.setup({ delay: null });
    let answer: { path: string } | null | Error = null;
    const calls = bridge('electron', () => answer);
    renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Browse…' }));
    await waitFor(() => expect(calls.folderCalls()).toBe(1));
    expect(screen.getByLabelText('Export folder')).toHaveValue('');
    expect(calls.patches).toEqual([]);
    answer = new Error('No window to attach the dialog to.');
    await user.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The folder dialog did not open: No window to attach the dialog to.',
    );
    expect(calls.patches).toEqual([]);
  });

  it('browser preview: no Browse… button, the text field only', async () => {
    const { infoAnswered } = bridge('preview', () => ({ path: '/never' }));
    renderDialog();
    expect(await screen.findByLabelText('Export folder')).toBeInTheDocument();
    // Once app:info has answered, the dialog's handling of it is promise steps only, and those all run before the
    // next task: after one task turn, the dialog knows it is in the preview.
    await act(async () => {
      await infoAnswered;
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByRole('button', { name: 'Browse…' })).toBeNull();
  });
});
