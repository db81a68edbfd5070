/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet opening a CSV runs a cell that starts with `=`, `+`,
 * `-` or `@` (and, in some programs, after a leading tab or carriage return) as a formula — applicant text such as
 * `=HYPERLINK(…)` would run on an officer's computer. The export neutralises such a cell by prefixing a single quote
 * (shown as text, not run), and the CSV import removes exactly that prefix, so that export → import is lossless:
 *   - a cell starting with one of `= + - @ \t \r` gets a `'` in front;
 *   - a cell that really starts with `'` gets one too (`'abc` → `''abc`), so the import can tell the two apart;
 *   - the import strips one leading `'` only when the next character is one of those or another `'`.
 * A `'` in front of anything else (`'abc` typed by hand) is kept as it is.
 */
const NEUTRALISED = /^[=+\-@\t\r']/;

/** The cell as the CSV export writes it. */
export function neutraliseCsvCell(text: string): string {
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

/** The cell as it was before the export neutralised it. */
export function restoreCsvCell(text: string): string {
  return text.length > 1 && text[0] === "'" && NEUTRALISED.test(text.slice(1)) ? text.slice(1) : text;
}
