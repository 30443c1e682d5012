import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';

/**
 * Renders `node` the way the app shell holds it: inside Mantine's provider, with the notifications outlet that
 * refusals and undo hints are shown in.
 */
export function renderWithMantine(node: ReactNode) {
  return render(
    <MantineProvider>
      <Notifications />
      {node}
    </MantineProvider>,
  );
}
