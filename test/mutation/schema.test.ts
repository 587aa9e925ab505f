// Row schemas and the clean-row shortcut (src/input/schema.ts): a clean row
// becomes exactly the schema's record; anything the schema treats specially
// is left to it (undefined).
import { describe, expect, it } from 'vitest';
import { cleanRowReaders, rowSchemas } from '../../src/input/schema.js';
import type { ColumnMap } from '../../src/input/table.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';

const vocabulary = buildVocabulary();
const clean = cleanRowReaders(vocabulary);

const MONITORING: ColumnMap = {
  municipality: 0,
  oktmo: 1,
  orgId: 2,
  orgName: 3,
  orgType: 4,
  ownership: 5,
  week: 6,
  staffWriting: 7,
  studentsActive: 8,
  parentsActive: 9,
  usersVk: 10,
  usersTotal: 11,
};
const HEADCOUNTS: ColumnMap = {
  municipality: 0,
  oktmo: 1,
  orgId: 2,
  orgName: 3,
  orgType: 4,
  ownership: 5,
  staff: 6,
  students: 7,
};

const ROW = [
  ' г. Кызыл ',
  ' 93701000 ',
  '',
  ' МБОУ СОШ № 1 ',
  'ОО',
  'частная',
  '28.12.2025',
  '1',
  '2',
  '3',
  '4',
  '5',
];

describe('the clean-row reading of the monitoring export', () => {
  it('reads a clean row to the record the schema gives', () => {
    const record = {
      municipality: 'г. Кызыл',
      oktmo: '93701000',
      orgId: undefined,
      orgName: 'МБОУ СОШ № 1',
      orgType: 'school',
      ownership: true,
      week: '2025-12-28',
      staffWriting: 1,
      studentsActive: 2,
      parentsActive: 3,
      usersVk: 4,
      usersTotal: 5,
    };
    expect(clean.monitoring(ROW, MONITORING)).toEqual(record);
    const schema = rowSchemas(vocabulary, () => {}).monitoring;
    const raw = Object.fromEntries(
      Object.entries(MONITORING).map(([f, i]) => [f, ROW[i as number]]),
    );
    expect(schema.parse(raw)).toEqual(record);
  });

  it('reads zeros, and as many VK users as users, as a clean row', () => {
    const zeros = [...ROW.slice(0, 7), '0', '0', '0', '0', '0'];
    expect(clean.monitoring(zeros, MONITORING)).toMatchObject({
      staffWriting: 0,
      usersVk: 0,
      usersTotal: 0,
    });
    const equal = [...ROW.slice(0, 10), '5', '5'];
    expect(clean.monitoring(equal, MONITORING)).toMatchObject({ usersVk: 5, usersTotal: 5 });
  });

  it('reads a row without a week column, ownership or names', () => {
    const columns: ColumnMap = {
      ...MONITORING,
      week: undefined,
      ownership: undefined,
      oktmo: undefined,
      orgId: undefined,
      orgName: undefined,
    };
    expect(clean.monitoring(ROW, columns)).toMatchObject({
      week: null,
      ownership: false,
      oktmo: undefined,
      orgName: undefined,
    });
  });

  it.each([
    ['an empty count', 7, ''],
    ['a dash', 8, '-'],
    ['a bad count', 9, '-5'],
    ['a bad VK count', 10, 'abc'],
    ['a bad total', 11, 'x'],
    ['more VK users than users', 10, '6'],
    ['a bad week', 6, '31.02.2025'],
    ['an empty week', 6, ''],
    ['an empty municipality', 0, '   '],
    ['an unknown type', 4, 'завод'],
  ])('leaves a row with %s to the schema', (_, index, value) => {
    const row = [...ROW];
    row[index] = value;
    expect(clean.monitoring(row, MONITORING)).toBeUndefined();
  });

  it('leaves a row without a required column to the schema', () => {
    expect(clean.monitoring(ROW, { ...MONITORING, orgType: undefined })).toBeUndefined();
    expect(clean.monitoring(ROW, { ...MONITORING, usersTotal: undefined })).toBeUndefined();
  });
});

describe('the clean-row reading of the headcounts', () => {
  const row = ['Тоджинский', '', '1700', '', 'ДОО', '', '0', '1 234'];

  it('reads a clean row, zeros included', () => {
    expect(clean.headcounts(row, HEADCOUNTS)).toEqual({
      municipality: 'Тоджинский',
      oktmo: undefined,
      orgId: '1700',
      orgName: undefined,
      orgType: 'preschool',
      ownership: false,
      staff: 0,
      students: 1234,
    });
  });

  it.each([
    ['a dash for staff', 6, '—'],
    ['a bad number of students', 7, '12 34'],
    ['no municipality', 0, ''],
    ['an unknown type', 4, ''],
  ])('leaves a row with %s to the schema', (_, index, value) => {
    const changed = [...row];
    changed[index] = value;
    expect(clean.headcounts(changed, HEADCOUNTS)).toBeUndefined();
  });
});

describe('the row schemas', () => {
  it('count an empty or dash cell as 0 under the name of its field, and trim the names', () => {
    const empty: string[] = [];
    const schema = rowSchemas(vocabulary, (field) => empty.push(field)).monitoring;
    const parsed = schema.parse({
      municipality: 'г. Кызыл',
      orgType: 'ОО',
      orgName: '   ',
      orgId: ' 17 ',
      staffWriting: '-',
      studentsActive: '',
      parentsActive: '—',
      usersVk: '–',
      usersTotal: ' ',
    });
    expect(parsed).toMatchObject({
      orgName: undefined,
      orgId: '17',
      staffWriting: 0,
      usersTotal: 0,
    });
    expect(empty).toEqual([
      'staffWriting',
      'studentsActive',
      'parentsActive',
      'usersVk',
      'usersTotal',
    ]);
  });

  it('name the problem of each bad cell by its code and value', () => {
    const schema = rowSchemas(vocabulary, () => {}).headcounts;
    const result = schema.safeParse({
      municipality: ' ',
      orgType: 'завод',
      staff: 'н/д',
      students: '1',
    });
    expect(result.success).toBe(false);
    expect(
      result.error?.issues.map((i) => [
        i.path[0],
        i.message,
        (i as { params?: { value?: string } }).params?.value,
      ]),
    ).toEqual([
      ['municipality', 'empty-municipality', ' '],
      ['orgType', 'bad-org-type', 'завод'],
      ['staff', 'bad-count', 'н/д'],
    ]);
  });
});
