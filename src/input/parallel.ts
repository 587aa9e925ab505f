// Reads the input files one after another, in the order given: the
// headcount file first, then each monitoring export.
import { type HeadcountFile, type MonitoringFile, readFile, rowReading } from './file-reader.js';
import type { ReadOptions } from './load.js';

export function* readFiles(options: ReadOptions): Generator<HeadcountFile | MonitoringFile> {
  const reading = rowReading(options.vocabulary);
  const dialect = { encoding: options.encoding, delimiter: options.delimiter };
  yield readFile('headcounts', options.headcounts, dialect, reading);
  for (const file of options.monitoring) yield readFile('monitoring', file, dialect, reading);
}
