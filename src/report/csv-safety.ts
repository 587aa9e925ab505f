// Spreadsheet formula injection: text from an export must never start a cell
// with a character a spreadsheet reads as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
