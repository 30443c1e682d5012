import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import type { Layer, LayerRotation } from '../../../shared/plan/schema';
import {
  coverageStrips,
  layerProblemSummary,
  previewTurns,
  withDraftLayer,
} from '../../../shared/rotation/draft-preview';
import { instantMs, msToInstant } from '../../../shared/time/zoned';

const plan = createFollowTheSunPlan('2026-11-27T00:00:00Z');
const primary = plan.rotation.layers[0]!;
const iso = (ms: number) => msToInstant(ms).slice(0, 16);

/** Primary with one regional rotation changed. */
function edited(id: string, change: Partial<LayerRotation>): Layer {
  return { ...primary, rotations: primary.rotations!.map((r) => (r.id === id ? { ...r, ...change } : r)) };
}

/** A strip as rows of kind, start and end (UTC, minutes) and who or which rotations. */
const rows = (layer: Layer, date: string) =>
  coverageStrips(withDraftLayer(plan.rotation, layer), layer, [date], 'UTC')[0]!.segments.map((s) => [
    s.kind,
    iso(s.start),
    iso(s.end),
    s.kind === 'covered' ? s.memberId : s.rotationIds.join('+'),
  ]);

describe('draft preview', () => {
  it('lists the turns of the next week with who and their on-call time', () => {
    const turns = previewTurns(plan.rotation, primary, {
      start: instantMs('2027-01-11T00:00:00Z'),
      end: instantMs('2027-01-18T00:00:00Z'),
    });
    expect(turns.map((t) => [t.rotationId, t.memberId, iso(t.start), iso(t.end), t.hours]))
      .toMatchInlineSnapshot(`
      [
        [
          "primary-new-york",
          "marcus",
          "2027-01-04T17:00",
          "2027-01-11T01:30",
          59.5,
        ],
        [
          "primary-kolkata",
          "meera",
          "2027-01-11T01:30",
          "2027-01-17T10:00",
          59.5,
        ],
        [
          "primary-berlin",
          "jonas",
          "2027-01-11T10:00",
          "2027-01-17T17:00",
          49,
        ],
        [
          "primary-new-york",
          "elena",
          "2027-01-11T17:00",
          "2027-01-18T01:30",
          59.5,
        ],
      ]
    `);
  });

  it('draws the follow-the-sun day as three regions meeting exactly', () => {
    expect(rows(primary, '2027-01-12')).toMatchInlineSnapshot(`
      [
        [
          "covered",
          "2027-01-12T00:00",
          "2027-01-12T01:30",
          "elena",
        ],
        [
          "covered",
          "2027-01-12T01:30",
          "2027-01-12T10:00",
          "meera",
        ],
        [
          "covered",
          "2027-01-12T10:00",
          "2027-01-12T17:00",
          "jonas",
        ],
        [
          "covered",
          "2027-01-12T17:00",
          "2027-01-13T00:00",
          "elena",
        ],
      ]
    `);
  });

  it('shows a hole when a region ends early and a double when another starts early', () => {
    const early = edited('primary-berlin', {
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '11:00', end: '16:00' }],
    });
    expect(rows(early, '2027-01-12')).toMatchInlineSnapshot(`
      [
        [
          "covered",
          "2027-01-12T00:00",
          "2027-01-12T01:30",
          "elena",
        ],
        [
          "covered",
          "2027-01-12T01:30",
          "2027-01-12T10:00",
          "meera",
        ],
        [
          "covered",
          "2027-01-12T10:00",
          "2027-01-12T15:00",
          "jonas",
        ],
        [
          "hole",
          "2027-01-12T15:00",
          "2027-01-12T17:00",
          "",
        ],
        [
          "covered",
          "2027-01-12T17:00",
          "2027-01-13T00:00",
          "elena",
        ],
      ]
    `);
    // Berlin to 18:00 (17:00Z) while New York starts at 10:00 (15:00Z): both hold 15:00-17:00Z.
    const overlap = edited('primary-berlin', {
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '11:00', end: '18:00' }],
    });
    const layer = {
      ...overlap,
      rotations: overlap.rotations!.map((r) =>
        r.id === 'primary-new-york'
          ? { ...r, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00' }] }
          : r,
      ),
    };
    expect(rows(layer, '2027-01-12')).toMatchInlineSnapshot(`
      [
        [
          "covered",
          "2027-01-12T00:00",
          "2027-01-12T01:30",
          "tom",
        ],
        [
          "covered",
          "2027-01-12T01:30",
          "2027-01-12T10:00",
          "meera",
        ],
        [
          "covered",
          "2027-01-12T10:00",
          "2027-01-12T15:00",
          "jonas",
        ],
        [
          "double",
          "2027-01-12T15:00",
          "2027-01-12T17:00",
          "primary-berlin+primary-new-york",
        ],
        [
          "covered",
          "2027-01-12T17:00",
          "2027-01-13T00:00",
          "tom",
        ],
      ]
    `);
  });

  it('counts the holes and doubles over the whole plan', () => {
    expect(layerProblemSummary(plan.rotation, primary)).toEqual({ holes: 0, doubles: 0, first: null });
    // Berlin until 18:00 its own time meets New York's 12:00 in winter and summer, but not in the weeks when only
    // one of them has changed its clocks: there Berlin and New York both hold an hour.
    const fixedEnd = edited('primary-berlin', {
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '11:00', end: '18:00' }],
    });
    const summary = layerProblemSummary(withDraftLayer(plan.rotation, fixedEnd), fixedEnd);
    expect([summary.holes, summary.doubles]).toMatchInlineSnapshot(`
      [
        0,
        42,
      ]
    `);
    expect(
      summary.first && [
        summary.first.kind,
        iso(summary.first.start),
        iso(summary.first.end),
        summary.first.rotationIds,
      ],
    ).toMatchInlineSnapshot(`
      [
        "double",
        "2027-03-14T16:00",
        "2027-03-14T17:00",
        [
          "primary-berlin",
          "primary-new-york",
        ],
      ]
    `);
  });
});
