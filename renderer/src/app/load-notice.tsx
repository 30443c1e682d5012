import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useAppStore } from '../store/store';

/** What happened when the plan was loaded: a first start, an upgrade, or a file that could not be read. */
export function LoadNoticeBanner() {
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  const recovered = notice.kind === 'recovered';
  return (
    <Alert
      mb="lg"
      variant="light"
      color={recovered ? 'orange' : 'brand'}
      icon={recovered ? <IconAlertTriangle /> : <IconInfoCircle />}
      title={
        recovered
          ? 'Your plan file could not be read'
          : notice.kind === 'first-run'
            ? 'Welcome'
            : 'Plan upgraded'
      }
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
      data-testid="load-notice"
    >
      <Text size="sm">{notice.message}</Text>
      {notice.problems && notice.problems.length > 0 && (
        <List size="sm" mt="xs">
          {notice.problems.slice(0, 8).map((p) => (
            <List.Item key={`${p.path}:${p.message}`}>
              <code>{p.path}</code>: {p.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
