// Invariants of the indicators that hold for any data: one more active person
// never lowers a share; the region total is the sum of its parts; the order of
// rows and files changes nothing; the same inputs give the same report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Baselines, evaluate, type Report } from '../../src/domain/evaluate.js';
import {
  type Cell,
  type HeadcountSums,
  type MonitoringSums,
  type MunicipalityData,
  ORG_TYPES,
} from '../../src/domain/organisations.js';
import { INDICATOR_IDS, TYVA_2025 } from '../../src/domain/roadmap.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { chooseWeek, dataForWeek, loadInputs } from '../../src/input/load.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { reportCsv } from '../../src/report/csv.js';
import { reportJson } from '../../src/report/json.js';
import { reportTable } from '../../src/report/table.js';
import {
  type Dataset,
  type Dialect,
  datasetArbitrary,
  dialectArbitrary,
  writeDataset,
} from './dataset.js';
import { runs, TIMEOUT } from './runs.js';

const count = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));

const monitoringCell: fc.Arbitrary<Cell<MonitoringSums>> = fc
  .record({
    orgType: fc.constantFrom(...ORG_TYPES),
    private: fc.boolean(),
    staffWriting: count(2000),
    studentsActive: count(20000),
    parentsActive: count(20000),
    usersTotal: count(50000),
  })
  .chain((c) =>
    fc.integer({ min: 0, max: c.usersTotal }).map((usersVk) => ({
      orgType: c.orgType,
      private: c.private,
      sums: {
        staffWriting: c.staffWriting,
        studentsActive: c.studentsActive,
        parentsActive: c.parentsActive,
        usersVk,
        usersTotal: c.usersTotal,
        rows: 1,
      },
    })),
  );

const headcountCell: fc.Arbitrary<Cell<HeadcountSums>> = fc.record({
  orgType: fc.constantFrom(...ORG_TYPES),
  private: fc.boolean(),
  sums: fc.record({ staff: count(3000), students: count(30000), rows: fc.constant(1) }),
});

// Names a collator ranks equal though they differ (a soft hyphen, a zero-width
// space) must still come out in one order whatever the order of the input.
const names = fc.uniqueArray(
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.stringMatching(/^[А-Яа-яЁё -]{1,12}$/),
    fc.constantFrom('Кызыл', 'Кы\u00adзыл', 'Кызыл\u200b', 'кызыл', 'Кызыл '),
  ),
  { minLength: 1, maxLength: 8 },
);

const dataArbitrary: fc.Arbitrary<MunicipalityData[]> = fc
  .tuple(names, fc.boolean())
  .chain(([list, withRegional]) =>
    fc.tuple(
      ...list.map((name, i) =>
        fc.record({
          municipality: fc.constant({
            name,
            level: withRegional && i === 0 ? ('regional' as const) : ('municipality' as const),
          }),
          monitoring: fc.array(monitoringCell, { maxLength: 6 }),
          headcounts: fc.array(headcountCell, { maxLength: 6 }),
        }),
      ),
    ),
  );

const percent = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }).map((p) => Math.round(p * 100) / 100),
);

const baselinesArbitrary = (data: MunicipalityData[]): fc.Arbitrary<Baselines> =>
  fc
    .tuple(
      fc.record({ '1': percent, '2': percent }, { requiredKeys: [] }),
      fc
        .subarray(data.map((d) => d.municipality.name))
        .chain((chosen) =>
          fc
            .tuple(...chosen.map(() => fc.record({ '1': percent, '2': percent })))
            .map((values) => chosen.map((name, i) => [name, values[i] ?? {}] as const)),
        ),
    )
    .map(([region, own]) => ({ region, byMunicipality: Object.fromEntries(own) }));

// Before the first due date, between the stages, on a due date, after the last.
const asOf = fc.constantFrom('2025-09-01', '2025-10-01', '2025-11-15', '2025-12-30', '2026-03-01');

const scenario = dataArbitrary.chain((data) =>
  fc.record({ data: fc.constant(data), baselines: baselinesArbitrary(data), asOf }),
);

function report(input: { data: MunicipalityData[]; baselines: Baselines; asOf: string }): Report {
  return evaluate({
    region: 'Республика Тыва',
    roadmap: TYVA_2025,
    asOf: input.asOf,
    week: '2025-12-28',
    data: input.data,
    baselines: input.baselines,
  });
}

/** a/b >= c/d for non-negative integers, exactly (b, d > 0). */
function atLeast(a: number, b: number, c: number, d: number): boolean {
  return BigInt(a) * BigInt(d) >= BigInt(c) * BigInt(b);
}

const STATUS_RANK = { na: 0, fail: 1, pass: 2 } as const;

type Person = 'staffWriting' | 'studentsActive' | 'parentsActive' | 'nationalOnlyUser';

function withOneMore(
  data: MunicipalityData[],
  at: number,
  cell: number,
  person: Person,
): MunicipalityData[] {
  return data.map((d, i) => {
    if (i !== at) return d;
    return {
      ...d,
      monitoring: d.monitoring.map((c, j) => {
        if (j !== cell % d.monitoring.length) return c;
        const sums = { ...c.sums };
        // A user only in the national messenger: one more in total, none more in VK.
        if (person === 'nationalOnlyUser') sums.usersTotal++;
        else sums[person]++;
        return { ...c, sums };
      }),
    };
  });
}

describe('indicator invariants', () => {
  it('one more active person never lowers a share, a status or raises a gap', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(),
        fc.nat(),
        fc.constantFrom<Person>(
          'staffWriting',
          'studentsActive',
          'parentsActive',
          'nationalOnlyUser',
        ),
        (s, at, cell, person) => {
          const i = at % s.data.length;
          fc.pre((s.data[i]?.monitoring.length ?? 0) > 0);
          const before = report(s);
          const after = report({ ...s, data: withOneMore(s.data, i, cell, person) });
          let raised = false;
          for (const [r, row] of after.rows.entries()) {
            const old = before.rows[r];
            expect(row.municipality).toBe(old?.municipality);
            for (const id of INDICATOR_IDS) {
              const a = row.indicators[id];
              const b = old?.indicators[id];
              if (!b) throw new Error('rows differ');
              if (a.denominator > 0 && b.denominator > 0)
                expect(atLeast(a.numerator, a.denominator, b.numerator, b.denominator)).toBe(true);
              expect(STATUS_RANK[a.status]).toBeGreaterThanOrEqual(STATUS_RANK[b.status]);
              if (a.status === 'fail' && b.status === 'fail')
                expect(a.gap).toBeLessThanOrEqual(b.gap);
              raised ||= a.numerator !== b.numerator;
            }
          }
          // The person was counted somewhere, unless their row is one no indicator counts.
          const changed = s.data[i]?.monitoring[cell % (s.data[i]?.monitoring.length ?? 1)];
          if (person === 'nationalOnlyUser') expect(raised).toBe(true);
          if (person === 'parentsActive' && changed && !changed.private) {
            if (['school', 'preschool', 'spo', 'dod'].includes(changed.orgType))
              expect(raised).toBe(true);
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('the region total is the sum of the municipalities and the regional level, never an average', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = report(s);
        const total = r.rows.at(-1);
        expect(total?.level).toBe('total');
        expect(total?.municipality).toBeNull();
        const parts = r.rows.slice(0, -1);
        expect(parts).toHaveLength(s.data.length);
        for (const id of INDICATOR_IDS) {
          const t = total?.indicators[id];
          const numerator = parts.reduce((n, row) => n + row.indicators[id].numerator, 0);
          const denominator = parts.reduce((n, row) => n + row.indicators[id].denominator, 0);
          expect(t?.numerator).toBe(numerator);
          expect(t?.denominator).toBe(denominator);
          expect(t?.share).toBe(denominator === 0 ? null : (numerator / denominator) * 100);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('the order of municipalities and of their rows changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, seed) => {
        const shuffled = shuffle(
          s.data.map((d) => ({
            ...d,
            monitoring: shuffle(d.monitoring, seed + 1),
            headcounts: shuffle(d.headcounts, seed + 2),
          })),
          seed,
        );
        expect(report({ ...s, data: shuffled })).toEqual(report(s));
      }),
      { numRuns: runs(150) },
    );
  });

  it('the same inputs render byte-identical output in every format', () => {
    const t = CATALOGUES.ru;
    const options = {
      lang: 'ru' as const,
      color: false,
      decimals: 1,
      wide: true,
      excel: false,
      width: 120,
    };
    fc.assert(
      fc.property(scenario, (s) => {
        const [a, b] = [report(s), report(s)];
        expect(reportJson(b, t)).toBe(reportJson(a, t));
        expect(reportCsv(b, t, options)).toBe(reportCsv(a, t, options));
        expect(reportTable(b, t, options)).toBe(reportTable(a, t, options));
      }),
      { numRuns: runs(40) },
    );
  });
});

/** Fisher–Yates with a seeded generator: one seed, one order. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sferum-kpi-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rowsFromFiles(data: Dataset, headcountDialect: Dialect, monitoringDialects: Dialect[]) {
  const written = writeDataset(dir, data, headcountDialect, monitoringDialects);
  const inputs = loadInputs({
    headcounts: written.headcounts,
    monitoring: written.monitoring,
    vocabulary: buildVocabulary(),
  });
  const week = chooseWeek(inputs, undefined);
  return evaluate({
    region: inputs.region,
    roadmap: TYVA_2025,
    asOf: '2025-12-30',
    week,
    data: dataForWeek(inputs, week).data,
    baselines: { region: { '1': 40, '2': 15 }, byMunicipality: {} },
  }).rows;
}

describe('the order of input rows and files', () => {
  it(
    'changes no number of the report',
    () => {
      fc.assert(
        fc.property(
          datasetArbitrary,
          dialectArbitrary,
          fc.array(dialectArbitrary, { minLength: 1, maxLength: 3 }),
          fc.nat(),
          (data, headcountDialect, dialects, seed) => {
            // Each file keeps its dialect: without an ownership column its private rows are left out.
            const perFile = data.monitoring.map((_, i) => dialects[i % dialects.length] as Dialect);
            const expected = rowsFromFiles(data, headcountDialect, perFile);
            const permuted: Dataset = {
              ...data,
              headcounts: shuffle(data.headcounts, seed),
              monitoring: [...data.monitoring].reverse().map((file, i) => shuffle(file, seed + i)),
            };
            const reversed = [...perFile].reverse();
            expect(rowsFromFiles(permuted, headcountDialect, reversed)).toEqual(expected);
          },
        ),
        { numRuns: runs(15) },
      );
    },
    TIMEOUT,
  );
});
