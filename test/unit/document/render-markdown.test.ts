import { escapeMarkdown, renderMarkdown } from '../../../shared/document/render-markdown';
import {
  code,
  item,
  missing,
  paragraph,
  section,
  strong,
  text,
} from '../../../shared/document/document-model';
import { describeCron } from '../../../shared/document/format';

describe('escapeMarkdown', () => {
  it.each([
    ['Profit', 'Profit'],
    ['fact_revenue and Los_Angeles', 'fact_revenue and Los_Angeles'],
    ['_private_ *bold* `tick`', '\\_private\\_ \\*bold\\* \\`tick\\`'],
    ['[Your Answer](x)', '\\[Your Answer\\](x)'],
    ['a | b', 'a \\| b'],
    ['<b>', '\\<b\\>'],
    ['Executives & investors', 'Executives & investors'],
    ['&amp; &#169;', '\\&amp; \\&#169;'],
    ['two\nlines', 'two lines'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('describeCron', () => {
  it.each([
    ['0 2 * * *', 'daily at 02:00'],
    ['30 3 * * *', 'daily at 03:30'],
    ['0 7 * * 1-5', 'weekdays at 07:00'],
    ['15 6 * * 0', 'every Sunday at 06:15'],
    ['0 6 * * 3', 'every Wednesday at 06:00'],
    ['*/5 * * * *', null],
    ['0 2 1 * *', null],
    ['0 25 * * *', null],
    ['0 2 * *', null],
  ])('%s → %j', (expression, expected) => {
    expect(describeCron(expression)).toBe(expected);
  });
});

describe('renderMarkdown', () => {
  it('renders sections, guarded paragraphs, nested and ordered lists, tables and code', () => {
    const md = renderMarkdown({
      title: 'Plan',
      facts: [{ label: 'Organisation', value: [text('Acme')] }],
      intro: [text('# not a heading')],
      blocks: [
        section(3, '1. Part', [
          paragraph(text('2027. A year')),
          {
            kind: 'list',
            ordered: true,
            items: [
              {
                content: [strong('First')],
                children: [{ kind: 'list', ordered: false, items: [item(text('- a'))] }],
              },
            ],
          },
          { kind: 'table', columns: ['A', 'B'], rows: [[[text('x|y')], [missing('none')]]] },
          paragraph(text('run '), code('a `b` c')),
          { kind: 'rule' },
        ]),
      ],
    });
    expect(md).toBe(
      [
        '# Plan',
        '',
        '- **Organisation:** Acme',
        '',
        '\\# not a heading',
        '',
        '### 1. Part',
        '',
        '2027\\. A year',
        '',
        '1. **First**',
        '   - \\- a',
        '',
        '| A | B |',
        '| --- | --- |',
        '| x\\|y | _none_ |',
        '',
        'run ``a `b` c``',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });
});
