// A file's groups cross from a reading worker packed into one buffer and a
// table of strings (src/input/parallel.ts); unpacked, they must be the groups
// the worker read, in their order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORG_TYPES, type OrgType } from '../../src/domain/organisations.js';
import { type GroupTable, SUMS_WIDTH } from '../../src/input/file-reader.js';
import { packGroups, unpackGroups } from '../../src/input/parallel.js';

const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 40 }));
const text = fc.oneof(fc.constant(''), fc.string(), fc.constantFrom('г. Кызыл', 'Тес-Хемский'));

interface Row {
  week: string;
  name: string;
  oktmo: string | undefined;
  orgType: OrgType;
  private: boolean;
  line: number;
  sums: number[];
}

const rows = fc.array(
  fc.record({
    week: fc.oneof(fc.constant(''), fc.constantFrom('2025-12-21', '2025-12-28')),
    name: text,
    oktmo: fc.option(fc.oneof(fc.constant(''), fc.stringMatching(/^\d{8,11}$/)), {
      nil: undefined,
    }),
    orgType: fc.constantFrom(...ORG_TYPES),
    private: fc.boolean(),
    line: fc.integer({ min: 2, max: 10_000_000 }),
    // A monitoring file's five counts and its rows; a headcount file's two and zeros.
    sums: fc.array(count, { minLength: SUMS_WIDTH, maxLength: SUMS_WIDTH }),
  }),
  { maxLength: 40 },
);

function tableOf(groups: Row[]): GroupTable {
  return {
    length: groups.length,
    week: groups.map((g) => g.week),
    name: groups.map((g) => g.name),
    oktmo: groups.map((g) => g.oktmo),
    orgType: groups.map((g) => g.orgType),
    private: groups.map((g) => g.private),
    line: groups.map((g) => g.line),
    sums: Float64Array.from(groups.flatMap((g) => g.sums)),
  };
}

describe('groups packed to cross from a worker', () => {
  it('unpack to the groups of the file, in order', () => {
    fc.assert(
      fc.property(rows, (groups) => {
        const table = tableOf(groups);
        expect(unpackGroups(packGroups(table))).toEqual(table);
      }),
    );
  });

  it('go into a buffer given back when it is large enough, and only into its first part', () => {
    fc.assert(
      fc.property(rows, rows, (first, second) => {
        const spare = packGroups(tableOf(first)).numbers.buffer as ArrayBuffer;
        const packed = packGroups(tableOf(second), spare);
        const fits = packed.numbers.byteLength <= spare.byteLength;
        expect(packed.numbers.buffer === spare).toBe(fits);
        expect(unpackGroups(packed)).toEqual(tableOf(second));
      }),
    );
  });

  it('hold each name once, however many groups share it', () => {
    const groups = ORG_TYPES.map((orgType, i) => ({
      week: '2025-12-28',
      name: 'Тес-Хемский кожуун',
      oktmo: undefined,
      orgType,
      private: false,
      line: i + 2,
      sums: [1, 2, 0, 0, 0, 1],
    }));
    const packed = packGroups(tableOf(groups));
    expect(packed.strings).toEqual(['2025-12-28', 'Тес-Хемский кожуун']);
  });
});
