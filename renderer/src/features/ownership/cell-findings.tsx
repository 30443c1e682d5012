import { Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { assertNever } from '../../../../shared/plan/edits';
import type { OwnershipFinding, OwnershipSeverity } from '../../../../shared/ownership/ownership-findings';

const RANK: Record<OwnershipSeverity, number> = { error: 3, warning: 2, info: 1 };

/** The most severe of some findings, or null when there are none. */
export function worstSeverity(findings: OwnershipFinding[]): OwnershipSeverity | null {
  let worst: OwnershipSeverity | null = null;
  for (const f of findings) if (worst === null || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** The Mantine colour of a severity: red error, orange warning, blue note. */
export function severityColor(severity: OwnershipSeverity): string {
  switch (severity) {
    case 'error':
      return 'red';
    case 'warning':
      return 'orange';
    case 'info':
      return 'blue';
    default:
      return assertNever(severity);
  }
}

/** The icon of a severity, in its colour. */
export function SeverityIcon({ severity, size = 16 }: { severity: OwnershipSeverity; size?: number }) {
  const color = `var(--mantine-color-${severityColor(severity)}-7)`;
  const props = { size, color, style: { flexShrink: 0, marginTop: 1 }, 'aria-label': severity };
  switch (severity) {
    case 'error':
      return <IconAlertCircle {...props} />;
    case 'warning':
      return <IconAlertTriangle {...props} />;
    case 'info':
      return <IconInfoCircle {...props} />;
    default:
      return assertNever(severity);
  }
}

/**
 * A cell's border for its worst finding (red error, orange warning, blue note), drawn inside the cell so the grid
 * does not shift when a finding comes or goes.
 */
export function cellBorder(findings: OwnershipFinding[]): CSSProperties | undefined {
  const worst = worstSeverity(findings);
  if (!worst) return undefined;
  return { boxShadow: `inset 0 0 0 2px var(--mantine-color-${severityColor(worst)}-5)` };
}

/** The findings of one cell: icon and message each, most severe first. */
export function CellFindings({ findings }: { findings: OwnershipFinding[] }) {
  if (findings.length === 0) return null;
  const sorted = findings.slice().sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return (
    <Stack gap={4} mt={6}>
      {sorted.map((f, i) => (
        <Group
          key={`${f.kind}-${i}`}
          gap={6}
          wrap="nowrap"
          align="flex-start"
          data-finding={f.kind}
          data-severity={f.severity}
        >
          <SeverityIcon severity={f.severity} size={14} />
          {/* Dark text: orange on white falls below WCAG AA at this size; the icon and the border carry the colour. */}
          <Text size="xs" c="var(--rp-tint-text)" lh={1.35}>
            {f.message}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
