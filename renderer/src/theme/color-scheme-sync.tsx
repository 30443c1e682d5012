import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { usePreferences } from '../store/preferences-store';
import { colorSchemeOf } from './theme';

/**
 * Keeps Mantine's colour scheme on the user's theme preference. Mantine also remembers the scheme in local
 * storage, so a reload starts in the right scheme before the preferences arrive (no light flash in dark mode).
 */
export function ColorSchemeSync() {
  const theme = usePreferences((s) => s.prefs.theme);
  const ready = usePreferences((s) => s.status === 'ready');
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (ready) setColorScheme(colorSchemeOf(theme));
  }, [ready, theme, setColorScheme]);
  return null;
}
