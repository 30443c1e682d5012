import Papa from 'papaparse';

/** The first characters a spreadsheet reads as the start of a formula (OWASP CSV injection), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe, so `=HYPERLINK(...)` shows as text.
 * Why: names, notes and stakeholders are user text, and exported CSV files are opened in Excel or Sheets
 * (OWASP "CSV Injection"). Numbers the export writes itself (a negative deviation such as `-12.5`) are not user
 * text and are written through `csvRow` unchanged when passed as numbers.
 */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV value: text is neutralised, numbers and booleans are written as they are. */
export type CsvValue = string | number | boolean;

/**
 * A CSV document (RFC 4180 quoting, LF line ends, a final newline) from a header and rows; every text cell passes
 * through `neutraliseCell`. Why one writer: the three CSV exports quote and neutralise the same way.
 */
export function toSafeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const data = rows.map((row) => row.map((v) => (typeof v === 'string' ? neutraliseCell(v) : String(v))));
  return `${Papa.unparse({ fields: [...header], data }, { newline: '\n', quotes: false })}\n`;
}
