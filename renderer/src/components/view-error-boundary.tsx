import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';

type Props = { view: string; children: ReactNode };
type State = { error: Error | null };

/**
 * Catches a crash inside one view so the rest of the app (and the user's plan) stays usable: the error is shown
 * with what was kept, never a blank window.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (previous.view !== this.props.view && this.state.error) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconBug />}
        title={`The ${this.props.view} view hit an error`}
      >
        <Stack gap="xs">
          <Text size="sm">
            Your plan is safe: it was not changed by this error, and everything saved before it is on disk.
            Other views still work.
          </Text>
          <Code block>{error.message}</Code>
          <Button size="xs" variant="light" w="fit-content" onClick={() => this.setState({ error: null })}>
            Try this view again
          </Button>
        </Stack>
      </Alert>
    );
  }
}
