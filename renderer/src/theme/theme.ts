import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Theme tokens live here: spacing, type and the brand colour. Member colours come from the plan
// (shared/plan/member-colors.ts) so exports and the app draw a person in the same colour.
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
  // Shade 7 keeps white button text above 4.5:1 contrast (WCAG AA).
  primaryShade: 7,
  colors: { brand },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  spacing: { xs: '6px', sm: '10px', md: '16px', lg: '24px', xl: '32px' },
});

/** Darker secondary text than Mantine's default gray 6, which is below WCAG AA contrast on white (3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
