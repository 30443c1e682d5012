import { Alert, Button, Divider, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { applyEdit } from '../../../../shared/plan/edits';
import { listMemberReferences, type MemberRemovalStrategy } from '../../../../shared/plan/edits/member-edits';
import type { Member, Plan } from '../../../../shared/plan/schema';
import { MemberSelect } from '../../components/member-select';
import { useAppStore } from '../../store/store';

// Orange and red light-alert titles fall below WCAG AA on their tint; dark text keeps the colour in the frame.
const ALERT_STYLES = { title: { color: 'var(--rp-tint-text)' } };

/** Why "remove and clear" would be refused for this member, or null when it would go through (a dry run). */
function clearRefusal(plan: Plan, member: Member): string | null {
  const result = applyEdit(
    plan,
    { kind: 'member:remove', memberId: member.id, strategy: 'clear' },
    plan.meta.updatedAt,
    undefined,
    useAppStore.getState().holidays ?? undefined,
  );
  return result.ok ? null : result.reason;
}

function RemovalBody({
  plan,
  member,
  onCancel,
  onConfirm,
}: {
  plan: Plan;
  member: Member;
  onCancel: () => void;
  onConfirm: (member: Member, strategy: MemberRemovalStrategy) => string | null;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refs = listMemberReferences(plan, member.id);
  const blocking = refs.filter((r) => r.blocking);
  const goesWith = refs.filter((r) => !r.blocking);
  const others = plan.members.filter((m) => m.id !== member.id);
  const targetName = others.find((m) => m.id === target)?.name;
  const confirm = (strategy: MemberRemovalStrategy) => setError(onConfirm(member, strategy));
  const clearProblem = blocking.length > 0 ? clearRefusal(plan, member) : null;

  return (
    <Stack gap="md">
      {blocking.length === 0 ? (
        <Text size="sm">
          {member.name} has no ownership, shifts or holiday history in this plan. You can undo this.
        </Text>
      ) : (
        <Alert
          color="orange"
          variant="light"
          styles={ALERT_STYLES}
          title={`${member.name} cannot be removed yet`}
        >
          <Text size="sm">Nothing was changed. They are still:</Text>
          <List size="sm" mt={4}>
            {blocking.map((r) => (
              <List.Item key={r.path + r.label}>{r.label}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {goesWith.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            Also refers to them:
          </Text>
          <List size="sm">
            {goesWith.map((r) => (
              <List.Item key={r.path + r.label}>{r.label}</List.Item>
            ))}
          </List>
        </div>
      )}
      {error && (
        <Alert color="red" variant="light" styles={ALERT_STYLES} title="Not removed">
          {error}
        </Alert>
      )}
      {blocking.length > 0 && (
        <>
          <Divider />
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Reassign to another member, then remove
            </Text>
            {others.length === 0 ? (
              <Text size="sm" c="dimmed">
                There is nobody else on the team to reassign to. Add a member first.
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  Their ownership, shifts, holiday-duty history, rotation slots and their name in escalation
                  texts move to the member you pick.
                </Text>
                <Group align="flex-end" gap="sm" wrap="nowrap">
                  <div style={{ flex: 1 }}>
                    <MemberSelect
                      members={others}
                      ariaLabel="Reassign to"
                      placeholder="Pick a member"
                      value={target}
                      onChange={setTarget}
                    />
                  </div>
                  <Button
                    color="red"
                    disabled={!target}
                    onClick={() => target && confirm({ reassignTo: target })}
                  >
                    {targetName ? `Reassign to ${targetName} and remove` : 'Reassign and remove'}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Or remove and clear
            </Text>
            {clearProblem ? (
              <Text size="sm" c="dimmed" data-testid="clear-refusal">
                Not possible: {clearProblem}
              </Text>
            ) : (
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" c="dimmed">
                  Their secondary ownerships are left open and their shifts are dropped, which leaves gaps in
                  the rotation to fill in the Calendar.
                </Text>
                <Button color="red" variant="light" onClick={() => confirm('clear')}>
                  Remove and clear
                </Button>
              </Group>
            )}
          </Stack>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {blocking.length === 0 ? 'Cancel' : 'Close'}
        </Button>
        {blocking.length === 0 && (
          <Button color="red" onClick={() => confirm('refuse')}>
            Remove {member.name}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/**
 * Removes a member after showing everything that refers to them. With no ownership, shifts or holiday history they
 * go at once; otherwise the user reassigns all of it to another member, or removes and clears (refused, with the
 * reason, when that would leave a pipeline without a primary owner). Nothing changes until the user confirms.
 */
export function RemoveMemberDialog({
  plan,
  member,
  onCancel,
  onConfirm,
}: {
  plan: Plan;
  member: Member | null;
  onCancel: () => void;
  /** Applies the removal; returns the refusal reason, or null when it went through. */
  onConfirm: (member: Member, strategy: MemberRemovalStrategy) => string | null;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      opened={member !== null}
      onClose={onCancel}
      title={member ? `Remove ${member.name}?` : ''}
      centered
      size="lg"
    >
      {member && (
        <RemovalBody key={member.id} plan={plan} member={member} onCancel={onCancel} onConfirm={onConfirm} />
      )}
    </Modal>
  );
}
