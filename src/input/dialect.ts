// The CSV dialect, in one place for every command (SPEC 4.1): encoding and
// delimiter, detected or forced.
import { type NotCsv, UserError } from '../errors.js';

export type Encoding = 'utf-8' | 'windows-1251';
export type Delimiter = ',' | ';' | '\t';

export interface DialectOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  '1251': 'windows-1251',
};

const DELIMITER_NAMES: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
};

export function encodingOption(value: string): Encoding {
  const encoding = ENCODING_NAMES[value.trim().toLowerCase()];
  if (!encoding) {
    throw new UserError({
      code: 'bad-option',
      option: '--encoding',
      value,
      expected: 'utf-8, windows-1251',
    });
  }
  return encoding;
}

export function delimiterOption(value: string): Delimiter {
  const delimiter = DELIMITER_NAMES[value.toLowerCase()];
  if (!delimiter) {
    throw new UserError({
      code: 'bad-option',
      option: '--delimiter',
      value,
      expected: "',', ';', tab",
    });
  }
  return delimiter;
}

/**
 * What a file given for a CSV export is instead, from its first bytes: a
 * workbook (xlsx and ods are zip archives, xls an OLE file) or UTF-16, which
 * Excel writes as "Unicode text" (with a BOM, or with a zero byte beside
 * every ASCII character).
 */
export function notCsv(head: Uint8Array): NotCsv | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'utf-16';
  const sample = head.subarray(0, 256);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 16 && zeros * 3 >= sample.length ? 'utf-16' : undefined;
}

/** Made on first use: a decoder opens an ICU converter, and most runs decode no whole file. */
let decoders:
  | { utf8: InstanceType<typeof TextDecoder>; cp1251: InstanceType<typeof TextDecoder> }
  | undefined;

/**
 * UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else
 * Windows-1251: every byte sequence is valid 1251, so the order matters.
 */
export function decode(bytes: Uint8Array, forced: Encoding | undefined, file: string): Decoded {
  const format = notCsv(bytes);
  if (format) throw new UserError({ code: 'not-csv', file, format });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  decoders ??= {
    utf8: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
    cp1251: new TextDecoder('windows-1251'),
  };
  const { utf8, cp1251 } = decoders;
  if (forced === 'windows-1251')
    return { text: cp1251.decode(body), encoding: 'windows-1251', bom: false };
  try {
    return { text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    if (forced === 'utf-8') throw new UserError({ code: 'bad-encoding', file, encoding: 'utf-8' });
    return { text: cp1251.decode(body), encoding: 'windows-1251', bom: false };
  }
}

/** As LIMITS.recordChars in table.ts (which imports this module). */
const HEADER_SCAN_CHARS = 1_000_000;

/** The delimiter that splits the header line into the most fields, outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const start = Math.max(text.search(/\S/), 0);
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  // A header longer than the record limit is refused anyway; a hostile file
  // with no line break (or an unclosed quote) is not scanned to its end.
  const end = Math.min(text.length, start + HEADER_SCAN_CHARS);
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  // Ties go to tab, then ';', then ',': names such as "Работники, пишущие
  // сообщения" hold commas far more often than the others.
  const order: Delimiter[] = ['\t', ';', ','];
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of order) {
    if (counts[d] > bestCount) {
      best = d;
      bestCount = counts[d];
    }
  }
  return best;
}
