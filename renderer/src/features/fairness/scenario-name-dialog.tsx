import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Asks for a scenario's name (new or renamed); `onSubmit` returns the refusal reason, shown under the field. */
export function ScenarioNameDialog({
  title,
  initial,
  submitLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => string | null;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(onSubmit(name));
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Scenario name"
            placeholder="For example: Sam leaves in June"
            value={name}
            onChange={(e) => {
              setError(null);
              setName(e.currentTarget.value);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
