import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Theme tokens live here: spacing, type, the brand colour and the app's scheme-aware surface colours. Member
// colours come from the plan (shared/plan/member-colors.ts) so exports and the app draw a person in the same colour.
const brand: MantineColorsTuple = [
  '#eef3ff',
  '#dce4f5',
  '#b6c7e9',
  '#8ca8dd',
  '#6a8dd3',
  '#547dcd',
  '#4875cb',
  '#3863b4',
  '#2e58a2',
  '#1f4b90',
];

export const theme = createTheme({
  primaryColor: 'brand',
  // Shade 7 keeps white button text above 4.5:1 contrast (WCAG AA) in both schemes.
  primaryShade: { light: 7, dark: 7 },
  colors: { brand },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  spacing: { xs: '6px', sm: '10px', md: '16px', lg: '24px', xl: '32px' },
});

/**
 * Scheme-aware tokens (`--rp-*`), so features never hard-code a light colour: the page behind the views, the
 * surface of panels such as the calendar, borders, strong foreground (outlines), muted icons, the text on
 * tinted badges, and over/under fair share.
 * Also darker secondary text than Mantine's default gray 6, which is below WCAG AA contrast on white (3.3:1).
 */
// Mantine's colours whose `light` variant (badges, alerts, light buttons) draws text in shade 4 on dark: below
// WCAG AA for several (violet, grape, red at xs sizes); shade 2 reads at 4.5:1 or more on the dark tints.
const LIGHT_VARIANT_COLORS = [
  'brand',
  'gray',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
];
const darkLightVariantText = Object.fromEntries(
  LIGHT_VARIANT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-2)`]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--rp-page': 'var(--mantine-color-gray-0)',
    '--rp-surface': 'var(--mantine-color-white)',
    '--rp-border': 'var(--mantine-color-gray-3)',
    '--rp-border-muted': 'var(--mantine-color-gray-2)',
    '--rp-foreground': 'var(--mantine-color-gray-9)',
    '--rp-icon-muted': 'var(--mantine-color-gray-5)',
    '--rp-tint-text': 'var(--mantine-color-dark-7)',
    '--rp-text-over': 'var(--mantine-color-red-9)',
    '--rp-text-under': 'var(--mantine-color-teal-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--rp-page': 'var(--mantine-color-dark-8)',
    '--rp-surface': 'var(--mantine-color-dark-7)',
    '--rp-border': 'var(--mantine-color-dark-4)',
    '--rp-border-muted': 'var(--mantine-color-dark-5)',
    '--rp-foreground': 'var(--mantine-color-dark-0)',
    '--rp-icon-muted': 'var(--mantine-color-dark-2)',
    '--rp-tint-text': 'var(--mantine-color-white)',
    '--rp-text-over': 'var(--mantine-color-red-3)',
    '--rp-text-under': 'var(--mantine-color-teal-3)',
    ...darkLightVariantText,
  },
});

/** Mantine's colour scheme for a theme preference: `system` is Mantine's `auto` (follows the OS, live). */
export function colorSchemeOf(theme: 'system' | 'light' | 'dark'): 'auto' | 'light' | 'dark' {
  return theme === 'system' ? 'auto' : theme;
}
