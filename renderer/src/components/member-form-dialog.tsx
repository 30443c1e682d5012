import {
  Button,
  ColorInput,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { MEMBER_PALETTE } from '../../../shared/plan/member-colors';
import { memberSchema, type Member, type Pipeline, type Seniority } from '../../../shared/plan/schema';
import { formatPath } from '../../../shared/plan/validate';
import { regionPrompt } from '../../../shared/time/region-prompt';
import { TimeZoneSelect } from './time-zone-select';
import { useHolidayRegions } from '../hooks/use-holiday-regions';

type FormValues = {
  name: string;
  email: string;
  role: string;
  seniority: Seniority;
  timeZone: string;
  country: string;
  subdivision: string;
  color: string;
  skills: string[];
};

const SENIORITY: { value: Seniority; label: string }[] = [
  { value: 'junior', label: 'Junior' },
  { value: 'mid', label: 'Mid-level' },
  { value: 'senior', label: 'Senior' },
  { value: 'staff', label: 'Staff' },
  { value: 'lead', label: 'Lead' },
];

function toValues(member: Member): FormValues {
  return {
    name: member.name,
    email: member.email,
    role: member.role,
    seniority: member.seniority,
    timeZone: member.timeZone,
    country: member.holidayRegion.country,
    subdivision: member.holidayRegion.subdivision ?? '',
    color: member.color,
    skills: member.skills,
  };
}

function toMember(id: string, values: FormValues, timeOff: Member['timeOff']): Member {
  return {
    id,
    name: values.name.trim(),
    email: values.email.trim(),
    role: values.role.trim(),
    seniority: values.seniority,
    timeZone: values.timeZone,
    holidayRegion: values.subdivision
      ? { country: values.country, subdivision: values.subdivision }
      : { country: values.country },
    color: values.color,
    skills: values.skills,
    timeOff,
  };
}

const FIELD_OF_PATH: Record<string, keyof FormValues> = {
  name: 'name',
  email: 'email',
  role: 'role',
  timeZone: 'timeZone',
  'holidayRegion.country': 'country',
  'holidayRegion.subdivision': 'subdivision',
  color: 'color',
};

export type MemberFormProps = {
  opened: boolean;
  title: string;
  /** The member to edit, or a fresh one (with an id and defaults) to add. */
  member: Member;
  pipelines: Pipeline[];
  onClose: () => void;
  /** Returns a refusal reason, or null when the edit was applied. */
  onSubmit: (member: Member) => string | null;
  /** More fields of the caller's, shown above the buttons (a what-if join asks for the date). */
  children?: ReactNode;
};

/** Add or edit a team member: name, e-mail, role, IANA zone, holiday region from date-holidays, colour, skills. */
export function MemberForm({
  opened,
  title,
  member,
  pipelines,
  onClose,
  onSubmit,
  children,
}: MemberFormProps) {
  const { countries, error: regionError } = useHolidayRegions();
  const form = useForm<FormValues>({ initialValues: toValues(member) });
  const country = countries.find((c) => c.code === form.values.country);

  const submit = form.onSubmit((values) => {
    const candidate = toMember(member.id, values, member.timeOff);
    const parsed = memberSchema.safeParse(candidate);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF_PATH[formatPath(issue.path)] ?? 'name';
        errors[field] ??= issue.message;
      }
      form.setErrors(errors);
      return;
    }
    const refused = onSubmit(parsed.data);
    if (refused) form.setErrors({ name: refused });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <TextInput label="E-mail" required type="email" {...form.getInputProps('email')} />
            <TextInput label="Role" placeholder="Senior Data Engineer" {...form.getInputProps('role')} />
            <Select
              label="Seniority"
              data={SENIORITY}
              allowDeselect={false}
              {...form.getInputProps('seniority')}
            />
          </SimpleGrid>
          <TimeZoneSelect
            label="Time zone"
            description="Nights (22:00–07:00) are counted in this zone"
            required
            {...form.getInputProps('timeZone')}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Holiday country"
              description="Public holidays from date-holidays"
              searchable
              required
              data={countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
              error={regionError ?? form.errors.country}
              allowDeselect={false}
              value={form.values.country}
              onChange={(value) => {
                form.setFieldValue('country', value ?? '');
                form.setFieldValue('subdivision', '');
              }}
            />
            <Select
              label="Region or state"
              description={regionPrompt(country, form.values.subdivision)}
              placeholder={country && country.subdivisions.length > 0 ? 'Pick a region' : undefined}
              searchable
              clearable
              disabled={!country || country.subdivisions.length === 0}
              data={(country?.subdivisions ?? []).map((s) => ({
                value: s.code,
                label: `${s.name} (${s.code})`,
              }))}
              value={form.values.subdivision || null}
              onChange={(value) => form.setFieldValue('subdivision', value ?? '')}
              error={form.errors.subdivision}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <ColorInput
              label="Colour"
              description="Used for this person everywhere"
              swatches={[...MEMBER_PALETTE]}
              swatchesPerRow={6}
              withEyeDropper={false}
              {...form.getInputProps('color')}
            />
            <MultiSelect
              label="Pipelines they can handle"
              data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('skills')}
            />
          </SimpleGrid>
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save member</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
