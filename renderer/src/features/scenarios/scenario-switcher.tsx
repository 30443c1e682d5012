import { Select } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { selectAnalysedScenarioId } from '../../store/simulation-slice';
import { useAppStore } from '../../store/store';

const LIVE = 'live';

/**
 * Top-bar switcher: which plan the Fairness view analyses and simulates — the live plan or one of its what-if
 * scenarios. Editing views (team, calendar, …) always show the live plan.
 */
export function ScenarioSwitcher() {
  const scenarios = useAppStore((s) => s.plan?.scenarios);
  const selected = useAppStore(selectAnalysedScenarioId);
  const setScenario = useAppStore((s) => s.setAnalysedScenario);
  const setView = useAppStore((s) => s.setView);
  if (!scenarios) return null;
  return (
    <Select
      size="xs"
      w={260}
      aria-label="Plan analysed in Fairness"
      data-testid="scenario-switcher"
      leftSection={<IconFlask size={14} />}
      allowDeselect={false}
      value={selected ?? LIVE}
      data={[
        { value: LIVE, label: 'Live plan' },
        ...scenarios.map((s) => ({ value: s.id, label: `Scenario: ${s.name}` })),
      ]}
      onChange={(value) => {
        setScenario(value === null || value === LIVE ? null : value);
        // Only the Fairness view reads the choice: go there so the switch shows its effect.
        if (value !== null && value !== LIVE) setView('fairness');
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
