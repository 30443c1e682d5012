import { Badge } from '@mantine/core';
import type { Member } from '../../../shared/plan/schema';

/** A member's name on their own colour: the same chip in every view. */
export function MemberChip({
  member,
  size = 'md',
}: {
  member: Pick<Member, 'name' | 'color'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge
      size={size}
      radius="sm"
      variant="light"
      color={member.color}
      leftSection={
        <span
          aria-hidden
          style={{ width: 8, height: 8, borderRadius: 4, background: member.color, display: 'inline-block' }}
        />
      }
      // The tint and the dot carry the member's colour; the name stays in body text colour so it passes contrast.
      styles={{ label: { textTransform: 'none', fontWeight: 600, color: 'var(--mantine-color-text)' } }}
    >
      {member.name}
    </Badge>
  );
}
