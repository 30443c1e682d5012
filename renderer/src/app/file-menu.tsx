import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { MenuCommand } from '../../../shared/ipc/events';
import { usePreferences } from '../store/preferences-store';
import { hasCommand, runCommand } from '../hooks/command-bus';
import { MENU_LABELS } from '../../../shared/ipc/menu-labels';
import { EXPORT_COMMANDS, shortcutLabel } from './command-labels';
import { useCommandsVersion } from './use-commands-available';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

function Item({ command, keys }: { command: MenuCommand; keys?: string }) {
  return (
    <Menu.Item
      disabled={!hasCommand(command)}
      onClick={() => runCommand(command)}
      rightSection={
        keys ? (
          <Text size="xs" c="dimmed">
            {shortcutLabel(keys)}
          </Text>
        ) : undefined
      }
    >
      {MENU_LABELS[command]}
    </Menu.Item>
  );
}

function Submenu({
  label,
  children,
  disabled,
}: {
  label: string;
  children: React.ReactNode;
  disabled?: boolean;
}) {
  return (
    <Menu.Sub>
      <Menu.Sub.Target>
        <Menu.Sub.Item disabled={disabled} rightSection={<IconChevronRight size={14} />}>
          {label}
        </Menu.Sub.Item>
      </Menu.Sub.Target>
      <Menu.Sub.Dropdown>{children}</Menu.Sub.Dropdown>
    </Menu.Sub>
  );
}

/**
 * The File menu of the top bar: the same commands as the native File menu, so the browser preview (which has no
 * native menu) and every platform reach them the same way. Items nothing handles right now are greyed out.
 */
export function FileMenu() {
  useCommandsVersion();
  const recent = usePreferences((s) => s.prefs.recentFiles);
  const canOpenRecent = hasCommand('file:openRecent');
  return (
    <Menu position="bottom-start" shadow="md" width={250} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />} px="xs">
          File
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="File">
        <Item command="file:new" keys="mod+n" />
        <Item command="file:open" keys="mod+o" />
        <Submenu label={MENU_LABELS['file:openRecent']} disabled={!canOpenRecent || recent.length === 0}>
          {recent.map((path) => (
            <Menu.Item key={path} onClick={() => runCommand('file:openRecent', { path })} title={path}>
              <Text size="sm">{fileName(path)}</Text>
              <Text size="xs" c="dimmed" truncate maw={320}>
                {path}
              </Text>
            </Menu.Item>
          ))}
        </Submenu>
        <Menu.Divider />
        <Item command="edit:save" keys="mod+s" />
        <Item command="file:saveAs" keys="mod+shift+s" />
        <Menu.Divider />
        <Item command="file:import" keys="mod+i" />
        <Submenu label="Export">
          {EXPORT_COMMANDS.map((e) => (
            <Item key={e.command} command={e.command} />
          ))}
        </Submenu>
        <Menu.Divider />
        <Item command="app:preferences" keys="mod+," />
        <Item command="help:tour" />
        <Item command="app:about" />
      </Menu.Dropdown>
    </Menu>
  );
}
