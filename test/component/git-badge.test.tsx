import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { GitBadge } from '../../renderer/src/features/git/git-badge';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';

function showBadge() {
  return render(
    <MantineProvider>
      <GitBadge />
    </MantineProvider>,
  );
}

describe('the git badge in the title bar (jsdom)', { timeout: 60_000 }, () => {
  afterEach(removeBridge);

  it('shows the branch with a dot while the plan has uncommitted changes', async () => {
    useSamplePlanWithBridge({
      app: { gitStatus: async () => ({ ok: true, value: { branch: 'plans', dirty: true } }) },
    });
    showBadge();
    expect(await screen.findByTestId('git-status')).toHaveTextContent('plans •');
  });

  it('shows nothing outside a git working tree', async () => {
    let asked = false;
    useSamplePlanWithBridge({
      app: {
        gitStatus: async () => {
          asked = true;
          return { ok: true, value: { branch: null, dirty: false } };
        },
      },
    });
    showBadge();
    await vi.waitFor(() => expect(asked).toBe(true));
    expect(screen.queryByTestId('git-status')).toBeNull();
  });
});
