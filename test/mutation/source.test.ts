// Reading a file in chunks (src/input/source.ts): the encoding is settled over
// every byte (a file taken for UTF-8 from its first chunk stops at the first
// later byte that is not, and is read again as Windows-1251), characters
// split between two chunks are not damage, the header is found wherever it
// starts, and what comes out is the file's text.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { CHUNK_BYTES, NotUtf8, openSource, type Source } from '../../src/input/source.js';
import { tempDir } from '../helpers/cli.js';
import { encode1251 } from '../property/dataset.js';

const HEADER = 'Муниципалитет;Тип организации;Работники;Обучающиеся\n';

function file(bytes: Uint8Array | string): string {
  const path = join(tempDir(), 'input.csv');
  writeFileSync(path, bytes);
  return path;
}

function text(source: Source): string {
  return Buffer.concat([...source.chunks()]).toString('utf8');
}

/** The file as a reading settles it (file-reader.ts): again as Windows-1251 when it stops with NotUtf8. */
function settled(path: string): { source: Source; text: string } {
  const source = openSource(path, undefined);
  try {
    return { source, text: text(source) };
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    const again = openSource(path, 'windows-1251');
    return { source: again, text: text(again) };
  }
}

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.problems[0];
    throw error;
  }
  throw new Error('no UserError');
}

/** `filler` bytes of ASCII, then `text` whose first character starts `offset` bytes before the chunk boundary. */
function straddling(character: string, offset: number): Buffer {
  return Buffer.concat([
    Buffer.from(HEADER),
    Buffer.alloc(CHUNK_BYTES - Buffer.byteLength(HEADER) - offset, 'x'),
    Buffer.from(`${character}\n`),
  ]);
}

describe('the encoding, settled over every chunk', () => {
  it.each([
    ['a 2-byte letter', 'Ж', 1],
    ['a 3-byte sign, split after its first byte', '№', 1],
    ['a 3-byte sign, split after its second byte', '№', 2],
    ['a 4-byte character, split after one byte', '😀', 1],
    ['a 4-byte character, split after two bytes', '😀', 2],
    ['a 4-byte character, split after three bytes', '😀', 3],
  ])('is UTF-8 when %s straddles two chunks', (_, character, offset) => {
    const bytes = straddling(character, offset);
    const { source, text } = settled(file(bytes));
    expect(source.encoding).toBe('utf-8');
    expect(text).toBe(bytes.toString('utf8'));
  });

  it('is Windows-1251 when a later chunk holds a byte that is not UTF-8', () => {
    const bytes = Buffer.concat([straddling('Ж', 1), Buffer.from([0xc6, 0x0a])]);
    const path = file(bytes);
    // Taken for UTF-8 from its first chunk, the reading stops at the second.
    expect(openSource(path, undefined).encoding).toBe('utf-8');
    expect(() => text(openSource(path, undefined))).toThrow(NotUtf8);
    const { source, text: read } = settled(path);
    expect(source.encoding).toBe('windows-1251');
    expect(read).toBe(new TextDecoder('windows-1251').decode(bytes));
  });

  it('refuses --encoding utf-8 at a later chunk that is not UTF-8', () => {
    const path = file(Buffer.concat([straddling('Ж', 1), Buffer.from([0xc6, 0x0a])]));
    expect(problemOf(() => text(openSource(path, 'utf-8')))).toEqual({
      code: 'bad-encoding',
      file: path,
      encoding: 'utf-8',
    });
  });

  it.each([
    ['a 2-byte letter', [0xd0]],
    ['a 3-byte sign, one byte before the boundary', [0xe2]],
    ['a 3-byte sign, two bytes before the boundary', [0xe2, 0x84]],
  ])('is Windows-1251 when %s is cut short by the next chunk', (_, lead) => {
    const bytes = Buffer.concat([
      Buffer.from(HEADER),
      Buffer.alloc(CHUNK_BYTES - Buffer.byteLength(HEADER) - lead.length, 'x'),
      Buffer.from(lead),
      Buffer.from('x\n'),
    ]);
    expect(settled(file(bytes)).source.encoding).toBe('windows-1251');
  });

  it('is Windows-1251 when the file ends inside a UTF-8 sequence', () => {
    const bytes = Buffer.concat([Buffer.from(HEADER), Buffer.from([0xe2, 0x84])]);
    expect(settled(file(bytes)).source.encoding).toBe('windows-1251');
  });

  it('decodes a Windows-1251 file of several chunks to its text', () => {
    const body = `${HEADER}${'г. Кызыл;ОО;25;100\n'.repeat(70_000)}`;
    const source = openSource(file(encode1251(body)), undefined);
    expect(source.encoding).toBe('windows-1251');
    expect(source.bom).toBe(false);
    expect(text(source)).toBe(body);
  });

  it('follows --encoding windows-1251 on a valid UTF-8 file', () => {
    const source = openSource(file(HEADER), 'windows-1251');
    expect(source.encoding).toBe('windows-1251');
    expect(text(source)).toBe(new TextDecoder('windows-1251').decode(Buffer.from(HEADER)));
  });

  it('refuses --encoding utf-8 on a file that is not UTF-8', () => {
    const path = file(encode1251(HEADER));
    expect(problemOf(() => openSource(path, 'utf-8'))).toEqual({
      code: 'bad-encoding',
      file: path,
      encoding: 'utf-8',
    });
    expect(openSource(path, undefined).encoding).toBe('windows-1251');
  });
});

describe('read buffers', () => {
  it('serve files read one after another, each with its own bytes', () => {
    for (const letter of ['a', 'b', 'c']) {
      const bytes = Buffer.concat([Buffer.from(HEADER), Buffer.alloc(2.5 * CHUNK_BYTES, letter)]);
      // Each chunk copied as it comes: the next but one is read into the same buffer.
      const chunks = Array.from(openSource(file(bytes), undefined).chunks(), (c) => Buffer.from(c));
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    }
  });

  it.runIf(existsSync('/proc/self/fd'))(
    'are given back, and the file closed, when a read ends',
    () => {
      const path = file(Buffer.concat([Buffer.from(HEADER), Buffer.alloc(2.5 * CHUNK_BYTES, 'x')]));
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      for (let i = 0; i < 3; i++) for (const _ of openSource(path, undefined).chunks());
      expect(open()).toBe(before);
    },
  );

  it('are not shared by two files read side by side: the previous chunk of each stays intact', () => {
    const bytesOf = (letter: string) =>
      Buffer.concat([Buffer.from(HEADER), Buffer.alloc(3.5 * CHUNK_BYTES, letter)]);
    const files = ['a', 'b'].map((letter) => {
      const bytes = bytesOf(letter);
      return { bytes, chunks: openSource(file(bytes), undefined).chunks(), at: 0 };
    });
    let reading = true;
    while (reading) {
      reading = false;
      const previous = files.map((f) => {
        const next = f.chunks.next();
        if (next.done) return undefined;
        reading = true;
        const chunk = next.value;
        const start = f.at;
        f.at += chunk.length;
        return { chunk, expected: f.bytes.subarray(start, f.at) };
      });
      // Both chunks are looked at after both files have read theirs.
      for (const p of previous) if (p) expect(p.chunk.equals(p.expected)).toBe(true);
    }
    for (const f of files) expect(f.at).toBe(f.bytes.length);
  });
});

describe('a byte order mark', () => {
  it('is dropped from the text and reported', () => {
    const source = openSource(
      file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER)])),
      undefined,
    );
    expect(source.bom).toBe(true);
    expect(text(source)).toBe(HEADER);
    expect(source.head.startsWith('Муниципалитет')).toBe(true);
  });

  it.each([[[0xef, 0xbb, 0x41]], [[0xef, 0x41, 0xbf]], [[0x41, 0xbb, 0xbf]]])(
    'is three bytes exactly, not two of them (%j)',
    (start) => {
      const bytes = Buffer.concat([Buffer.from(start), Buffer.from(`\n${HEADER}`)]);
      const source = openSource(file(bytes), undefined);
      expect(source.bom).toBe(false);
      // Not UTF-8 either: every byte is read as Windows-1251, none skipped.
      expect(text(source)).toBe(new TextDecoder('windows-1251').decode(bytes));
    },
  );
});

describe('the head the delimiter is detected in', () => {
  it('reaches a header that starts after a megabyte of blank lines', () => {
    const source = openSource(file(`${'\n'.repeat(CHUNK_BYTES + 10)}${HEADER}`), undefined);
    expect(source.head.trim()).toBe(HEADER.trim());
  });

  it('holds the whole header line when it runs into the next chunk', () => {
    const bytes = Buffer.concat([
      Buffer.alloc(CHUNK_BYTES - 5, '\n'),
      Buffer.from(HEADER),
      Buffer.from('г. Кызыл;ОО;25;100\n'),
    ]);
    const source = openSource(file(bytes), undefined);
    expect(source.head).toContain(HEADER.trim());
  });

  it('does not end the header at a line break inside quotes', () => {
    const header = `"Дата\nвыгрузки";${HEADER}`;
    const bytes = Buffer.concat([
      Buffer.alloc(CHUNK_BYTES - 7, '\n'),
      Buffer.from(header),
      Buffer.from('x;г. Кызыл;ОО;25;100\n'),
    ]);
    expect(openSource(file(bytes), undefined).head).toContain(HEADER.trim());
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
  ])('stops at the end of the header line (%s), not at the end of the file', (_, eol) => {
    const body = `${HEADER.trim()}${eol}${'г. Кызыл;ОО;25;100\n'.repeat(120_000)}`;
    const head = openSource(file(body), undefined).head;
    // Decoded in pieces: the first 4 KiB hold the header line.
    expect(head.startsWith(`${HEADER.trim()}${eol}`)).toBe(true);
    expect(head.length).toBeLessThanOrEqual(1 << 12);
  });

  it('stops after a million characters of a header with no line break', () => {
    const head = openSource(file('x'.repeat(3 * CHUNK_BYTES)), undefined).head;
    expect(head.length).toBeGreaterThanOrEqual(1_000_000);
    expect(head.length).toBeLessThan(2 * CHUNK_BYTES + 1);
  });

  it('is the whole text of a short file', () => {
    expect(openSource(file(`  ${HEADER}`), undefined).head).toBe(`  ${HEADER}`);
  });
});

describe('files that are not regular files', () => {
  it('a directory is file-unreadable (EISDIR)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'export.csv'));
    expect(problemOf(() => openSource(join(dir, 'export.csv'), undefined))).toEqual({
      code: 'file-unreadable',
      file: join(dir, 'export.csv'),
      reason: 'EISDIR',
    });
  });

  it('a path through a file is file-unreadable with the system reason', () => {
    const path = join(file(HEADER), 'inside.csv');
    expect(problemOf(() => openSource(path, undefined))).toEqual({
      code: 'file-unreadable',
      file: path,
      reason: 'ENOTDIR',
    });
  });

  it('a missing file is file-not-found', () => {
    const path = join(tempDir(), 'missing.csv');
    expect(problemOf(() => openSource(path, undefined))).toEqual({
      code: 'file-not-found',
      file: path,
    });
  });

  it('a named pipe is read once, whole, and handed out in chunks', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'export.fifo');
    const body = `${HEADER}${'г. Кызыл;ОО;25;100\n'.repeat(80_000)}`;
    writeFileSync(join(dir, 'body.csv'), body);
    await new Promise<void>((resolve, reject) => {
      const mk = spawn('mkfifo', [fifo]);
      mk.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo ${code}`))));
    });
    const writer = spawn('sh', ['-c', `cat body.csv > export.fifo`], { cwd: dir });
    const source = openSource(fifo, undefined);
    const chunks = [...source.chunks()];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(body);
    // Read again from memory: a pipe cannot be read twice.
    expect(text(source)).toBe(body);
    await new Promise((resolve) => writer.on('exit', resolve));
  });
});
