// An input file as a sequence of byte chunks, so that a national export is
// never held whole in memory: the parser gets one chunk at a time (SPEC 4.1
// dialect). A file is taken for UTF-8 when its first chunk is, and each
// chunk is checked as it is read: a later byte that is not UTF-8 stops the
// reading (NotUtf8), and the file is read again as Windows-1251
// (file-reader.ts). A first pass over every byte to settle the encoding
// read each file twice.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { UserError } from '../errors.js';
import { type Encoding, notCsv } from './dialect.js';

/** Bytes read at a time: large enough that a chunk costs nothing, small enough to stay bounded. */
export const CHUNK_BYTES = 1 << 20;

/** The text the header is looked for in: as dialect.ts scans at most this far. */
const HEADER_SCAN_CHARS = 1_000_000;

/**
 * A file taken for UTF-8 from its first megabyte has a byte sequence further
 * on that is not: it is Windows-1251, and is read again as such.
 */
export class NotUtf8 extends Error {
  constructor(readonly file: string) {
    super(`${file}: not UTF-8 after its first megabyte`);
  }
}

export interface Source {
  encoding: Encoding;
  bom: boolean;
  /**
   * The decoded start of the file, up to the end of its header line (or the
   * whole file when shorter): enough to detect the delimiter and an empty file.
   */
  head: string;
  /** The bytes of the file after any BOM, as UTF-8, one chunk at a time. */
  chunks(): Generator<Buffer>;
  /** The file's size in bytes. */
  size: number;
}

function unreadable(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError({ code: 'file-not-found', file });
  if (code === 'EISDIR') return new UserError({ code: 'file-unreadable', file, reason: 'EISDIR' });
  return new UserError({ code: 'file-unreadable', file, reason: code ?? String(error) });
}

/**
 * Pairs of read buffers no reading holds. Two buffers are filled in turn: a
 * consumer may still look at the previous chunk (csv-parse keeps the
 * unfinished record's bytes as a view into it until the next chunk arrives),
 * never at the one before. A thread reads its files one after another, so one
 * pair serves them all: a pair per file stayed allocated until a full
 * collection found it (on L40, about 20 MB per reading thread), and a fresh
 * buffer per chunk would leave megabytes for the collector.
 */
const idleBuffers: Buffer[][] = [];

/**
 * Standard input, pipes and devices, as read: they can be read only once,
 * and a file found not to be UTF-8 after its first megabyte is read again.
 */
const readWhole = new Map<string, Buffer>();

/**
 * The raw bytes of a file, chunk by chunk. A regular file is read again on
 * each call; standard input, a pipe or a device can be read only once, so it
 * is read whole (once a run) and then handed out in chunks.
 */
function rawChunks(file: string): { size: number; chunks: () => Generator<Buffer> } {
  let whole = readWhole.get(file);
  let size = 0;
  try {
    if (whole) {
      // Read already.
    } else if (file === '-') whole = readFileSync(0);
    else {
      const fd = openSync(file, 'r');
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) whole = readFileSync(fd);
        else size = stat.size;
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (whole) readWhole.set(file, whole);
  if (whole) {
    const bytes = whole;
    return {
      size: bytes.length,
      *chunks() {
        for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
          yield bytes.subarray(at, at + CHUNK_BYTES);
      },
    };
  }
  const chunks = function* () {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw unreadable(file, error);
    }
    const buffers = idleBuffers.pop() ?? [
      Buffer.allocUnsafe(CHUNK_BYTES),
      Buffer.allocUnsafe(CHUNK_BYTES),
    ];
    try {
      for (let turn = 0; ; turn ^= 1) {
        const chunk = buffers[turn] as Buffer;
        let read: number;
        try {
          read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
        } catch (error) {
          throw unreadable(file, error);
        }
        if (read === 0) return;
        yield read === CHUNK_BYTES ? chunk : chunk.subarray(0, read);
      }
    } finally {
      closeSync(fd);
      idleBuffers.push(buffers);
    }
  };
  return { size, chunks };
}

/** The length of the UTF-8 sequence a lead byte begins (1 for any other byte). */
function sequenceLength(byte: number): number {
  return byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = bytes[n - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

/**
 * Checks a stream of chunks for valid UTF-8, chunk by chunk; `invalid` is
 * called (and throws) at the first sequence that is not. A sequence that
 * straddles two chunks is checked on its own, joined with the bytes of the
 * next chunk that complete it (not by joining the chunks: a copy of each
 * megabyte).
 */
function utf8Check(invalid: () => never) {
  let carry: Buffer | undefined;
  return {
    chunk(bytes: Buffer): void {
      let chunk = bytes;
      if (carry) {
        const need = sequenceLength(carry[0] ?? 0) - carry.length;
        if (chunk.length < need) {
          carry = Buffer.concat([carry, chunk]);
          return;
        }
        if (!isUtf8(Buffer.concat([carry, chunk.subarray(0, need)]))) invalid();
        chunk = chunk.subarray(need);
      }
      const tail = incompleteTail(chunk);
      if (!isUtf8(chunk.subarray(0, chunk.length - tail))) invalid();
      carry = tail > 0 ? Buffer.from(chunk.subarray(chunk.length - tail)) : undefined;
    },
    end(): void {
      if (carry !== undefined) invalid();
    },
  };
}

/** Whether the text holds the end of the header line: a line break outside quotes after `start`. */
function holdsHeaderLine(text: string, start: number): boolean {
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) quoted = !quoted;
    else if (!quoted && (ch === 0x0a || ch === 0x0d)) return true;
  }
  return false;
}

/**
 * Opens an input: UTF-8 (a BOM is dropped) when its byte sequences are valid
 * UTF-8, else Windows-1251, in which every byte is valid; `forced` settles it
 * without looking. A file is taken for UTF-8 when its first chunk is; its
 * chunks throw NotUtf8 at the first sequence further on that is not (a
 * UserError when UTF-8 was asked for).
 */
export function openSource(file: string, forced: Encoding | undefined): Source {
  const { size, chunks: raw } = rawChunks(file);
  let bom = false;
  for (const chunk of raw()) {
    const format = notCsv(chunk);
    if (format) throw new UserError({ code: 'not-csv', file, format });
    bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    break;
  }
  const skip = bom ? 3 : 0;
  const encoding: Encoding = forced ?? 'utf-8';
  const invalid = (): never => {
    if (forced === 'utf-8') throw new UserError({ code: 'bad-encoding', file, encoding: 'utf-8' });
    throw new NotUtf8(file);
  };
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });

  function* chunks(): Generator<Buffer> {
    const check = encoding === 'utf-8' ? utf8Check(invalid) : undefined;
    let first = true;
    for (let chunk of raw()) {
      if (first) {
        chunk = chunk.subarray(skip);
        first = false;
      }
      check?.chunk(chunk);
      // csv-parse reads UTF-8; Windows-1251 is one byte a character, so each chunk decodes alone.
      yield check ? chunk : Buffer.from(decoder.decode(chunk));
    }
    check?.end();
  }

  let head: string;
  try {
    head = headOf(chunks(), encoding);
  } catch (error) {
    // Not UTF-8 in its first chunk: Windows-1251 from the start.
    if (error instanceof NotUtf8) return openSource(file, 'windows-1251');
    throw error;
  }
  return { encoding, bom: bom && encoding === 'utf-8', head, chunks, size };
}

/**
 * The decoded start of a file, up to the end of its header line: decoded in
 * pieces of 4 KiB, then four times larger each, so that a header of a few
 * hundred bytes does not cost a megabyte decoded.
 */
function headOf(chunks: Generator<Buffer>, encoding: Encoding): string {
  let head = '';
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let piece = 1 << 12;
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += piece, piece *= 4) {
      head += decoder.decode(chunk.subarray(at, at + piece), { stream: true });
      const start = head.search(/\S/);
      if (start >= 0 && (head.length >= start + HEADER_SCAN_CHARS || holdsHeaderLine(head, start)))
        return head;
    }
  }
  return head;
}
