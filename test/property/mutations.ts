// Hostile inputs: real fixtures damaged the way exports get damaged (bit
// flips, truncation, lines spliced from elsewhere, a switch of encoding,
// stray quotes and delimiters), and plain arbitrary bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../helpers/cli.js';
import { encodable1251, encode1251 } from './dataset.js';

/** Fixtures of every dialect: cp1251 with CRLF, quoted line breaks, tabs and English headers, a total row. */
export const MONITORING_FIXTURES = [
  'monitoring-2025-10-05.csv',
  'monitoring-2025-11-30.csv',
  'monitoring-2025-12-14.csv',
  'monitoring-2026-01-11.csv',
].map((name) => join(FIXTURES, name));
export const HEADCOUNTS_FIXTURE = join(FIXTURES, 'headcounts.csv');

const bytesOf = new Map<string, Uint8Array>();
export function fixtureBytes(file: string): Uint8Array {
  let bytes = bytesOf.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file));
    bytesOf.set(file, bytes);
  }
  return bytes;
}

type Mutation = (bytes: Uint8Array) => Uint8Array;

/** A position anywhere in a file: without fast-check's bias to small numbers, which would keep hitting the header. */
const position = fc.noBias(fc.nat());

const SPECIAL_BYTES = [0x22, 0x2c, 0x3b, 0x09, 0x0d, 0x0a, 0x00, 0xff, 0xd0, 0xef, 0x20, 0x2d];

const bitFlips: fc.Arbitrary<Mutation> = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 12 })
  .map((flips) => (bytes) => {
    const out = new Uint8Array(bytes);
    if (out.length === 0) return out;
    for (const [at, bit] of flips) {
      const i = at % out.length;
      out[i] = (out[i] ?? 0) ^ (1 << bit);
    }
    return out;
  });

const truncation: fc.Arbitrary<Mutation> = position.map(
  (at) => (bytes) => bytes.subarray(0, at % (bytes.length + 1)),
);

const insertedBytes: fc.Arbitrary<Mutation> = fc
  .array(
    fc.tuple(
      position,
      fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.integer({ min: 0, max: 255 })),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((inserts) => (bytes) => {
    // Positions in the original file, inserted from the back so earlier ones stay put.
    const at = inserts
      .map(([position, byte]) => [position % (bytes.length + 1), byte] as const)
      .sort((a, b) => b[0] - a[0]);
    const parts: Uint8Array[] = [];
    let end = bytes.length;
    for (const [i, byte] of at) {
      parts.unshift(Uint8Array.of(byte), bytes.subarray(i, end));
      end = i;
    }
    parts.unshift(bytes.subarray(0, end));
    return joinLines(parts);
  });

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function joinLines(lines: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(lines));
}

/** Lines deleted, duplicated, swapped, or brought in from another fixture (another dialect). */
const splicedLines: fc.Arbitrary<Mutation> = fc
  .array(
    fc.tuple(
      fc.constantFrom('delete', 'duplicate', 'swap', 'import'),
      position,
      position,
      fc.constantFrom(HEADCOUNTS_FIXTURE, ...MONITORING_FIXTURES),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) => (bytes) => {
    const lines = splitLines(bytes);
    for (const [edit, a, b, other] of edits) {
      if (lines.length === 0) break;
      const i = a % lines.length;
      const j = b % lines.length;
      if (edit === 'delete') lines.splice(i, 1);
      else if (edit === 'duplicate') lines.splice(i, 0, lines[i] as Uint8Array);
      else if (edit === 'swap')
        [lines[i], lines[j]] = [lines[j] as Uint8Array, lines[i] as Uint8Array];
      else {
        const source = splitLines(fixtureBytes(other));
        lines.splice(i, 0, source[b % source.length] as Uint8Array);
      }
    }
    return joinLines(lines);
  });

const utf8 = new TextDecoder('utf-8');
const cp1251 = new TextDecoder('windows-1251');

/** The same text in another encoding, a BOM added or lost, or UTF-16 that the tool does not read. */
const encodingSwitch: fc.Arbitrary<Mutation> = fc
  .constantFrom('to-1251', 'to-utf8', 'add-bom', 'utf16le', 'utf16be-bom', 'latin1-as-utf8')
  .map((kind) => (bytes) => {
    const text = utf8.decode(bytes);
    switch (kind) {
      case 'to-1251':
        return encodable1251(text) ? encode1251(text) : bytes;
      case 'to-utf8':
        return new TextEncoder().encode(cp1251.decode(bytes));
      case 'add-bom':
        return joinLines([Uint8Array.of(0xef, 0xbb, 0xbf), bytes]);
      case 'utf16le':
        return new Uint8Array(Buffer.from(text, 'utf16le'));
      case 'utf16be-bom': {
        const le = Buffer.from(`\ufeff${text}`, 'utf16le');
        return new Uint8Array(le.swap16());
      }
      default:
        return new Uint8Array(Buffer.from(Buffer.from(bytes).toString('latin1'), 'utf8'));
    }
  });

const HOSTILE_CELLS = [
  '',
  '-',
  '—',
  '-5',
  '12.5',
  '1 2345',
  '1 234 567',
  'н/д',
  '"',
  '""',
  '999999999999999',
  '9999999999999999',
  '1e3',
  '0x1F',
  ' 12 ',
  'Итого',
  'Всего',
  'Региональный уровень',
  'Республика Тыва',
  '=HYPERLINK("http://x")',
  '-Хем',
  'частная',
  'РОИВ',
  'детский сад',
  '31.02.2025',
  '28.12.2025–22.12.2025',
  '2025-12-28/2025-12-22',
  '\u00a0',
  'г.',
];

/** Cells of the decoded text replaced by hostile values, written back in the file's own encoding. */
const cellEdits: fc.Arbitrary<Mutation> = fc
  .array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE_CELLS)), {
    minLength: 1,
    maxLength: 8,
  })
  .map((edits) => (bytes) => {
    let text: string;
    let windows1251 = false;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = cp1251.decode(bytes);
      windows1251 = true;
    }
    const lines = text.split('\n');
    const delimiter = [',', ';', '\t'].find((d) => (lines[0] ?? '').includes(d)) ?? ',';
    for (const [line, cell, value] of edits) {
      const i = line % lines.length;
      const cells = (lines[i] ?? '').split(delimiter);
      cells[cell % cells.length] = value;
      lines[i] = cells.join(delimiter);
    }
    const edited = lines.join('\n');
    return windows1251 && encodable1251(edited)
      ? encode1251(edited)
      : new TextEncoder().encode(edited);
  });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: bitFlips },
  { weight: 2, arbitrary: truncation },
  { weight: 3, arbitrary: insertedBytes },
  { weight: 3, arbitrary: splicedLines },
  { weight: 1, arbitrary: encodingSwitch },
  { weight: 4, arbitrary: cellEdits },
);

/** A fixture with one to three mutations applied, or arbitrary bytes. */
export function hostileFile(fixtures: readonly string[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([file, mutations]) => mutations.reduce((bytes, m) => m(bytes), fixtureBytes(file))),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', maxLength: 500 })
        .map((text) => new TextEncoder().encode(text)),
    },
  );
}

/** Which input gets the hostile bytes: one of them, or both. */
export const target = fc.constantFrom('monitoring', 'headcounts', 'both');
