import { publishTarget } from '../../../shared/publish/targets';

describe('publishTarget', () => {
  it('names the known targets when the id is unknown', () => {
    expect(publishTarget('pagerdooty')).toEqual({
      message:
        'unknown publish target "pagerdooty" (known: pagerduty, terraform-pagerduty, terraform-grafana-oncall, ' +
        'terraform-opsgenie, goalert)',
    });
  });
});
