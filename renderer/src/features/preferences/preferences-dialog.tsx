import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/api';
import { usePreferences } from '../../store/preferences-store';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Every IANA zone the runtime knows (Chromium lists about 430), falling back to a few when it lists none. */
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0 ? zones : ['UTC', 'America/Los_Angeles', 'America/New_York', 'Europe/London'];
}

function ThemeLabel({ icon, label }: { icon: React.ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{label}</span>
    </Group>
  );
}

/**
 * Preferences, kept apart from the plan: theme (following the OS by default), the calendar's first weekday, a
 * default time zone and the export folder. Each change is saved at once through `prefs:set` and applied live.
 */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const prefs = usePreferences((s) => s.prefs);
  const status = usePreferences((s) => s.status);
  const error = usePreferences((s) => s.error);
  const update = usePreferences((s) => s.update);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  const [exportDir, setExportDir] = useState(prefs.exportDir ?? '');
  const saveExportDir = () => {
    const value = exportDir.trim();
    if ((prefs.exportDir ?? '') !== value) void update({ exportDir: value === '' ? null : value });
  };
  // "Browse…" needs the native folder dialog, which only the desktop app has; the preview keeps the text field.
  const [desktop, setDesktop] = useState(false);
  const [browseError, setBrowseError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.app.info({}).then(
      (info) => live && setDesktop(info.mode === 'electron'),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const browse = async () => {
    setBrowseError(null);
    try {
      const picked = await api.dialog.chooseFolder({});
      if (!picked) return;
      setExportDir(picked.path);
      if (prefs.exportDir !== picked.path) void update({ exportDir: picked.path });
    } catch (error) {
      setBrowseError(
        `The folder dialog did not open: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close preferences' }}
      title="Preferences"
      centered
      size="md"
    >
      <Stack gap="md">
        {status === 'unavailable' && (
          <Alert color="yellow" title="Preferences cannot be saved here">
            {error} The defaults apply for this session.
          </Alert>
        )}
        {status !== 'unavailable' && error && (
          <Alert color="red" title="That change was not saved">
            {error}
          </Alert>
        )}
        <div>
          <Text size="sm" fw={500} mb={4} id="pref-theme-label">
            Theme
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="pref-theme-label"
            value={prefs.theme}
            onChange={(value) => void update({ theme: value as 'system' | 'light' | 'dark' })}
            data={[
              {
                value: 'system',
                label: <ThemeLabel icon={<IconDeviceDesktop size={16} />} label="System" />,
              },
              { value: 'light', label: <ThemeLabel icon={<IconSun size={16} />} label="Light" /> },
              { value: 'dark', label: <ThemeLabel icon={<IconMoon size={16} />} label="Dark" /> },
            ]}
          />
          <Text size="xs" c="dimmed" mt={4}>
            System follows your computer’s light or dark setting as it changes.
          </Text>
        </div>
        <Select
          label="Week starts on"
          description="The first column of the calendar's month and week views."
          data={WEEKDAYS.map((d, i) => ({ value: String(i), label: d }))}
          value={String(prefs.weekStart)}
          allowDeselect={false}
          onChange={(value) => value !== null && void update({ weekStart: Number(value) })}
        />
        <Select
          label="Default time zone"
          description="For new plans. Empty: use the zone of the plan's rotation."
          placeholder="The plan's own zone"
          data={zones}
          value={prefs.defaultTimeZone}
          searchable
          clearable
          limit={50}
          nothingFoundMessage="No time zone matches"
          onChange={(value) => void update({ defaultTimeZone: value })}
        />
        <TextInput
          label="Export folder"
          description="Where exports are saved and save dialogs start. Empty: the exports folder in Rotaplan's data folder."
          placeholder="e.g. /home/ana/Documents/On-call"
          value={exportDir}
          onChange={(e) => setExportDir(e.currentTarget.value)}
          onBlur={saveExportDir}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveExportDir();
          }}
          // The button sits beside the field only, so the label and description keep the dialog's full width.
          inputContainer={(input) =>
            desktop ? (
              <Group gap="xs" wrap="nowrap">
                <div style={{ flex: 1 }}>{input}</div>
                <Button variant="default" onClick={() => void browse()}>
                  Browse…
                </Button>
              </Group>
            ) : (
              input
            )
          }
        />
        {browseError && (
          <Text size="xs" c="red" role="alert" mt={-8}>
            {browseError}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => {
              saveExportDir();
              onClose();
            }}
          >
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
