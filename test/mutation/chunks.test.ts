// Reading a file in chunks (src/input/source.ts), for what source.test.ts
// leaves out: a byte order mark on a file of several chunks, a three-byte
// character whose lead byte is 0xE0 split between chunks, and a file that
// starts with the bytes of a BOM but is not UTF-8.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, openSource, type Source } from '../../src/input/source.js';
import { tempDir } from '../helpers/cli.js';

const HEADER = 'Муниципалитет;Тип организации;Работники;Обучающиеся\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function file(bytes: Uint8Array | string): string {
  const path = join(tempDir(), 'input.csv');
  writeFileSync(path, bytes);
  return path;
}

/** The text of every chunk, each copied as it comes: the reader reuses its buffers. */
function text(source: Source): string {
  const copies: Buffer[] = [];
  for (const chunk of source.chunks()) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies).toString('utf8');
}

describe('chunks', () => {
  it('drop the BOM of a file of several chunks once, at the start, and keep every other byte', () => {
    const body = `${HEADER}${'г. Кызыл;ОО;25;100\n'.repeat(150_000)}`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * CHUNK_BYTES);
    const source = openSource(file(Buffer.concat([BOM, Buffer.from(body)])), undefined);
    expect(source.encoding).toBe('utf-8');
    expect(source.bom).toBe(true);
    expect(text(source)).toBe(body);
  });

  it.each([1, 2])(
    'a character of three bytes led by 0xE0, split %i byte(s) before a chunk boundary, is UTF-8',
    (offset) => {
      // "ठ" (U+0920) is E0 A4 A0.
      const bytes = Buffer.concat([
        Buffer.from(HEADER),
        Buffer.alloc(CHUNK_BYTES - Buffer.byteLength(HEADER) - offset, 'x'),
        Buffer.from('ठ\n'),
      ]);
      const source = openSource(file(bytes), undefined);
      expect(source.encoding).toBe('utf-8');
      expect(text(source)).toBe(bytes.toString('utf8'));
    },
  );

  it('the bytes of a BOM before text that is not UTF-8 are Windows-1251 letters, not a BOM', () => {
    const bytes = Buffer.concat([BOM, Buffer.from(HEADER), Buffer.from([0xc6, 0x0a])]);
    const source = openSource(file(bytes), undefined);
    expect(source.encoding).toBe('windows-1251');
    expect(source.bom).toBe(false);
  });
});
