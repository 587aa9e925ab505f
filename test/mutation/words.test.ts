// The words of the exports (src/input/municipalities.ts, dialect.ts,
// values.ts, vocabulary.ts, patterns.ts) at their edges: spellings of names,
// distances, OKTMO codes, delimiters at the scan limit, UTF-16 sniffing,
// percentages, week ranges, header forms, config additions, file patterns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/errors.js';
import { decode, delimiterOption, detectDelimiter, notCsv } from '../../src/input/dialect.js';
import {
  editDistance,
  MunicipalityIndex,
  municipalityKey,
} from '../../src/input/municipalities.js';
import { expandPattern } from '../../src/input/patterns.js';
import { parseDate, parsePercent, parseWeek } from '../../src/input/values.js';
import { buildVocabulary, normalizeHeader } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';

describe('municipality names', () => {
  it.each([
    ['г.Кызыл', 'кызыл'],
    ['Каа - Хемский кожуун', 'каа-хемский'],
    ['Каа- Хемский', 'каа-хемский'],
    ['Каа -Хемский', 'каа-хемский'],
    ['Улуг-Хемский кожуун Шагонар', 'улуг-хемский шагонар'],
    ['Ааг.Бб', 'ааг.бб'],
  ])('%s has the key %s', (name, key) => {
    expect(municipalityKey(name)).toBe(key);
  });

  it.each([
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ab', 'a', 1],
    ['a', 'ab', 1],
    ['kitten', 'sitting', 3],
    ['кызыл', 'кызылский', 4],
    ['тоджинский', 'тоджинский', 0],
  ])('the edit distance of %j and %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  const index = () => new MunicipalityIndex(buildVocabulary());

  it('names a municipality by its first spelling, trimmed and with single spaces', () => {
    const i = index();
    expect(i.add('  г.  Кызыл  ', undefined).name).toBe('г. Кызыл');
    expect(i.add('Город Кызыл', undefined).name).toBe('г. Кызыл');
  });

  it('keeps the first municipality an OKTMO code was seen with, and finds it by an 11-digit code', () => {
    const i = index();
    i.add('г. Кызыл', '93701000');
    i.add('Кызылский кожуун', '93701000');
    expect(i.byCode('93701000')?.name).toBe('г. Кызыл');
    expect(i.byCode('93701000051')?.name).toBe('г. Кызыл');
    expect(i.byCode('9370100')).toBeUndefined();
  });

  it('tells the regional level by either of its names', () => {
    const i = index();
    expect(i.isRegional('Региональный уровень')).toBe(true);
    expect(i.isRegional('Республика Тыва')).toBe(true);
    expect(i.isRegional('г. Кызыл')).toBe(false);
  });

  it('suggests the closest names, none far behind the best', () => {
    const i = index();
    for (const name of ['Абвгде', 'Абвгд', 'Аб', 'Абв']) i.add(name, undefined);
    expect(i.closest('Аб', 5)).toEqual(['Аб', 'Абв', 'Абвгд']);
    expect(index().closest('Аб')).toEqual([]);
  });
});

describe('the dialect', () => {
  it('names the accepted delimiters for a bad --delimiter', () => {
    try {
      delimiterOption('|');
      throw new Error('accepted');
    } catch (error) {
      expect((error as UserError).problems[0]).toEqual({
        code: 'bad-option',
        option: '--delimiter',
        value: '|',
        expected: "',', ';', tab",
      });
    }
  });

  it('takes a third of zero bytes in at least 16 as UTF-16', () => {
    const sample = (length: number, zeros: number) =>
      Uint8Array.from({ length }, (_, i) => (i < zeros ? 0 : 0x41));
    expect(notCsv(sample(16, 6))).toBe('utf-16');
    expect(notCsv(sample(15, 6))).toBeUndefined();
    expect(notCsv(sample(48, 16))).toBe('utf-16');
    expect(notCsv(sample(48, 15))).toBeUndefined();
  });

  it('decodes a forced Windows-1251 file without its BOM, and a broken BOM as text', () => {
    expect(decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), 'windows-1251', 'f')).toEqual({
      text: 'A',
      encoding: 'windows-1251',
      bom: false,
    });
    for (const start of [
      [0xef, 0xbb, 0x41],
      [0xef, 0x41, 0xbf],
      [0x41, 0xbb, 0xbf],
    ]) {
      const bytes = Uint8Array.from([...start, 0x42]);
      expect(decode(bytes, undefined, 'f')).toEqual({
        text: new TextDecoder('windows-1251').decode(bytes),
        encoding: 'windows-1251',
        bom: false,
      });
    }
    expect(decode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), undefined, 'f')).toEqual({
      text: 'A',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it.each([
    ['"a;b;c",x,y', ','],
    ['a;b\nc,d,e,f', ';'],
    ['a;b\rc,d,e,f', ';'],
    ['"a\nb";c;d\ne,f,g,h,i', ';'],
    ['a\tb;c', '\t'],
    ['a;b,c', ';'],
    ['abc', ','],
    ['\n\n a;b', ';'],
  ])('detects the delimiter of %j as %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('looks for the delimiter in the first million characters only', () => {
    expect(detectDelimiter(`${'x'.repeat(999_999)};`)).toBe(';');
    expect(detectDelimiter(`${'x'.repeat(1_000_000)};`)).toBe(',');
    expect(detectDelimiter(`  ${'x'.repeat(999_999)};`)).toBe(';');
  });
});

describe('values', () => {
  it.each([
    [0, 0],
    ['0', 0],
    ['41.75', 41.75],
    ['41,7 %', 41.7],
    ['4%1', null],
    ['41.', null],
    [-1, null],
  ])('the percentage %j is %j', (raw, value) => {
    expect(parsePercent(raw)).toBe(value);
  });

  it.each([
    ['2025-12-28', '2025-12-28'],
    ['x2025-12-28', null],
    ['2025-12-289', null],
    ['28.12.2025', '2025-12-28'],
    ['28.12.20251', null],
    ['128.12.2025', null],
  ])('the date %j is %j', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each([
    ['22.12.2025–28.12.2025', '2025-12-28'],
    ['28.12.2025–22.12.2025', null],
    ['31.02.2025–28.12.2025', null],
    ['22.12.2025–31.12.2025x', null],
    [' 28.12.2025 ', '2025-12-28'],
    ['', null],
  ])('the week %j is %j', (text, week) => {
    expect(parseWeek(text)).toBe(week);
  });
});

describe('the vocabulary', () => {
  it.each([
    ['\ufeffМуниципалитет', 'муниципалитет'],
    ['МУНИЦИПАЛИТЕТ', 'муниципалитет'],
    [' Тип \u00a0 организации ', 'тип организации'],
    ['Пользователи в VK Мессенджере', 'пользователи в vk мессенджере'],
  ])('the header %j compares as %j', (header, normal) => {
    expect(normalizeHeader(header)).toBe(normal);
  });

  it('adds config words by the SPEC key or the field name, and normalises them', () => {
    const vocabulary = buildVocabulary({
      columns: { monitoring: { staff_writing: ['Пишущие'], studentsActive: ['Ученики'] } },
      orgTypes: { school: ['СОШ'] },
      privateOwnership: ['НЕГОСУДАРСТВЕННАЯ'],
      totalRowLabels: ['Итого по республике:'],
    });
    expect(vocabulary.columns.monitoring.staffWriting).toContain('Пишущие');
    expect(vocabulary.columns.monitoring.studentsActive).toContain('Ученики');
    expect(vocabulary.orgTypeSpellings).toContain('СОШ');
    expect(vocabulary.orgTypeSpellings).toContain('school');
    expect(vocabulary.orgTypes.get('сош')).toBe('school');
    expect(vocabulary.privateOwnership.has('негосударственная')).toBe(true);
    expect(vocabulary.privateOwnership.has('частная')).toBe(true);
    expect(vocabulary.totalRowLabels.has('итого по республике')).toBe(true);
    expect(vocabulary.totalRowLabels.has('итого')).toBe(true);
  });
});

describe('file patterns', () => {
  it('expands a wildcard to the files of its folder, in name order, dotfiles left out', () => {
    const dir = tempDir();
    for (const name of ['m-2.csv', 'm-1.csv', '.m-0.csv', 'other.csv', 'm-😀.csv'])
      writeFileSync(join(dir, name), '');
    expect(expandPattern(join(dir, 'm-*.csv'))).toEqual(
      ['m-1.csv', 'm-2.csv', 'm-😀.csv'].map((n) => join(dir, n)),
    );
    expect(expandPattern(join(dir, 'm-?.csv'))).toEqual(
      ['m-1.csv', 'm-2.csv', 'm-😀.csv'].map((n) => join(dir, n)),
    );
    expect(expandPattern(join(dir, '.m-*.csv'))).toEqual([join(dir, '.m-0.csv')]);
  });

  it('keeps a path that is -, has no wildcard, exists, or matches nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a*.csv'), '');
    writeFileSync(join(dir, 'monitoring-1.csv'), '');
    mkdirSync(join(dir, 'sub'));
    expect(expandPattern('-')).toEqual(['-']);
    expect(expandPattern(join(dir, 'x.csv'))).toEqual([join(dir, 'x.csv')]);
    expect(expandPattern(join(dir, 'a*.csv'))).toEqual([join(dir, 'a*.csv')]);
    expect(expandPattern(join(dir, 'z*.csv'))).toEqual([join(dir, 'z*.csv')]);
    expect(expandPattern(join(dir, 'missing', '*.csv'))).toEqual([join(dir, 'missing', '*.csv')]);
    // File names on Linux are case-sensitive, and so are patterns.
    expect(expandPattern(join(dir, 'MONITORING-*.csv'))).toEqual([join(dir, 'MONITORING-*.csv')]);
  });
});
