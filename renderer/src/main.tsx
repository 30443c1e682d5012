import './boot';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ColorSchemeSync } from './theme/color-scheme-sync';
import { cssVariablesResolver, theme } from './theme/theme';
import { localHolidayStore, storedHolidayLists } from './store/local-holiday-store';
import { warmAnalysisWorker } from './workers/analysis-client';

// In the browser preview the first URL carries the access token; the server has set it as a cookie, so drop it
// from the address bar.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname);

// The analysis worker loads while the plan does; the Fairness view's figures are then ready soon after the plan.
// Lists it computes are kept in localStorage beside the page's own.
warmAnalysisWorker(storedHolidayLists(), localHolidayStore());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <ColorSchemeSync />
      <Notifications position="bottom-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
