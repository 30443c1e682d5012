import { describeJsonError } from '../../../electron/files/json-error';

/** What describeJsonError says about `text`, after JSON.parse refused it (BOM stripped, as the callers do). */
function describe_(text: string) {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return describeJsonError(text, error);
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('describeJsonError', () => {
  it.each([
    ['', 'the file is empty'],
    ['  \n\t', 'the file is empty'],
    [
      '{"a": "hello',
      'not valid JSON: the file ends too early (cut short?) after 12 characters, at line 1, column 13',
    ],
    [
      '{\n  "a": 1,\n  "b": [1, 2',
      'not valid JSON: the file ends too early (cut short?) after 24 characters, at line 3, column 13',
    ],
    ['{"a":', 'not valid JSON: the file ends too early (cut short?) after 5 characters'],
  ])('%j → %s', (text, message) => {
    expect(describe_(text)).toEqual({ path: '(root)', message });
  });

  it('names line and column of a mistake in the middle', () => {
    expect(describe_('{\n  "a": 1,\n}').message).toMatch(/^not valid JSON at line 3, column 1: /);
  });

  it('counts columns after a byte-order mark as an editor shows them', () => {
    expect(describe_('\uFEFF{"a": 1,}').message).toMatch(/^not valid JSON at line 1, column 9: /);
  });
});
