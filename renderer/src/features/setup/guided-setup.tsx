import {
  Alert,
  Button,
  Container,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { api, ApiError } from '../../api/api';
import { useAppStore } from '../../store/store';
import { OwnershipStep } from './ownership-step';
import { PipelinesStep } from './pipelines-step';
import { draftKey } from './draft-keys';
import { PlanStep } from './plan-step';
import { RotationStep } from './rotation-step';
import {
  balancedOwnership,
  buildPlanFromDraft,
  initialDraft,
  SETUP_STEPS,
  stepProblems,
  type SetupDraft,
  type SetupStep,
} from '../../../../shared/setup/setup-draft';
import { TeamStep } from './team-step';

const LABELS: Record<SetupStep, { label: string; description: string }> = {
  plan: { label: 'Plan', description: 'Name and time zone' },
  team: { label: 'Team', description: 'Who is on call' },
  pipelines: { label: 'Pipelines', description: 'What you run' },
  ownership: { label: 'Ownership', description: 'Who owns what' },
  rotation: { label: 'Rotation', description: 'How duty rotates' },
};

/** The browser's own zone, or UTC when the runtime cannot say. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The country of the user's locale (en-US → US), a better first guess for the holiday region than none. */
function localeCountry(): string {
  try {
    return new Intl.Locale(navigator.language).maximize().region ?? '';
  } catch {
    return '';
  }
}

/** Keeps ownership rows that still point at existing people and fills the rest with the balanced split. */
function withOwnershipDefaults(draft: SetupDraft): SetupDraft {
  const keys = new Set(draft.members.map((m) => m.key));
  const balanced = balancedOwnership(draft.members, draft.pipelines, draft.ownership);
  const ownership = { ...balanced };
  for (const p of draft.pipelines) {
    const row = draft.ownership[p.key];
    if (row?.primary && keys.has(row.primary) && (row.secondary === null || keys.has(row.secondary))) {
      ownership[p.key] = row;
    }
  }
  return { ...draft, ownership };
}

export type GuidedSetupProps = {
  opened: boolean;
  onClose: () => void;
  /** Zone for the new plan (the user's preference), or null for the system's zone. */
  defaultTimeZone: string | null;
};

/**
 * "New plan": a full-screen guided setup (plan → team → pipelines → ownership → rotation). Each step is checked
 * before Next; Finish builds the plan with pure edits from an empty plan, saves it as a new file through
 * `plan:new`, opens it and shows its first shifts in the Calendar. Cancel leaves the open plan as it was.
 */
export function GuidedSetup({ opened, onClose, defaultTimeZone }: GuidedSetupProps) {
  const replacePlan = useAppStore((s) => s.replacePlan);
  const setCalendarFocus = useAppStore((s) => s.setCalendarFocus);
  const [country] = useState(localeCountry);
  const [draft, setDraft] = useState<SetupDraft>(() =>
    initialDraft(new Date().toISOString(), defaultTimeZone ?? localZone(), country, [
      draftKey('member'),
      draftKey('member'),
    ]),
  );
  const [active, setActive] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const step = SETUP_STEPS[active]!;
  const last = active === SETUP_STEPS.length - 1;

  const change = (patch: Partial<SetupDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems([]);
  };

  const goTo = (index: number) => {
    setProblems([]);
    setSaveError(null);
    if (SETUP_STEPS[index] === 'ownership') setDraft(withOwnershipDefaults);
    setActive(index);
  };

  const next = () => {
    const found = stepProblems(draft, step);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    goTo(active + 1);
  };

  const finish = async () => {
    const found = stepProblems(draft, step);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const built = buildPlanFromDraft(draft, new Date().toISOString());
    if (!built.ok) {
      setActive(SETUP_STEPS.indexOf(built.step));
      setProblems([built.message]);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const loaded = await api.plan.new({ plan: built.plan });
      replacePlan(loaded);
      setCalendarFocus({ date: loaded.plan.rotation.startDate });
      notifications.show({
        color: 'green',
        title: 'Plan created',
        message: `${loaded.plan.meta.name} is open, saved as ${loaded.path}.`,
      });
      onClose();
    } catch (error) {
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      setSaveError(
        `The new plan could not be saved: ${message} Your answers are kept; the open plan is unchanged.`,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen
      title="New plan"
      closeButtonProps={{ 'aria-label': 'Cancel new plan' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      <Container size="xl" py="md" data-testid="guided-setup" data-step={step}>
        <Stack gap="xl">
          <Stepper active={active} onStepClick={goTo} allowNextStepsSelect={false} size="sm">
            {SETUP_STEPS.map((s) => (
              <Stepper.Step key={s} label={LABELS[s].label} description={LABELS[s].description} />
            ))}
          </Stepper>
          {step === 'plan' && <PlanStep draft={draft} onChange={change} />}
          {step === 'team' && <TeamStep draft={draft} defaultCountry={country} onChange={change} />}
          {step === 'pipelines' && <PipelinesStep draft={draft} onChange={change} />}
          {step === 'ownership' && <OwnershipStep draft={draft} onChange={change} />}
          {step === 'rotation' && <RotationStep draft={draft} onChange={change} />}
          {problems.length > 0 && (
            <Alert
              color="red"
              icon={<IconAlertTriangle />}
              title="Before you go on"
              data-testid="setup-problems"
              role="alert"
            >
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {saveError && (
            <Alert color="red" icon={<IconAlertTriangle />} title="Not saved" role="alert">
              <Text size="sm">{saveError}</Text>
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Group gap="sm">
              <Button variant="default" disabled={active === 0 || saving} onClick={() => goTo(active - 1)}>
                Back
              </Button>
              {last ? (
                <Button onClick={() => void finish()} loading={saving}>
                  Create plan
                </Button>
              ) : (
                <Button onClick={next}>Next</Button>
              )}
            </Group>
          </Group>
        </Stack>
      </Container>
    </Modal>
  );
}
