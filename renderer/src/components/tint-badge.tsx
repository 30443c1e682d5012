import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A badge that carries its colour as a tinted background and a dot, with dark text. Why not Mantine's light
 * variant alone: its orange, yellow and teal text on the tint falls below the WCAG AA contrast ratio (axe flags
 * "High" at 3.6:1 and "Medium" at 2.7:1).
 */
export function TintBadge({
  color,
  children,
  size = 'sm',
  ...rest
}: { color: string; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant' | 'children'>) {
  return (
    <Badge
      {...rest}
      size={size}
      variant="light"
      color={color}
      c="var(--rp-tint-text)"
      leftSection={
        <span
          aria-hidden
          style={{
            width: 7,
            height: 7,
            borderRadius: 4,
            display: 'inline-block',
            background: `var(--mantine-color-${color}-6)`,
          }}
        />
      }
    >
      {children}
    </Badge>
  );
}
