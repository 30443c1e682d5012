import { Badge, Tooltip } from '@mantine/core';
import { IconGitBranch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { api } from '../../api/api';
import { useAppStore } from '../../store/store';

type GitStatus = ResponseOf<'app:gitStatus'>;

/**
 * The open plan's git branch in the title bar, with a dot when the file has uncommitted changes. Asked again after
 * each save and when another file opens; nothing is shown outside a git working tree or when the bridge has no git.
 */
export function GitBadge() {
  const path = useAppStore((s) => s.path);
  const lastSavedAt = useAppStore((s) => s.lastSavedAt);
  const [status, setStatus] = useState<GitStatus | null>(null);
  useEffect(() => {
    let current = true;
    api.app.gitStatus({}).then(
      (answer) => current && setStatus(answer),
      () => current && setStatus(null),
    );
    return () => {
      current = false;
    };
  }, [path, lastSavedAt]);
  if (!status?.branch) return null;
  const label = status.dirty ? 'uncommitted changes to the plan' : 'the plan is committed';
  return (
    <Tooltip label={`git branch ${status.branch}: ${label}`}>
      <Badge
        variant="light"
        color={status.dirty ? 'orange' : 'gray'}
        leftSection={<IconGitBranch size={12} />}
        data-testid="git-status"
      >
        {status.branch}
        {status.dirty ? ' •' : ''}
      </Badge>
    </Tooltip>
  );
}
