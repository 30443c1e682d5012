/**
 * What can be wrong with a schedule file, as a closed list of codes.
 * Why codes and not only sentences: tests, the CLI and the Import dialog tell problems apart (a file that is not
 * iCalendar at all is a different failure from one whose events lack times), while the user reads `message`.
 */
export type ImportProblemCode =
  | 'too-large'
  | 'binary'
  | 'utf-16'
  | 'invalid-utf8'
  | 'not-icalendar'
  | 'parse-error'
  | 'no-events'
  | 'no-times'
  | 'end-before-start'
  | 'too-many-events'
  | 'unknown-zone'
  | 'out-of-range'
  | 'bad-recurrence';

/**
 * Something the user should know that did not stop the import.
 * Why separate from problems: an all-day holiday in a Google calendar is expected and skipped, not an error.
 */
export type ImportWarningCode = 'all-day-skipped' | 'floating-time' | 'recurrence-cut' | 'cancelled-skipped';

/** One problem or warning: its code and a sentence naming what is wrong (and which event, when there is one). */
export type ImportProblem<C extends string = ImportProblemCode> = { code: C; message: string };

/** A problem with a sentence, as the readers build them. */
export function problem<C extends string>(code: C, message: string): ImportProblem<C> {
  return { code, message };
}
