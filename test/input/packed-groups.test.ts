// A file's groups cross from a reading worker packed into one buffer and a
// table of strings (src/input/parallel.ts); unpacked, they must be the groups
// the worker read, in their order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORG_TYPES } from '../../src/domain/organisations.js';
import { packGroups, unpackGroups } from '../../src/input/parallel.js';

const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 40 }));
const text = fc.oneof(fc.constant(''), fc.string(), fc.constantFrom('г. Кызыл', 'Тес-Хемский'));

function groupOf<S>(sums: fc.Arbitrary<S>) {
  return fc.record({
    week: fc.oneof(fc.constant(''), fc.constantFrom('2025-12-21', '2025-12-28')),
    name: text,
    oktmo: fc.option(fc.oneof(fc.constant(''), fc.stringMatching(/^\d{8,11}$/)), {
      nil: undefined,
    }),
    orgType: fc.constantFrom(...ORG_TYPES),
    private: fc.boolean(),
    sums,
    line: fc.integer({ min: 2, max: 10_000_000 }),
  });
}

const monitoringGroups = fc.array(
  groupOf(
    fc.record({
      staffWriting: count,
      studentsActive: count,
      parentsActive: count,
      usersVk: count,
      usersTotal: count,
      rows: fc.integer({ min: 1, max: 100_000 }),
    }),
  ),
  { maxLength: 40 },
);
const headcountGroups = fc.array(
  groupOf(fc.record({ staff: count, students: count, rows: fc.integer({ min: 1, max: 100_000 }) })),
  { maxLength: 40 },
);

describe('groups packed to cross from a worker', () => {
  it('unpack to the groups of a monitoring file, in order', () => {
    fc.assert(
      fc.property(monitoringGroups, (groups) => {
        const unpacked = unpackGroups(packGroups('monitoring', groups));
        expect(unpacked.length).toBe(groups.length);
        expect([...unpacked]).toEqual(groups);
      }),
    );
  });

  it('unpack to the groups of a headcount file, in order', () => {
    fc.assert(
      fc.property(headcountGroups, (groups) => {
        const unpacked = unpackGroups(packGroups('headcounts', groups));
        expect(unpacked.length).toBe(groups.length);
        expect([...unpacked]).toEqual(groups);
      }),
    );
  });

  it('go into a buffer given back when it is large enough, and only into its first part', () => {
    fc.assert(
      fc.property(monitoringGroups, monitoringGroups, (first, second) => {
        const spare = packGroups('monitoring', first).numbers.buffer as ArrayBuffer;
        const packed = packGroups('monitoring', second, spare);
        const fits = packed.numbers.byteLength <= spare.byteLength;
        expect(packed.numbers.buffer === spare).toBe(fits);
        expect([...unpackGroups(packed)]).toEqual(second);
      }),
    );
  });

  it('hold each name once, however many groups share it', () => {
    const group = {
      week: '2025-12-28',
      name: 'Тес-Хемский кожуун',
      oktmo: undefined,
      private: false,
      sums: { staff: 1, students: 2, rows: 1 },
      line: 2,
    };
    const groups = ORG_TYPES.map((orgType, i) => ({ ...group, orgType, line: i + 2 }));
    const packed = packGroups('headcounts', groups);
    expect(packed.strings).toEqual(['2025-12-28', 'Тес-Хемский кожуун']);
  });
});
