import { stringify } from "csv-stringify/sync";

// The one place Haven writes CSV (assignment and audit exports). Names, emails, notes,
// reflections and audit details are user-controlled, so every cell goes through the sanitizer.

export type CsvCell = string | number | Date | null | undefined;

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab / carriage return) as formulas.
 * Prefixing a quote makes them plain text (OWASP "CSV injection"). Dates are ISO 8601 (UTC).
 */
export function sanitizeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV (CRLF records; only cells with quotes, commas or line breaks are quoted) with every
 * data cell sanitized. `header` null leaves the header row out (later chunks of a streamed export).
 */
export function toCsv(header: readonly string[] | null, rows: readonly (readonly CsvCell[])[]): string {
  const records = rows.map((row) => row.map(sanitizeCsvCell));
  // With a CRLF record delimiter csv-stringify would leave a lone "\n" unquoted, so line breaks are matched explicitly.
  return stringify(header ? [[...header], ...records] : records, { quoted_match: /[",\r\n]/, record_delimiter: "\r\n" });
}
