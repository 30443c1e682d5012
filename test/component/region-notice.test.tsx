import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { FairnessView } from '../../renderer/src/features/fairness/fairness-view';
import { useAppStore } from '../../renderer/src/store/store';
import { changed, member, weeks } from '../unit/fairness/test-plans';

describe('the Fairness view says whose regional holidays are not counted', () => {
  it('names Alex (GB, no region) and England’s 2027-08-30 bank holiday, and not Bea (GB-ENG)', async () => {
    const plan = changed((p) => {
      p.members = [
        member('a', { name: 'Alex', holidayRegion: { country: 'GB' } }),
        member('b', { name: 'Bea', holidayRegion: { country: 'GB', subdivision: 'ENG' } }),
      ];
      p.rotation.layers[0]!.memberOrder = ['a', 'b'];
      p.rotation.startDate = '2027-08-23';
      p.rotation.endDate = '2027-09-06';
      p.shifts = weeks('primary', '2027-08-23', ['a', 'b']);
    });
    useAppStore.setState({
      plan,
      past: [],
      future: [],
      loadStatus: 'ready',
      view: 'fairness',
      calendarFocus: null,
      analysedScenarioId: null,
    });
    render(
      <MantineProvider>
        <FairnessView />
      </MantineProvider>,
    );
    const notice = await screen.findByTestId('region-notice', {}, { timeout: 20_000 });
    expect([...notice.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "Alex (GB) has no region: regional holidays such as England's 2027-08-30 Summer bank holiday are not counted.",
    ]);
  });
});
