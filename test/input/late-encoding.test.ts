// A file is taken for UTF-8 from its first megabyte (src/input/source.ts);
// when a later byte is not UTF-8, the file is read again as Windows-1251
// (file-reader.ts), and reads exactly as it does with --encoding windows-1251.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readMonitoringFile, rowReading } from '../../src/input/file-reader.js';
import { CHUNK_BYTES } from '../../src/input/source.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { encode1251 } from '../property/dataset.js';

const vocabulary = buildVocabulary();

/** The bundled export in Windows-1251 after a megabyte and more of blank lines, which are UTF-8 too. */
function lateWindows1251(): string {
  // Its non-breaking hyphens are not in Windows-1251.
  const text = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8').replace(/\u2011/g, '-');
  const file = join(tempDir(), 'late-1251.csv');
  writeFileSync(file, Buffer.concat([Buffer.alloc(CHUNK_BYTES + 100, '\n'), encode1251(text)]));
  return file;
}

describe('a file that is not UTF-8 after its first megabyte', () => {
  it('reads as it does with --encoding windows-1251', () => {
    const file = lateWindows1251();
    const read = readMonitoringFile(file, {}, rowReading(vocabulary));
    expect(read.summary.encoding).toBe('windows-1251');
    expect(read.summary.rows).toBeGreaterThan(300);
    expect(read).toEqual(
      readMonitoringFile(file, { encoding: 'windows-1251' }, rowReading(vocabulary)),
    );
  });

  it('reads as it does with --encoding windows-1251 when found in the middle of its rows', () => {
    const header =
      'municipality,org_id,org_name,org_type,ownership,week,staff_writing,students_active,parents_active,users_vk,users_total';
    const row = (name: string, i: number) =>
      `${name},${1700000000 + i},School ${i},school,municipal,28.12.2025,${i % 50},20,30,5,60`;
    const ascii = Array.from({ length: 20_000 }, (_, i) => row(`Kyzyl ${i % 40}`, i));
    const cyrillic = Array.from({ length: 2_000 }, (_, i) => row(`Тес-Хемский кожуун ${i % 7}`, i));
    const file = join(tempDir(), 'middle-1251.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${[header, ...ascii].join('\n')}\n`),
        encode1251(`${cyrillic.join('\n')}\n`),
      ]),
    );
    expect(Buffer.byteLength(ascii.join('\n'))).toBeGreaterThan(CHUNK_BYTES);
    const reading = rowReading(vocabulary);
    const read = readMonitoringFile(file, {}, reading);
    expect(read.summary.encoding).toBe('windows-1251');
    expect(read.summary.rows).toBe(22_000);
    expect(read.groups.name).toContain('Тес-Хемский кожуун 3');
    expect(read).toEqual(
      readMonitoringFile(file, { encoding: 'windows-1251' }, rowReading(vocabulary)),
    );
  });

  it('is refused with --encoding utf-8', () => {
    const file = lateWindows1251();
    let problems: unknown;
    try {
      readMonitoringFile(file, { encoding: 'utf-8' }, rowReading(vocabulary));
    } catch (error) {
      if (error instanceof UserError) problems = error.problems;
    }
    expect(problems).toEqual([{ code: 'bad-encoding', file, encoding: 'utf-8' }]);
  });
});
