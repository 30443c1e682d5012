import { shiftLoad } from '../../../shared/fairness/shift-load';
import { changed, cleanPlan, member } from './test-plans';

// Weights in the test plans: weekday 1, weekend 1.5, holiday 2, night +0.5, investor week +0.5, secondary × 0.5.
// Los Angeles is UTC−7 in summer (PDT) and UTC−8 in winter (PST).

describe('shiftLoad: one shift, hours counted by hand', () => {
  it('a plain week Mon 09:00 → Mon 09:00 in Los Angeles', () => {
    // 2027-04-05 09:00 PDT = 16:00Z. 168 h; weekend Sat 00:00 → Mon 00:00 = 48 h; nights Mon 22:00 → Tue 07:00 …
    // Sun 22:00 → Mon 07:00 = 7 × 9 = 63 h. Weighted: 120 weekday + 48 × 1.5 + 63 × 0.5 = 120 + 72 + 31.5 = 223.5.
    expect(
      shiftLoad(cleanPlan(), {
        layerId: 'primary',
        memberId: 'a',
        start: '2027-04-05T16:00:00Z',
        end: '2027-04-12T16:00:00Z',
      }),
    ).toEqual({
      hours: 168,
      weekendHours: 48,
      holidayHours: 0,
      nightHours: 63,
      investorWeekHours: 0,
      weightedLoad: 223.5,
      layerFactor: 1,
    });
  });

  it('the spring-forward week lasts 167 h: Sunday has 23 h and its night 8 h', () => {
    // 2027-03-08 09:00 PST = 17:00Z → 2027-03-15 09:00 PDT = 16:00Z. Weekend 24 + 23 = 47 h; nights 6 × 9 + 8 = 62.
    // Weighted: 120 weekday + 47 × 1.5 + 62 × 0.5 = 120 + 70.5 + 31 = 221.5.
    const load = shiftLoad(cleanPlan(), {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-03-08T17:00:00Z',
      end: '2027-03-15T16:00:00Z',
    });
    expect(load).toMatchObject({ hours: 167, weekendHours: 47, nightHours: 62, weightedLoad: 221.5 });
  });

  it('the fall-back week lasts 169 h: Sunday has 25 h and its night 10 h', () => {
    // 2027-11-01 09:00 PDT = 16:00Z → 2027-11-08 09:00 PST = 17:00Z. Weekend 24 + 25 = 49 h; nights 6 × 9 + 10 = 64.
    // Weighted: 120 + 49 × 1.5 + 64 × 0.5 = 120 + 73.5 + 32 = 225.5.
    const load = shiftLoad(cleanPlan(), {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-11-01T16:00:00Z',
      end: '2027-11-08T17:00:00Z',
    });
    expect(load).toMatchObject({ hours: 169, weekendHours: 49, nightHours: 64, weightedLoad: 225.5 });
  });

  it('the secondary layer counts secondaryFactor (0.5) of the same hours', () => {
    const plan = changed((p) => {
      p.rotation.layers.push({ id: 'secondary', name: 'Secondary', memberOrder: ['b'] });
    });
    const load = shiftLoad(plan, {
      layerId: 'secondary',
      memberId: 'b',
      start: '2027-04-05T16:00:00Z',
      end: '2027-04-12T16:00:00Z',
    });
    expect(load).toMatchObject({ hours: 168, weightedLoad: 111.75, layerFactor: 0.5 });
  });

  it('weekend and night follow the member’s own zone (Berlin vs Los Angeles, Fri 09:00 → Sat 09:00 LA)', () => {
    // LA member: Fri 09:00 → Sat 09:00 PDT: weekend Sat 00:00–09:00 = 9 h; night Fri 22:00 → Sat 07:00 = 9 h.
    //   Weighted: 15 + 9 × 1.5 + 9 × 0.5 = 15 + 13.5 + 4.5 = 33.
    // Berlin member (CEST, 9 h ahead): Fri 18:00 → Sat 18:00: weekend 18 h; night Fri 22:00 → Sat 07:00 = 9 h.
    //   Weighted: 6 + 18 × 1.5 + 9 × 0.5 = 6 + 27 + 4.5 = 37.5.
    const plan = changed((p) => {
      p.members.push(
        member('eu', { timeZone: 'Europe/Berlin', holidayRegion: { country: 'DE', subdivision: 'BE' } }),
      );
    });
    const span = { layerId: 'primary', start: '2027-04-09T16:00:00Z', end: '2027-04-10T16:00:00Z' };
    expect(shiftLoad(plan, { ...span, memberId: 'a' })).toMatchObject({
      hours: 24,
      weekendHours: 9,
      nightHours: 9,
      weightedLoad: 33,
    });
    expect(shiftLoad(plan, { ...span, memberId: 'eu' })).toMatchObject({
      hours: 24,
      weekendHours: 18,
      nightHours: 9,
      weightedLoad: 37.5,
    });
  });

  it('a public holiday of the member’s region is paid at the holiday rate instead of the weekday rate', () => {
    // Independence Day (substitute day) Mon 2027-07-05 in US-CA, 00:00 → 24:00 PDT (07:00Z → next 07:00Z).
    // 24 holiday hours; night 00:00–07:00 + 22:00–24:00 = 9 h. Weighted: 24 × 2 + 9 × 0.5 = 52.5.
    const load = shiftLoad(cleanPlan(), {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-07-05T07:00:00Z',
      end: '2027-07-06T07:00:00Z',
    });
    expect(load).toMatchObject({
      hours: 24,
      weekendHours: 0,
      holidayHours: 24,
      nightHours: 9,
      weightedLoad: 52.5,
    });
  });

  it('a holiday on a weekend counts as weekend and holiday hours but is paid once, at the holiday rate', () => {
    // Independence Day, Sunday 2027-07-04: 24 weekend h, 24 holiday h; weighted 24 × 2 + 9 × 0.5 = 52.5, not 24 × 3.5.
    const load = shiftLoad(cleanPlan(), {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-07-04T07:00:00Z',
      end: '2027-07-05T07:00:00Z',
    });
    expect(load).toMatchObject({ weekendHours: 24, holidayHours: 24, weightedLoad: 52.5 });
  });

  it('the same day is an ordinary weekday for a member whose region has no holiday on it', () => {
    // 2027-07-05 is not a public holiday in Canada (BC): 15 weekday h × 1 + 9 night h × (1 + 0.5) = 15 + 13.5 = 28.5.
    const plan = changed((p) => {
      p.members.push(
        member('ca', { timeZone: 'America/Vancouver', holidayRegion: { country: 'CA', subdivision: 'BC' } }),
      );
    });
    const load = shiftLoad(plan, {
      layerId: 'primary',
      memberId: 'ca',
      start: '2027-07-05T07:00:00Z',
      end: '2027-07-06T07:00:00Z',
    });
    expect(load).toMatchObject({ holidayHours: 0, nightHours: 9, weightedLoad: 28.5 });
  });

  it('investor-week hours are counted in the plan zone and add their bonus', () => {
    // Rule: the last 7 days of each month; June 2027 → 06-24 … 06-30, i.e. until 2027-07-01 00:00 PDT (07:00Z).
    // Shift Mon 2027-06-28 09:00 → Tue 2027-06-29 09:00 PDT: 24 investor h, 9 night h, no weekend, no holiday.
    // Weighted: 24 + 9 × 0.5 + 24 × 0.5 = 24 + 4.5 + 12 = 40.5.
    const plan = changed((p) => {
      p.coverage.investorWeek.rule = { kind: 'last-days-of-month', days: 7 };
    });
    const load = shiftLoad(plan, {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-06-28T16:00:00Z',
      end: '2027-06-29T16:00:00Z',
    });
    expect(load).toMatchObject({ investorWeekHours: 24, nightHours: 9, weightedLoad: 40.5 });
    // The week Mon 06-28 09:00 → Mon 07-05 09:00 holds 63 investor h (06-28 09:00 → 07-01 00:00).
    const weekLoad = shiftLoad(plan, {
      layerId: 'primary',
      memberId: 'a',
      start: '2027-06-28T16:00:00Z',
      end: '2027-07-05T16:00:00Z',
    });
    expect(weekLoad.investorWeekHours).toBe(63);
  });

  it('clips to a window', () => {
    const load = shiftLoad(
      cleanPlan(),
      { layerId: 'primary', memberId: 'a', start: '2027-04-05T16:00:00Z', end: '2027-04-12T16:00:00Z' },
      { start: '2027-04-05T16:00:00Z', end: '2027-04-06T16:00:00Z' },
    );
    // Mon 09:00 → Tue 09:00: 24 h, night 22:00 → 07:00 = 9 h; weighted 24 + 4.5 = 28.5.
    expect(load).toMatchObject({ hours: 24, nightHours: 9, weightedLoad: 28.5 });
  });

  it('names an unknown member', () => {
    expect(() =>
      shiftLoad(cleanPlan(), {
        layerId: 'primary',
        memberId: 'nobody',
        start: '2027-04-05T16:00:00Z',
        end: '2027-04-12T16:00:00Z',
      }),
    ).toThrow('no team member has id "nobody"');
  });
});
