import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAdjustments,
  IconCalendarOff,
  IconChartBar,
  IconCheck,
  IconClockHour4,
  IconFlask,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUserMinus,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { PlanEdit } from '../../../../shared/plan/edits';
import type { Member, Plan, Scenario } from '../../../../shared/plan/schema';
import { EmptyState } from '../../components/empty-state';
import { scenarioAsPlan, selectAnalysedScenarioId } from '../../store/simulation-slice';
import { useAppStore } from '../../store/store';
import type { AnalysisWindow } from '../../workers/analysis-client';
import { MemberForm } from '../../components/member-form-dialog';
import { newMember } from '../../../../shared/plan/new-member';
import { layerRotations } from '../../../../shared/rotation/layer-rotations';
import { CompareView } from './compare-view';
import {
  LeaveOrJoinDate,
  middleOfPlan,
  ScenarioChangeDialog,
  type ChangeMode,
} from './scenario-change-dialog';
import { ScenarioNameDialog } from './scenario-name-dialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; scenario: Scenario }
  | { kind: 'delete'; scenario: Scenario }
  | { kind: 'apply'; scenario: Scenario }
  | { kind: 'change'; scenario: Scenario; mode: ChangeMode }
  | { kind: 'join'; scenario: Scenario; member: Member; from: string };

/**
 * One line of facts about a scenario: when it was made, who is on its rotation at the plan's end (someone who leaves
 * on a date is no longer counted), how its shifts run.
 */
function scenarioFacts(s: Scenario): string {
  const { members, rotation, shifts } = s.body;
  const atEnd = rotation.layers.flatMap((l) =>
    layerRotations(rotation, l)
      .filter((r) => r.until === undefined || r.until >= rotation.endDate)
      .flatMap((r) => r.members),
  );
  const onRotation = members.filter((m) => atEnd.includes(m.id)).length;
  const days = rotation.shiftLengthDays;
  return `Created ${s.createdAt.slice(0, 10)} · ${onRotation} of ${members.length} members on the rotation · ${days}-day shifts · ${shifts.length} shifts`;
}

function suggestName(plan: Plan): string {
  for (let n = plan.scenarios.length + 1; ; n++) {
    const name = `Scenario ${n}`;
    if (!plan.scenarios.some((s) => s.name === name)) return name;
  }
}

/**
 * What-if scenarios: copies of the plan to change (someone leaves, joins, takes a month off; shift length) and to
 * compare side by side with the live plan; a scenario can become the live plan in one undoable step.
 */
export function ScenariosPanel({ plan, range }: { plan: Plan; range: AnalysisWindow }) {
  const edit = useAppStore((s) => s.edit);
  const analysed = useAppStore(selectAnalysedScenarioId);
  const setAnalysed = useAppStore((s) => s.setAnalysedScenario);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [picked, setPicked] = useState<string[] | null>(null);
  const close = () => setDialog(null);

  const run = (change: PlanEdit, success?: string): string | null => {
    const result = edit(change);
    if (!result.ok) return result.reason;
    if (success) notifications.show({ color: 'green', message: success });
    close();
    return null;
  };

  const ids = plan.scenarios.map((s) => s.id);
  // Until the user picks, compare the first two scenarios; a deleted scenario drops out of the pick.
  const compared = (picked ?? ids.slice(0, 2)).filter((id) => ids.includes(id)).slice(0, 2);
  const comparedScenarios = compared.map((id) => plan.scenarios.find((s) => s.id === id)!);

  return (
    <Stack gap="lg" data-testid="scenarios-panel">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={720}>
          A scenario copies the plan as it is now. Change it — someone leaves, joins or takes a month off, or
          shifts get longer — and its rotation is regenerated; the live plan stays as it is until you apply
          one.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          New scenario
        </Button>
      </Group>

      {plan.scenarios.length === 0 ? (
        <EmptyState icon={IconFlask} title="No scenarios yet">
          Create one to try a change — for example Sam leaving in June or two-week shifts — and compare its
          fairness and flags with the live plan before you commit to it.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {plan.scenarios.map((s) => (
            <Paper key={s.id} withBorder radius="md" p="sm" data-scenario-id={s.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{s.name}</Text>
                    {analysed === s.id && (
                      <Badge size="xs" variant="light">
                        analysed in Fairness
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {scenarioFacts(s)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={s.description ? undefined : 'dimmed'}>
                    {s.description || 'A copy of the live plan, not changed yet.'}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="xs" variant="light" leftSection={<IconAdjustments size={14} />}>
                        Change
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconUserMinus size={14} />}
                        onClick={() => setDialog({ kind: 'change', scenario: s, mode: 'member-leaves' })}
                      >
                        Someone leaves…
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconUserPlus size={14} />}
                        onClick={() =>
                          setDialog({
                            kind: 'join',
                            scenario: s,
                            member: newMember(scenarioAsPlan(plan, s), crypto.randomUUID()),
                            from: middleOfPlan(s.body),
                          })
                        }
                      >
                        Someone joins…
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconCalendarOff size={14} />}
                        onClick={() => setDialog({ kind: 'change', scenario: s, mode: 'time-off' })}
                      >
                        Someone takes time off…
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconClockHour4 size={14} />}
                        onClick={() => setDialog({ kind: 'change', scenario: s, mode: 'shift-length' })}
                      >
                        Shift length…
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                  <Tooltip label="Analyse and simulate this scenario in the Fairness tabs">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconChartBar size={14} />}
                      onClick={() => setAnalysed(analysed === s.id ? null : s.id)}
                    >
                      {analysed === s.id ? 'Analyse live plan' : 'Analyse'}
                    </Button>
                  </Tooltip>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconCheck size={14} />}
                    onClick={() => setDialog({ kind: 'apply', scenario: s })}
                  >
                    Apply to plan
                  </Button>
                  <Tooltip label={`Rename ${s.name}`}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Rename ${s.name}`}
                      onClick={() => setDialog({ kind: 'rename', scenario: s })}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={`Delete ${s.name}`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${s.name}`}
                      onClick={() => setDialog({ kind: 'delete', scenario: s })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      {plan.scenarios.length > 0 && (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={4}>Compare with the live plan</Title>
            <MultiSelect
              w={420}
              size="xs"
              aria-label="Scenarios to compare"
              placeholder="Pick one or two scenarios"
              maxValues={2}
              value={compared}
              onChange={setPicked}
              data={plan.scenarios.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Group>
          {comparedScenarios.length === 0 ? (
            <Text size="sm" c="dimmed">
              Pick one or two scenarios to compare.
            </Text>
          ) : (
            <CompareView plan={plan} scenarios={comparedScenarios} range={range} />
          )}
        </Stack>
      )}

      {dialog?.kind === 'create' && (
        <ScenarioNameDialog
          title="New scenario from the live plan"
          initial={suggestName(plan)}
          submitLabel="Create scenario"
          onClose={close}
          onSubmit={(name) => {
            const scenarioId = `scenario-${crypto.randomUUID().slice(0, 8)}`;
            const refused = run({
              kind: 'scenario:create',
              scenarioId,
              name,
              createdAt: new Date().toISOString(),
            });
            if (!refused) setPicked((p) => (p === null ? null : [...p, scenarioId].slice(-2)));
            return refused;
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <ScenarioNameDialog
          title="Rename scenario"
          initial={dialog.scenario.name}
          submitLabel="Rename"
          onClose={close}
          onSubmit={(name) => run({ kind: 'scenario:rename', scenarioId: dialog.scenario.id, name })}
        />
      )}
      {dialog?.kind === 'change' && (
        <ScenarioChangeDialog
          mode={dialog.mode}
          scenario={dialog.scenario}
          plan={plan}
          onClose={close}
          onApply={(change) => run({ kind: 'scenario:update', scenarioId: dialog.scenario.id, change })}
        />
      )}
      {dialog?.kind === 'join' && (
        <MemberForm
          opened
          title={`Someone joins — ${dialog.scenario.name}`}
          member={dialog.member}
          pipelines={dialog.scenario.body.pipelines}
          onClose={close}
          onSubmit={(member) =>
            run({
              kind: 'scenario:update',
              scenarioId: dialog.scenario.id,
              change: { kind: 'member-joins', member, from: dialog.from },
            })
          }
        >
          <LeaveOrJoinDate
            label="Joins on"
            value={dialog.from}
            plan={dialog.scenario.body}
            onChange={(from) => setDialog({ ...dialog, from })}
          />
        </MemberForm>
      )}
      {(dialog?.kind === 'delete' || dialog?.kind === 'apply') && (
        <Modal
          opened
          onClose={close}
          centered
          title={
            dialog.kind === 'delete'
              ? `Delete ${dialog.scenario.name}?`
              : `Apply ${dialog.scenario.name} to the plan?`
          }
        >
          <Stack gap="md">
            <Text size="sm">
              {dialog.kind === 'delete'
                ? 'The scenario and its changes are removed from the plan. Undo (Ctrl+Z) brings it back.'
                : 'The live plan’s team, pipelines, ownership, rotation and shifts become the scenario’s. The scenario stays in the list, and Undo (Ctrl+Z) restores the plan as it was.'}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                color={dialog.kind === 'delete' ? 'red' : undefined}
                onClick={() => {
                  const refused =
                    dialog.kind === 'delete'
                      ? run(
                          { kind: 'scenario:delete', scenarioId: dialog.scenario.id },
                          `${dialog.scenario.name} was deleted.`,
                        )
                      : run(
                          { kind: 'scenario:apply', scenarioId: dialog.scenario.id },
                          `The plan now follows ${dialog.scenario.name}. Undo brings the old plan back.`,
                        );
                  if (refused) notifications.show({ color: 'red', title: 'Not done', message: refused });
                }}
              >
                {dialog.kind === 'delete' ? 'Delete' : 'Apply to plan'}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
