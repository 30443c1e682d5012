import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
  colors: { brand },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  spacing: { xs: '6px', sm: '10px', md: '16px', lg: '24px', xl: '32px' },
});
