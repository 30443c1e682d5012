import { Alert, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Analysis } from '../../../../shared/fairness/analyze';
import { formatShare } from '../../components/fairness-format';

/**
 * The plan's main problem in one place, above the figures: who is on call more than the plan's limit (Google's
 * SRE book says 25 %), why (the team-size finding) and the one fix. Absent when nobody is over the limit.
 * Why: on a first look the same truth is spread over a headline card, four flags and a team-size flag; a manager
 * should read it once, in words, before the details.
 */
export function MainProblem({ analysis, maxOnCallShare }: { analysis: Analysis; maxOnCallShare: number }) {
  const over = analysis.members.filter((m) => m.onCallShare > maxOnCallShare + 1e-9);
  if (over.length === 0) return null;
  const teamSize = analysis.flags.find((f) => f.kind === 'team-size');
  const shareFix = analysis.flags.find((f) => f.kind === 'on-call-share' && f.fix)?.fix;
  const fix = teamSize?.fix ?? shareFix;
  const names = over.map((m) => `${m.name} ${formatShare(m.onCallShare)}`).join(', ');
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconInfoCircle />}
      data-testid="main-problem"
      // The tint and the icon carry the colour; the title stays in body text colour so it passes contrast.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      title={`The main thing to fix: ${over.length} ${over.length === 1 ? 'person is' : 'people are'} on call more than ${formatShare(maxOnCallShare)} of the time`}
    >
      <Text size="sm">
        {names}. {teamSize ? `${teamSize.message}.` : ''}
      </Text>
      {fix && (
        <Text size="sm" mt={4}>
          <b>Fix:</b> {fix}.
        </Text>
      )}
    </Alert>
  );
}
