import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { memberReferences } from '../../../../shared/plan/edits';
import type { Member, Plan } from '../../../../shared/plan/schema';

/** Confirms a removal, or explains what still refers to the member and must be reassigned first. */
export function RemoveMemberDialog({
  plan,
  member,
  onCancel,
  onConfirm,
}: {
  plan: Plan;
  member: Member | null;
  onCancel: () => void;
  onConfirm: (member: Member) => void;
}) {
  const refs = member ? memberReferences(plan, member.id) : [];
  return (
    <Modal
      opened={member !== null}
      onClose={onCancel}
      title={member ? `Remove ${member.name}?` : ''}
      centered
    >
      {member && (
        <Stack gap="md">
          {refs.length === 0 ? (
            <Text size="sm">
              {member.name} has no ownership, shifts or holiday history in this plan. Removing them also takes
              them out of the rotation order. You can undo this.
            </Text>
          ) : (
            <Alert color="orange" variant="light" title={`${member.name} cannot be removed yet`}>
              <Text size="sm">Nothing was changed. They are still:</Text>
              <List size="sm" mt={4}>
                {refs.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                Reassign these first (Ownership and Calendar), then remove them.
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {refs.length === 0 ? 'Cancel' : 'Close'}
            </Button>
            {refs.length === 0 && (
              <Button color="red" onClick={() => onConfirm(member)}>
                Remove {member.name}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
