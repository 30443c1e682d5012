const BACKSLASH_U = Buffer.from('\\u');
const HIGH_BYTE = /[\u0080-\u00ff]/;

/** Re-reads a string that was decoded one byte per character as the UTF-8 it is. */
const utf8Of = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

/** Gives every string (and key) holding bytes beyond ASCII its UTF-8 reading, in place where possible. */
function fixStrings(value: unknown): unknown {
  if (typeof value === 'string') return HIGH_BYTE.test(value) ? utf8Of(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fixStrings(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((key) => HIGH_BYTE.test(key))) {
    for (const key of keys) record[key] = fixStrings(record[key]);
    return record;
  }
  // Defined, not assigned: JSON.parse gives a "__proto__" key an own property, and so must this.
  const rebuilt: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(rebuilt, HIGH_BYTE.test(key) ? utf8Of(key) : key, {
      value: fixStrings(record[key]),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return rebuilt;
}

/**
 * Parses a JSON file's bytes (UTF-8) exactly as `JSON.parse(bytes.toString('utf8'))` would, errors included.
 * Why: one character beyond ASCII anywhere (a "’" in a runbook) makes V8 decode a whole 16 MB plan file into a
 * two-byte string, slowly, and parse it more slowly. Plan files have a few such characters, all inside strings
 * (JSON's own syntax is ASCII), so the bytes are read one per character (a one-byte string, fast), parsed, and only
 * the strings holding such bytes are read again as UTF-8. A file with a BOM or any `\u` escape (which could decode
 * to a character the second reading would mistake for a byte), or that does not parse, takes the plain path.
 */
export function parseJsonBytes(bytes: Buffer): unknown {
  const plain = () => JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  if (bytes.indexOf(BACKSLASH_U) !== -1 || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    return plain();
  }
  const oneByte = bytes.toString('latin1');
  let value: unknown;
  try {
    value = JSON.parse(oneByte);
  } catch {
    return plain(); // throws the error, with positions in the text as decoded
  }
  if (!HIGH_BYTE.test(oneByte)) return value;
  try {
    return fixStrings(value);
  } catch {
    return plain(); // nested too deep for the walk (thousands of levels): JSON.parse itself goes deeper
  }
}
