import fc from 'fast-check';
import { parseJsonBytes } from '../../../electron/files/parse-json-bytes';

/** What the fast path must always equal: decode as UTF-8, drop a BOM, parse. */
const plainParse = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));

/** The outcome of a parse, error message included, so both paths can be compared whole. */
function outcome(parse: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('parseJsonBytes', () => {
  it('reads strings and keys beyond ASCII as UTF-8', () => {
    const text = JSON.stringify(
      { name: 'Équipe — São Paulo’s “plan” ≥ 4 🚀', clé: ['naïve', 'plain'], n: 1 },
      null,
      2,
    );
    expect(parseJsonBytes(Buffer.from(text))).toEqual({
      name: 'Équipe — São Paulo’s “plan” ≥ 4 🚀',
      clé: ['naïve', 'plain'],
      n: 1,
    });
  });

  it('equals JSON.parse of the UTF-8 text for 2,000 generated values with any characters', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.boolean(), (value, pretty) => {
        const bytes = Buffer.from(JSON.stringify(value, null, pretty ? 2 : undefined));
        expect(parseJsonBytes(bytes)).toEqual(plainParse(bytes));
      }),
      { numRuns: 2000, seed: 20271127 },
    );
  });

  it('takes the fast path for printable text and still equals JSON.parse (2,000 values)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        const bytes = Buffer.from(JSON.stringify(value, null, 2));
        fc.pre(!bytes.includes('\\u'));
        expect(parseJsonBytes(bytes)).toEqual(plainParse(bytes));
      }),
      { numRuns: 2000, seed: 20271128 },
    );
  });

  it('takes the plain path for \\u escapes beyond ASCII mixed with raw UTF-8, and for a BOM', () => {
    const escaped = Buffer.from('{"a": "\\u00e9t\\u00c3\\u00a9", "b": "été"}');
    expect(parseJsonBytes(escaped)).toEqual({ a: 'étÃ©', b: 'été' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": "ü"}')]);
    expect(parseJsonBytes(bom)).toEqual({ a: 'ü' });
  });

  it('reads bytes that are not UTF-8 as the plain decoding does (replacement characters)', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a": "caf'),
      Buffer.from([0xe9, 0xc3]),
      Buffer.from('", "b": "ü"}'),
    ]);
    expect(parseJsonBytes(bytes)).toEqual(plainParse(bytes));
    expect(parseJsonBytes(bytes)).toEqual({ a: 'caf\uFFFD\uFFFD', b: 'ü' });
  });

  it('reads a document nested deeper than its walk can go as JSON.parse does', () => {
    const depth = 20_000;
    const bytes = Buffer.from(`${'['.repeat(depth)}"é"${']'.repeat(depth)}`);
    // Walked down in a loop: a deep equality check (or JSON.stringify) is itself recursive.
    let value = parseJsonBytes(bytes);
    for (let level = 0; level < depth; level++) {
      expect(Array.isArray(value) && value.length === 1).toBe(true);
      value = (value as unknown[])[0];
    }
    expect(value).toBe('é');
  });

  it('throws the same error as JSON.parse of the text, positions counted in characters', () => {
    const bytes = Buffer.from('{"name": "São Paulo", "shifts": [1, 2,, 3]}');
    expect(outcome(() => parseJsonBytes(bytes))).toEqual(outcome(() => plainParse(bytes)));
    expect(outcome(() => parseJsonBytes(bytes))).toEqual({
      error: `Unexpected token ',', ..."s": [1, 2,, 3]}" is not valid JSON`,
    });
  });
});
