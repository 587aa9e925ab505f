// SPEC 4.1: encoding (UTF-8, UTF-8 with BOM, Windows-1251; --encoding) and
// delimiter (`,` `;` tab, from the header line; --delimiter).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decode,
  delimiterOption,
  detectDelimiter,
  encodingOption,
  notCsv,
} from '../../src/input/dialect.js';
import {
  csv,
  encode,
  headcountsOf,
  inputDir,
  load,
  problemsOf,
  RU_HEADCOUNT_HEADER,
  RU_MONITORING_HEADER,
} from './files.js';

const TEXT = 'Муниципалитет;Тип организации\nЧаа-Хольский кожуун;детский сад «Ёлочка»\n';

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(encode(TEXT, 'utf-8'), undefined, 'f.csv')).toEqual({
      text: TEXT,
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM from the text', () => {
    const decoded = decode(encode(TEXT, 'utf-8-bom'), undefined, 'f.csv');
    expect(decoded).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('recognises Windows-1251 bytes and decodes them', () => {
    expect(decode(encode(TEXT, 'windows-1251'), undefined, 'f.csv')).toEqual({
      text: TEXT,
      encoding: 'windows-1251',
      bom: false,
    });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decode(encode('municipality,staff\n', 'utf-8'), undefined, 'f.csv').encoding).toBe(
      'utf-8',
    );
  });

  it('--encoding windows-1251 forces 1251 even on bytes that are valid UTF-8', () => {
    const bytes = encode('Тыва', 'utf-8');
    const decoded = decode(bytes, 'windows-1251', 'f.csv');
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe('РўС‹РІР°');
  });

  it('--encoding utf-8 reads UTF-8', () => {
    expect(decode(encode(TEXT, 'utf-8-bom'), 'utf-8', 'f.csv').text).toBe(TEXT);
  });

  it('--encoding utf-8 on Windows-1251 bytes is a bad-encoding error naming the file', () => {
    const error = problemsOf(() => decode(encode(TEXT, 'windows-1251'), 'utf-8', 'export.csv'));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'bad-encoding', file: 'export.csv', encoding: 'utf-8' }),
    ]);
  });
});

describe('files that are not CSV', () => {
  const utf16le = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le'));

  it.each([
    ['an xlsx (zip) workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'xlsx'],
    [
      'an xls (OLE) workbook',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'xls',
    ],
    [
      'UTF-16 LE with a BOM',
      Uint8Array.from([0xff, 0xfe, ...utf16le('Муниципалитет\t')]),
      'utf-16',
    ],
    ['UTF-16 BE with a BOM', Uint8Array.from([0xfe, 0xff, 0x04, 0x1c]), 'utf-16'],
    ['UTF-16 LE without a BOM', utf16le('municipality,org_type,staff,students\n'), 'utf-16'],
  ])('%s is not-csv', (_, bytes, format) => {
    expect(notCsv(bytes)).toBe(format);
    expect(problemsOf(() => decode(bytes, undefined, 'x.csv')).problems).toEqual([
      { code: 'not-csv', file: 'x.csv', format },
    ]);
  });

  it.each([
    ['UTF-8', encode(TEXT, 'utf-8')],
    ['UTF-8 with a BOM', encode(TEXT, 'utf-8-bom')],
    ['Windows-1251', encode(TEXT, 'windows-1251')],
    ['a short file with a zero byte', Uint8Array.from([0x61, 0, 0x62])],
  ])('%s is CSV', (_, bytes) => {
    expect(notCsv(bytes)).toBeUndefined();
  });

  it('loadInputs refuses a workbook given as the headcounts', () => {
    const { write, dir } = inputDir();
    const monitoring = write('m.csv', csv([RU_MONITORING_HEADER]));
    const headcounts = `${dir}/h.xlsx`;
    writeFileSync(headcounts, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]));
    expect(problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems).toEqual([
      { code: 'not-csv', file: headcounts, format: 'xlsx' },
    ]);
  });
});

describe('encodingOption', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['windows-1251', 'windows-1251'],
    ['cp1251', 'windows-1251'],
    [' 1251 ', 'windows-1251'],
  ])('%s → %s', (value, expected) => {
    expect(encodingOption(value)).toBe(expected);
  });

  it('rejects koi8-r, listing the accepted names', () => {
    const error = problemsOf(() => encodingOption('koi8-r'));
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'bad-option',
        option: '--encoding',
        value: 'koi8-r',
        expected: expect.stringContaining('windows-1251'),
      }),
    ]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    [',', 'Муниципалитет,Тип организации,Работники\nа;б;в;г;д\n'],
    [';', 'Муниципалитет;Тип организации;Работники\nа,б,в,г,д\n'],
    ['\t', 'Муниципалитет\tТип организации\tРаботники\n'],
  ])('finds %j from the header line only', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('ignores commas inside quoted header cells', () => {
    const header =
      'Муниципалитет;"Работники, пишущие сообщения";"Обучающиеся, активные";"Пользователи, всего"\n';
    expect(detectDelimiter(header)).toBe(';');
  });

  it('prefers ; over commas in unquoted header names of a ; file', () => {
    // "Работники, пишущие сообщения" unquoted in a ; file: 4 commas, 4 semicolons.
    const header =
      'Муниципалитет;Работники, пишущие сообщения;Обучающиеся, активные;Родители, активные;Пользователи, всего\n';
    expect(detectDelimiter(header)).toBe(';');
  });

  it('finds a comma when header cells with commas are quoted', () => {
    const header = 'Муниципалитет,"Работники, пишущие сообщения","Пользователи, всего"\n';
    expect(detectDelimiter(header)).toBe(',');
  });

  it('skips leading blank lines', () => {
    expect(detectDelimiter('\n\r\n  \nа;б;в\n')).toBe(';');
  });
});

describe('delimiterOption', () => {
  it.each([
    [',', ','],
    ['comma', ','],
    [';', ';'],
    ['semicolon', ';'],
    ['tab', '\t'],
    ['TAB', '\t'],
    ['\\t', '\t'],
    ['\t', '\t'],
  ])('%j → %j', (value, expected) => {
    expect(delimiterOption(value)).toBe(expected);
  });

  it('rejects |', () => {
    expect(problemsOf(() => delimiterOption('|')).problems[0]).toMatchObject({
      code: 'bad-option',
      option: '--delimiter',
      value: '|',
    });
  });
});

describe('the dialect through loadInputs', () => {
  const monitoringRows = [
    RU_MONITORING_HEADER,
    ['г. Кызыл', 'МБОУ СОШ № 1', 'ОО', '', '28.12.2025', '10', '20', '30', '5', '40'],
  ];

  it('--delimiter forces the delimiter over detection', () => {
    // A ; file whose header holds more commas (in a free-text column) than semicolons.
    const { write } = inputDir();
    const header = [
      'Муниципалитет',
      'Тип организации',
      'Работники',
      'Обучающиеся',
      'Примечание (если есть, кратко, по делу, без сокращений, с датой, подписью, печатью)',
    ];
    const text = `${header.join(';')}\nг. Кызыл;ОО;7;100;нет\n`;
    const headcounts = write('h.csv', text);
    const monitoring = write('m.csv', csv(monitoringRows, ';'));
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems[0],
    ).toMatchObject({ code: 'missing-column' });
    const inputs = load({ monitoring: [monitoring], headcounts, delimiter: ';' });
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')).toMatchObject({ staff: 7, students: 100 });
  });

  it('--encoding utf-8 on a Windows-1251 file fails, --encoding windows-1251 reads it', () => {
    const { write } = inputDir();
    const headcounts = write(
      'h.csv',
      csv([RU_HEADCOUNT_HEADER, ['г. Кызыл', 'ОО', '', '7', '100']], ';'),
      'windows-1251',
    );
    const monitoring = write('m.csv', csv(monitoringRows, ';'), 'windows-1251');
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts, encoding: 'utf-8' })).problems,
    ).toEqual([expect.objectContaining({ code: 'bad-encoding', file: headcounts })]);
    const inputs = load({ monitoring: [monitoring], headcounts, encoding: 'windows-1251' });
    expect(inputs.files.map((f) => f.encoding)).toEqual(['windows-1251', 'windows-1251']);
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')).toMatchObject({ staff: 7 });
  });

  it('reports the detected dialect of each file', () => {
    const { write } = inputDir();
    const headcounts = write(
      'h.csv',
      csv([RU_HEADCOUNT_HEADER, ['г. Кызыл', 'ОО', '', '7', '100']], '\t'),
      'utf-8-bom',
    );
    const monitoring = write('m.csv', csv(monitoringRows, ';', '\r\n'), 'windows-1251');
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(inputs.files.map((f) => [f.kind, f.encoding, f.bom, f.delimiter])).toEqual([
      ['headcounts', 'utf-8', true, '\t'],
      ['monitoring', 'windows-1251', false, ';'],
    ]);
  });
});
