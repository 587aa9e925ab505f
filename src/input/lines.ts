// The lines of an export that need no general CSV parser. Nearly every line
// of a dashboard export is plain: cells without quotes, or cells quoted whole
// as RFC 4180 writes them ("…", a quote doubled inside), the line ended by
// the file's line break. Such a line has exactly one reading, which is
// csv-parse's, and it is split here with the string functions of the engine.
// Any other line — a quoted line break, a quote inside an unquoted cell,
// text after a closing quote, a carriage return that is not the line break,
// a line over the record limit — is not read here: the file is handed to
// csv-parse from that line on (table.ts), so that csv-parse stays the reader
// of record for everything unusual and for every syntax error.

const QUOTE = 0x22;

/**
 * The cells of one line (without its line break), or `undefined` when the
 * line is not plain and must be read by csv-parse.
 */
export function splitPlainLine(line: string, delimiter: string): string[] | undefined {
  if (line.indexOf('"') < 0) return line.split(delimiter);
  const cells: string[] = [];
  const length = line.length;
  let at = 0;
  for (;;) {
    if (line.charCodeAt(at) === QUOTE) {
      // A quoted cell: its closing quote is the first quote not doubled.
      let close = line.indexOf('"', at + 1);
      let doubled = false;
      while (close >= 0 && line.charCodeAt(close + 1) === QUOTE) {
        doubled = true;
        close = line.indexOf('"', close + 2);
      }
      // Unclosed on this line: a quoted line break, or a broken quote.
      if (close < 0) return undefined;
      const after = close + 1;
      if (after < length && line[after] !== delimiter) return undefined;
      const text = line.slice(at + 1, close);
      cells.push(doubled ? text.replaceAll('""', '"') : text);
      if (after >= length) return cells;
      at = after + 1;
    } else {
      const end = line.indexOf(delimiter, at);
      const stop = end < 0 ? length : end;
      // A quote inside an unquoted cell: csv-parse's relaxed reading decides.
      const quote = line.indexOf('"', at);
      if (quote >= 0 && quote < stop) return undefined;
      cells.push(line.slice(at, stop));
      if (end < 0) return cells;
      at = end + 1;
    }
  }
}
