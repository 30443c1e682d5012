import { ActionIcon, Tooltip, type ActionIconProps } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The red bin at the end of a guided-setup row (a team member, a pipeline), with its tooltip. */
export function RemoveRowButton({
  tooltip,
  label,
  onRemove,
  ...spacing
}: {
  tooltip: string;
  label: string;
  onRemove: () => void;
} & Pick<ActionIconProps, 'mt' | 'mb'>) {
  return (
    <Tooltip label={tooltip}>
      <ActionIcon variant="subtle" color="red" size="lg" aria-label={label} onClick={onRemove} {...spacing}>
        <IconTrash size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
