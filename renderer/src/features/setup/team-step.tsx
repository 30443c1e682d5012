import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { useHolidayRegions } from '../../hooks/use-holiday-regions';
import { regionMissing } from '../../../../shared/time/region-prompt';
import {
  blankMember,
  MIN_MEMBERS,
  type DraftMember,
  type SetupDraft,
} from '../../../../shared/setup/setup-draft';
import { draftKey } from './draft-keys';
import { RemoveRowButton } from './remove-row-button';

/** Step 2: the people on call — name, e-mail, holiday region from date-holidays and time zone; at least two. */
export function TeamStep({
  draft,
  defaultCountry,
  onChange,
}: {
  draft: SetupDraft;
  defaultCountry: string;
  onChange: (patch: Partial<SetupDraft>) => void;
}) {
  const { countries, error } = useHolidayRegions();
  const countryOptions = useMemo(
    () => countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    [countries],
  );
  const update = (key: string, fields: Partial<DraftMember>) =>
    onChange({ members: draft.members.map((m) => (m.key === key ? { ...m, ...fields } : m)) });
  const remove = (key: string) => onChange({ members: draft.members.filter((m) => m.key !== key) });
  const add = () =>
    onChange({
      members: [
        ...draft.members,
        blankMember(
          draftKey('member'),
          draft.members[draft.members.length - 1],
          draft.timeZone,
          defaultCountry,
        ),
      ],
    });

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Everyone who takes on-call shifts, at least {MIN_MEMBERS}. Public holidays come from each person’s
        region; nights are counted in their own time zone.
      </Text>
      {error && (
        <Alert color="orange" title="Holiday regions unavailable">
          {error}
        </Alert>
      )}
      {draft.members.map((m, i) => {
        const n = i + 1;
        const country = countries.find((c) => c.code === m.country);
        return (
          <Paper key={m.key} withBorder p="sm" radius="md" data-testid="setup-member">
            <Group align="flex-end" wrap="nowrap" gap="sm">
              <SimpleGrid cols={5} spacing="sm" style={{ flex: 1 }}>
                <TextInput
                  label={`Name of member ${n}`}
                  required
                  value={m.name}
                  onChange={(e) => update(m.key, { name: e.currentTarget.value })}
                />
                <TextInput
                  label={`E-mail of member ${n}`}
                  type="email"
                  required
                  value={m.email}
                  onChange={(e) => update(m.key, { email: e.currentTarget.value })}
                />
                <Select
                  label={`Holiday country of member ${n}`}
                  searchable
                  required
                  data={countryOptions}
                  allowDeselect={false}
                  value={m.country || null}
                  onChange={(value) => update(m.key, { country: value ?? '', subdivision: '' })}
                />
                <Select
                  label={`Region of member ${n}`}
                  placeholder={country && country.subdivisions.length === 0 ? 'None' : 'Pick a region'}
                  searchable
                  clearable
                  disabled={!country || country.subdivisions.length === 0}
                  data={(country?.subdivisions ?? []).map((s) => ({
                    value: s.code,
                    label: `${s.name} (${s.code})`,
                  }))}
                  value={m.subdivision || null}
                  onChange={(value) => update(m.key, { subdivision: value ?? '' })}
                />
                <TimeZoneSelect
                  label={`Time zone of member ${n}`}
                  required
                  value={m.timeZone}
                  onChange={(value) => value && update(m.key, { timeZone: value })}
                />
              </SimpleGrid>
              <RemoveRowButton
                tooltip="Remove from the team"
                label={`Remove member ${n}`}
                onRemove={() => remove(m.key)}
                mb={2}
              />
            </Group>
            {country && regionMissing(country, m.subdivision) && (
              <Text size="xs" c="orange.8" mt={6} data-testid="region-missing">
                Pick a region for member {n}: without it only {country.name}’s nationwide holidays count, not
                its regional ones.
              </Text>
            )}
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
          Add member
        </Button>
        <Text size="sm" c="dimmed">
          {draft.members.length} {draft.members.length === 1 ? 'person' : 'people'}
        </Text>
      </Group>
    </Stack>
  );
}
