import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Member } from '../../../shared/plan/schema';
import { MemberChip } from './member-chip';

function Dot({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{ width: 10, height: 10, borderRadius: 5, background: color, display: 'inline-block' }}
    />
  );
}

/**
 * Picks a team member (or nobody) with each option drawn as the member's chip and the chosen one's colour beside
 * the field, so a person reads in the same colour here as in every other view.
 */
export function MemberSelect({
  members,
  value,
  onChange,
  label,
  ariaLabel,
  placeholder = 'Nobody yet',
  error,
}: {
  members: Member[];
  value: string | null;
  onChange: (memberId: string | null) => void;
  label?: ReactNode;
  ariaLabel: string;
  placeholder?: string;
  error?: ReactNode;
}) {
  const byId = new Map(members.map((m) => [m.id, m]));
  const chosen = value === null ? undefined : byId.get(value);
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      placeholder={placeholder}
      clearable
      // Only the clear button once someone is picked: the chevron would squeeze the name in a narrow grid cell.
      clearSectionMode="clear"
      leftSectionWidth={30}
      data={members.map((m) => ({ value: m.id, label: m.name }))}
      value={chosen ? chosen.id : null}
      onChange={onChange}
      leftSection={chosen ? <Dot color={chosen.color} /> : undefined}
      renderOption={({ option }) => {
        const member = byId.get(option.value);
        return member ? <MemberChip member={member} size="sm" /> : option.label;
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
