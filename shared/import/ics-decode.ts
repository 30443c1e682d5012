import { problem, type ImportProblem } from './import-problem';

/** Largest schedule file the importer reads: 20 MB, the same limit the IPC contract puts on text files. */
export const MAX_ICS_BYTES = 20 * 1024 * 1024;

/** Most VEVENTs one file may hold; a real year of daily shifts in two layers is under 1,000. */
export const MAX_ICS_EVENTS = 100_000;

/** The outcome of turning raw input into iCalendar text. */
export type DecodedIcs = { ok: true; text: string } | { ok: false; problem: ImportProblem };

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Size, UTF-16 and binary checks on bytes, then a strict UTF-8 decode. */
function decodeBytes(bytes: Uint8Array): DecodedIcs {
  if (bytes.length > MAX_ICS_BYTES) {
    return {
      ok: false,
      problem: problem(
        'too-large',
        `the file is ${megabytes(bytes.length)}; schedule files over 20 MB are refused`,
      ),
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: problem(
        'utf-16',
        'the file is UTF-16 text; iCalendar files are UTF-8 (save it again as UTF-8)',
      ),
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      problem: problem(
        'binary',
        'the file contains NUL bytes: it is a binary file (or UTF-16), not iCalendar text',
      ),
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: problem('invalid-utf8', 'the file is not valid UTF-8 text; iCalendar files are UTF-8'),
    };
  }
}

/**
 * Turns what the user picked (bytes from a file, or text a browser already decoded) into iCalendar text, or names
 * why it cannot be: too large, binary, UTF-16, invalid UTF-8, or not iCalendar at all.
 * Why before ical.js: a parser fed a 200 MB video or a UTF-16 export fails slowly or with a message about line 1
 * that tells the user nothing.
 */
export function decodeIcsInput(input: string | Uint8Array): DecodedIcs {
  let text: string;
  if (typeof input === 'string') {
    // A string of n UTF-16 units is at least n bytes as UTF-8: a cheap, safe size check.
    if (input.length > MAX_ICS_BYTES) {
      return {
        ok: false,
        problem: problem(
          'too-large',
          `the file is over ${megabytes(input.length)}; schedule files over 20 MB are refused`,
        ),
      };
    }
    if (input.includes('\0')) {
      return {
        ok: false,
        problem: problem(
          'binary',
          'the file contains NUL characters: it is a binary file (or UTF-16), not iCalendar text',
        ),
      };
    }
    // A browser decoding bad UTF-8 leaves U+FFFD behind: that is the only trace of an encoding problem.
    if (input.includes('\uFFFD')) {
      return {
        ok: false,
        problem: problem(
          'invalid-utf8',
          'the file is not valid UTF-8 text (it holds replacement characters); iCalendar files are UTF-8',
        ),
      };
    }
    text = input;
  } else {
    const decoded = decodeBytes(input);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  text = text.replace(/^\uFEFF/, '');
  if (
    !/^\s*BEGIN:VCALENDAR\s*$/im.test(
      text
        .slice(0, 4096)
        .split(/\r?\n/)
        .find((l) => l.trim() !== '') ?? '',
    )
  ) {
    const first = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').slice(0, 60);
    return {
      ok: false,
      problem: problem(
        'not-icalendar',
        first === ''
          ? 'the file is empty; expected an iCalendar file starting with BEGIN:VCALENDAR'
          : `not an iCalendar file: it starts with "${first}" instead of BEGIN:VCALENDAR`,
      ),
    };
  }
  return { ok: true, text };
}
