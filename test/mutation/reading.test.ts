// Reading files into sums (src/input/table.ts, file-reader.ts, load.ts), for
// the cases the loader tests leave out: hostile sizes in process, files of
// several chunks, line numbers after quoted line breaks and blank lines,
// whitespace rows, repeated optional columns, private and preschool rows,
// OKTMO codes and every organisation type side by side.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORG_TYPES } from '../../src/domain/organisations.js';
import { type Problem, UserError } from '../../src/errors.js';
import { dataForWeek, type Inputs, loadInputs, organisationsByType } from '../../src/input/load.js';
import { LIMITS } from '../../src/input/table.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const H = 'Муниципалитет,Тип организации,Работники,Обучающиеся';
const M =
  'Муниципалитет,Тип организации,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"';
const GOOD_H = `${H}\nг. Кызыл,ОО,10,100\n`;
const GOOD_M = `${M}\nг. Кызыл,ОО,1,2,3,0,5\n`;

function load(headcounts: string, monitoring: string | string[] = GOOD_M): Inputs {
  const dir = tempDir();
  const h = join(dir, 'headcounts.csv');
  writeFileSync(h, headcounts);
  const m = (Array.isArray(monitoring) ? monitoring : [monitoring]).map((text, i) => {
    const file = join(dir, `monitoring-${i}.csv`);
    writeFileSync(file, text);
    return file;
  });
  return loadInputs({ headcounts: h, monitoring: m, vocabulary: buildVocabulary() });
}

/** The problems of a load, each with its file shortened to a name. */
function problems(headcounts: string, monitoring: string | string[] = GOOD_M): Problem[] {
  try {
    load(headcounts, monitoring);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.problems.map((p) => ({ ...p, file: p.file?.replace(/^.*\//, '') }));
  }
  throw new Error('the files were read');
}

function sums(inputs: Inputs, week = ''): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [m, cells] of inputs.monitoring.get(week) ?? [])
    for (const [key, cell] of cells) out[`${m.name}/${key}`] = { ...cell.sums };
  return out;
}

describe('hostile sizes, in process', () => {
  it(`a header of exactly ${LIMITS.columns} columns is read; one more is too-many-columns`, () => {
    const extra = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    const row = (n: number) => `г. Кызыл,ОО,10,100${','.repeat(n)}`;
    const fits = load(`${H},${extra(LIMITS.columns - 4)}\n${row(LIMITS.columns - 4)}\n`);
    expect(fits.files[0]?.headers).toHaveLength(LIMITS.columns);
    expect(problems(`${H},${extra(LIMITS.columns - 3)}\n${row(LIMITS.columns - 3)}\n`)).toEqual([
      { code: 'too-many-columns', file: 'headcounts.csv', line: 1, limit: LIMITS.columns },
    ]);
  });

  it('a header of 600 000 columns is too-many-columns, not an unclosed quote', () => {
    expect(problems(`${H},${'c,'.repeat(600_000)}c\n`)).toEqual([
      { code: 'too-many-columns', file: 'headcounts.csv', line: 1, limit: LIMITS.columns },
    ]);
  });

  it('a row of 600 000 cells after blank lines is field-count at its own line', () => {
    const [problem] = problems(`${H}\nг. Кызыл,ОО,10,100\n\n\n${'1,'.repeat(600_000)}1\n`);
    expect(problem).toMatchObject({
      code: 'field-count',
      file: 'headcounts.csv',
      line: 5,
      expected: 4,
    });
    expect((problem as { got: number }).got).toBeGreaterThan(LIMITS.columns);
  });

  it('a cell of more than a million characters after blank lines is cell-too-long at its line', () => {
    const cell = `"${'МБОУ\n'.repeat(250_000)}"`;
    expect(
      problems(`${H},Организация\nг. Кызыл,ОО,10,100,x\n\n\nг. Кызыл,ОО,1,2,${cell}\n`),
    ).toEqual([
      { code: 'cell-too-long', file: 'headcounts.csv', line: 5, limit: LIMITS.recordChars },
    ]);
    expect(problems(`${H}\n${'x'.repeat(LIMITS.recordChars + 10)}\n`)).toEqual([
      { code: 'cell-too-long', file: 'headcounts.csv', line: 2, limit: LIMITS.recordChars },
    ]);
  });

  it('a quote never closed is csv-syntax at its line, named by the parser code', () => {
    expect(problems(`${GOOD_H}\n"г. Кызыл,ОО,1,2\n`)).toEqual([
      { code: 'csv-syntax', file: 'headcounts.csv', line: 4, reason: 'CSV_QUOTE_NOT_CLOSED' },
    ]);
  });

  it('a parser error in the first chunk of a long file stops the read', () => {
    const rows = 'г. Кызыл,ОО,10,100\n'.repeat(100_000);
    expect(problems(`${H}\n"${'x'.repeat(LIMITS.recordChars + 10)}"\n${rows}`)).toEqual([
      { code: 'cell-too-long', file: 'headcounts.csv', line: 2, limit: LIMITS.recordChars },
    ]);
  });
});

describe('files of several chunks', () => {
  it('a 3 MB file is read to its last row', () => {
    const rows = 150_000;
    const inputs = load(`${H}\n${'г. Кызыл,ОО,2,3\n'.repeat(rows - 1)}г. Кызыл,ОО,7,11\n`);
    const cells = [...inputs.headcounts.values()][0];
    expect(cells?.get('school')?.sums).toEqual({
      staff: 2 * (rows - 1) + 7,
      students: 3 * (rows - 1) + 11,
      rows,
    });
  });
});

describe('line numbers and blank rows', () => {
  it('a quoted CRLF inside a cell does not shift the lines after it', () => {
    const text = `${H},Организация\r\nг. Кызыл,ОО,1,2,"МБОУ\r\nСОШ"\r\nг. Кызыл,ОО,x,2,y\r\n`;
    expect(problems(text)).toEqual([
      { code: 'bad-count', file: 'headcounts.csv', line: 4, column: 'Работники', value: 'x' },
    ]);
  });

  it('a line break inside a properly quoted name is part of the name', () => {
    const inputs = load(
      `${H},Организация,Форма собственности\nг. Кызыл,ОО,1,2,"МБОУ\nСОШ, № 1",частная\n`,
    );
    expect(inputs.warnings).toContainEqual(
      expect.objectContaining({ code: 'private-rows', organisations: ['МБОУ\nСОШ, № 1'] }),
    );
  });

  it('a quote that swallows the next lines is named where it opens', () => {
    const file = join(FIXTURES, 'errors', 'quote-swallows-line.csv');
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"Гимназия № 9 г. Кызыл,')) + 1;
    try {
      loadInputs({
        headcounts: join(FIXTURES, 'headcounts.csv'),
        monitoring: [file],
        vocabulary: buildVocabulary(),
      });
      throw new Error('read');
    } catch (error) {
      expect((error as UserError).problems).toContainEqual({
        code: 'csv-syntax',
        file,
        line,
        reason: 'QUOTE_SWALLOWS_LINE',
      });
    }
  });

  it('rows of spaces, short or full, are blank lines; headers are trimmed', () => {
    const inputs = load(
      ` Муниципалитет ,Тип организации,Работники,Обучающиеся\nг. Кызыл,ОО,1,2\n  ,  ,  ,  \n  ,  \n`,
    );
    expect(inputs.files[0]).toMatchObject({ rows: 1, blankLines: 2 });
    expect(inputs.files[0]?.headers[0]).toBe('Муниципалитет');
  });

  it('a repeated optional column is read from its first occurrence', () => {
    const inputs = load(
      `${H},Организация,Форма собственности,Организация\nг. Кызыл,ОО,1,2,первая,частная,вторая\n`,
    );
    expect(inputs.warnings).toContainEqual(
      expect.objectContaining({ code: 'private-rows', organisations: ['первая'] }),
    );
  });
});

describe('warnings of the rows', () => {
  it('active students of kindergartens: how many, in how many rows, from which line', () => {
    const inputs = load(
      GOOD_H,
      `${M}\nг. Кызыл,ДОО,1,3,3,0,5\nг. Кызыл,ОО,1,2,3,0,5\nг. Кызыл,ДОО,1,2,3,0,5\nг. Кызыл,ДОО,1,0,3,0,5\n`,
    );
    expect(inputs.warnings.filter((w) => w.code === 'preschool-students')).toEqual([
      { code: 'preschool-students', file: inputs.files[1]?.file, line: 2, count: 5, rows: 2 },
    ]);
    expect(sums(inputs)['г. Кызыл/preschool']).toMatchObject({ studentsActive: 5, rows: 3 });
  });

  it('private organisations: at most ten named, a row without a name by its line', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `г. Кызыл,ОО,1,2,Частная школа ${i + 1},частная`,
    );
    const inputs = load(
      `${H},Организация,Форма собственности\n${rows.join('\n')}\nг. Кызыл,ОО,1,2,,частная\n`,
    );
    const warning = inputs.warnings.find((w) => w.code === 'private-rows');
    expect(warning).toMatchObject({ rows: 13 });
    expect((warning as { organisations: string[] }).organisations).toEqual(
      rows.slice(0, 10).map((_, i) => `Частная школа ${i + 1}`),
    );
    const unnamed = load(`${H},Форма собственности\nг. Кызыл,ОО,1,2,\nг. Кызыл,ОО,1,2,частная\n`);
    expect(unnamed.warnings).toContainEqual(
      expect.objectContaining({ code: 'private-rows', rows: 1, organisations: ['#3'] }),
    );
  });

  it('private monitoring rows of several files make one warning, each name once', () => {
    const header = `${M},Организация,Форма собственности`;
    const inputs = load(GOOD_H, [
      `${header}\nг. Кызыл,ОО,1,2,3,0,5,Развитие,частная\nг. Кызыл,ОО,1,2,3,0,5,Знание,частная\n`,
      `${header}\nг. Кызыл,ОО,1,2,3,0,5,Развитие,частная\n`,
    ]);
    const warnings = inputs.warnings.filter((w) => w.code === 'private-rows');
    expect(warnings).toEqual([
      expect.objectContaining({ rows: 2, organisations: ['Развитие', 'Знание'] }),
    ]);
  });
});

describe('sums', () => {
  it('every type, public and private, in one municipality and week, is its own cell', () => {
    const rows = ORG_TYPES.flatMap((type, i) => [
      `г. Кызыл,${type},${i + 1},${10 * (i + 1)},0,0,1,`,
      `г. Кызыл,${type},${100 + i},${1000 + i},0,0,2,частная`,
    ]);
    const inputs = load(GOOD_H, `${M},Форма собственности\n${rows.join('\n')}\n`);
    const expected: Record<string, Record<string, number>> = {};
    ORG_TYPES.forEach((type, i) => {
      const cell = (staffWriting: number, studentsActive: number, usersTotal: number) => ({
        staffWriting,
        studentsActive,
        parentsActive: 0,
        usersVk: 0,
        usersTotal,
        rows: 1,
      });
      expected[`г. Кызыл/${type}`] = cell(i + 1, 10 * (i + 1), 1);
      expected[`г. Кызыл/${type}:private`] = cell(100 + i, 1000 + i, 2);
    });
    expect(sums(inputs)).toEqual(expected);
  });

  it('rows of one name with different OKTMO codes go to the municipality of each code', () => {
    const inputs = load(
      `${H},ОКТМО\nг. Кызыл,ОО,10,100,93701000\nКызылский кожуун,ОО,10,100,93625000\n`,
      `${M},ОКТМО\nг. Кызыл,ОО,1,2,3,0,5,93701000\nг. Кызыл,ОО,4,5,6,0,7,93625000\nг. Кызыл,ОО,1,1,1,0,1,93701000\n`,
    );
    expect(sums(inputs)).toEqual({
      'г. Кызыл/school': {
        staffWriting: 2,
        studentsActive: 3,
        parentsActive: 4,
        usersVk: 0,
        usersTotal: 6,
        rows: 2,
      },
      'Кызылский кожуун/school': {
        staffWriting: 4,
        studentsActive: 5,
        parentsActive: 6,
        usersVk: 0,
        usersTotal: 7,
        rows: 1,
      },
    });
  });
});

describe('loadInputs across files', () => {
  it('an unknown municipality left out with --allow-unmatched: one warning with all its rows, no week of its own', () => {
    const dir = tempDir();
    const h = join(dir, 'h.csv');
    const m = join(dir, 'm.csv');
    writeFileSync(h, GOOD_H);
    writeFileSync(
      m,
      `${M},ОКТМО,Неделя\nг. Кызыл,ОО,1,2,3,0,5,93701000,21.12.2025\nАтлантида,ОО,1,2,3,0,5,1,28.12.2025\nАтлантида,ОО,1,2,3,0,5,2,28.12.2025\n`,
    );
    const inputs = loadInputs({
      headcounts: h,
      monitoring: [m],
      vocabulary: buildVocabulary(),
      allowUnmatched: true,
    });
    expect(inputs.warnings.filter((w) => w.code === 'unmatched-skipped')).toEqual([
      { code: 'unmatched-skipped', file: m, line: 3, value: 'Атлантида', rows: 2 },
    ]);
    expect(inputs.weeks).toEqual(['2025-12-21']);
  });

  it('counts the problems past the listing limit over every file', () => {
    const bad = `${M}\n${'г. Кызыл,ОО,x,2,3,0,5\n'.repeat(25)}`;
    try {
      load(GOOD_H, [bad, bad.replace(/x/g, 'y')]);
      throw new Error('read');
    } catch (error) {
      expect((error as UserError).problems).toHaveLength(20);
      expect((error as UserError).more).toBe(30);
    }
  });

  it('regional rows of the monitoring export need no headcounts', () => {
    const inputs = load(
      GOOD_H,
      `${M},Неделя\nг. Кызыл,ОО,1,2,3,0,5,28.12.2025\nРеспублика Тыва,РОИВ,7,0,0,0,7,28.12.2025\n`,
    );
    const { data } = dataForWeek(inputs, '2025-12-28');
    const regional = data.find((d) => d.municipality.level === 'regional');
    expect(regional?.headcounts).toEqual([]);
    expect(regional?.monitoring[0]?.sums.staffWriting).toBe(7);
  });

  it('counts organisations per type over the files of one kind (validate)', () => {
    const inputs = load(`${H}\nг. Кызыл,ОО,10,100\nг. Кызыл,ДОО,5,50\nг. Кызыл,ОО,1,1\n`, [
      `${M}\nг. Кызыл,ОО,1,2,3,0,5\n`,
      `${M}\nг. Кызыл,СПО,1,2,3,0,5\nг. Кызыл,ОО,1,2,3,0,5\n`,
    ]);
    expect(organisationsByType(inputs.files, 'headcounts')).toEqual({
      school: 2,
      preschool: 1,
      spo: 0,
      dod: 0,
      authority: 0,
      subordinate: 0,
    });
    expect(organisationsByType(inputs.files, 'monitoring')).toMatchObject({
      school: 2,
      spo: 1,
      preschool: 0,
    });
  });
});
