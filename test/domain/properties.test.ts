// Generated cases: random organisations written as messy but valid CSV files
// (delimiters, header aliases, type spellings, name variants, thousands
// separators, dashes for 0, total rows, several weeks), read by the real
// loader and evaluated, then compared with a plain re-implementation of SPEC
// section 2 that sums the generated rows directly. Seeded, so every run checks
// the same cases.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Baselines, evaluate } from '../../src/domain/evaluate.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';
import { chooseWeek, dataForWeek, loadInputs } from '../../src/input/load.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

// ---------------------------------------------------------------- SPEC, restated

type Type = 'school' | 'preschool' | 'spo' | 'dod' | 'authority' | 'subordinate';
const TYPES: Type[] = ['school', 'preschool', 'spo', 'dod', 'authority', 'subordinate'];
const EDU: Type[] = ['school', 'preschool', 'spo', 'dod'];
const STUD: Type[] = ['school', 'spo', 'dod'];
const GOV: Type[] = ['authority', 'subordinate'];

/** SPEC 4.3: the accepted spellings of each type (case does not matter). */
const SPELLINGS: Record<Type, string[]> = {
  school: ['school', 'ОО', 'школа', 'общеобразовательная', 'Школа', 'SCHOOL'],
  preschool: ['preschool', 'ДОО', 'детский сад', 'дошкольная', 'Детский сад'],
  spo: ['spo', 'СПО', 'колледж', 'техникум'],
  dod: ['dod', 'ДО', 'УДО', 'дополнительного образования'],
  authority: ['authority', 'ОУО', 'РОИВ', 'ОМСУ', 'орган управления образованием'],
  subordinate: ['subordinate', 'подведомственная'],
};
const PUBLIC_OWNERSHIP = ['', 'муниципальная', 'государственная', 'municipal', 'state'];
const PRIVATE_OWNERSHIP = ['частная', 'private', 'Частная'];

/** SPEC 2.1: the stages of tyva-2025, due date and target. */
const STAGES: Record<string, { stage: number; due: string; target: string | 'baseline' }[]> = {
  '1': [
    { stage: 1, due: '2025-10-01', target: 'baseline' },
    { stage: 2, due: '2025-12-30', target: '75' },
  ],
  '2': [
    { stage: 1, due: '2025-10-01', target: 'baseline' },
    { stage: 2, due: '2025-12-30', target: '30' },
  ],
  '3': [{ stage: 1, due: '2025-12-30', target: '100' }],
  '4': [{ stage: 1, due: '2025-12-30', target: '100' }],
};

interface Org {
  municipality: string;
  type: Type;
  private: boolean;
  staff: number;
  students: number;
  /** Monitoring per week; absent when the organisation has no row that week. */
  weeks: Map<string, Activity>;
}

interface Activity {
  staffWriting: number;
  studentsActive: number;
  parentsActive: number;
  usersVk: number;
  usersTotal: number;
}

interface Expected {
  numerator: number;
  denominator: number;
  stage: number;
  inForce: boolean;
  target: number | null;
  status: 'pass' | 'fail' | 'na';
  gap: number;
}

/** A percentage written in decimal as a fraction p / q. */
function fraction(text: string): { p: bigint; q: bigint } {
  const [whole = '0', decimals = ''] = text.split('.');
  return { p: BigInt(whole + decimals), q: 10n ** BigInt(decimals.length) };
}

function judgeBySpec(
  numerator: number,
  denominator: number,
  id: string,
  asOf: string,
  baseline: string | undefined,
): Expected {
  const stages = STAGES[id] ?? [];
  const due = stages.filter((s) => s.due <= asOf);
  const chosen = due[due.length - 1] ?? stages[0];
  if (!chosen) throw new Error('no stage');
  const targetText = chosen.target === 'baseline' ? baseline : chosen.target;
  const base = {
    numerator,
    denominator,
    stage: chosen.stage,
    inForce: due.length > 0,
    target: targetText === undefined ? null : Number(targetText),
  };
  if (denominator === 0 || targetText === undefined) return { ...base, status: 'na', gap: 0 };
  // numerator / denominator ≥ p / (100 q)  ⇔  100 q × numerator ≥ p × denominator
  const { p, q } = fraction(targetText);
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (100n * q * n >= p * d) return { ...base, status: 'pass', gap: 0 };
  const needed = (p * d + 100n * q - 1n) / (100n * q);
  return { ...base, status: 'fail', gap: Number(needed - n) };
}

function sumOf(orgs: Org[], week: string, pick: (o: Org, a: Activity) => number): number {
  let sum = 0;
  for (const org of orgs) {
    const activity = org.weeks.get(week);
    if (activity) sum += pick(org, activity);
  }
  return sum;
}

/** SPEC 2: numerator and denominator of each indicator over some organisations. */
function indicatorsBySpec(orgs: Org[], week: string): Record<string, [number, number]> {
  const pub = (types: Type[]) => orgs.filter((o) => !o.private && types.includes(o.type));
  const headcount = (list: Org[], field: 'staff' | 'students') =>
    list.reduce((s, o) => s + o[field], 0);
  return {
    '1': [sumOf(pub(EDU), week, (_, a) => a.staffWriting), headcount(pub(EDU), 'staff')],
    '2': [
      sumOf(pub(STUD), week, (_, a) => a.studentsActive) +
        sumOf(pub(EDU), week, (_, a) => a.parentsActive),
      2 * headcount(pub(STUD), 'students') +
        headcount(
          pub(EDU).filter((o) => o.type === 'preschool'),
          'students',
        ),
    ],
    '3': [
      sumOf(orgs, week, (_, a) => a.usersTotal - a.usersVk),
      sumOf(orgs, week, (_, a) => a.usersTotal),
    ],
    '4': [sumOf(pub(GOV), week, (_, a) => a.staffWriting), headcount(pub(GOV), 'staff')],
  };
}

// ---------------------------------------------------------------- the case

const MUNICIPALITIES: { name: string; variants: string[] }[] = [
  {
    name: 'г. Кызыл',
    variants: ['г. Кызыл', 'Город Кызыл', 'городской округ город Кызыл', 'г.Кызыл', 'Кызыл'],
  },
  { name: 'г. Ак-Довурак', variants: ['г. Ак-Довурак', 'город Ак‑Довурак', 'Ак–Довурак'] },
  {
    name: 'Кызылский кожуун',
    variants: ['Кызылский кожуун', 'Кызылский', 'КЫЗЫЛСКИЙ КОЖУУН', 'Кызылский  кожуун'],
  },
  { name: 'Тоджинский кожуун', variants: ['Тоджинский', 'Тоджинский муниципальный район'] },
  { name: 'Каа-Хемский кожуун', variants: ['Каа‑Хемский кожуун', 'Каа–Хемский кожуун'] },
  { name: 'Улуг-Хемский кожуун', variants: ['Улуг-Хемский район', 'улуг-хемский кожуун'] },
  { name: 'Чаа-Хольский кожуун', variants: ['Чаа-Хольский кожуун', '«Чаа-Хольский» кожуун'] },
  { name: 'Бай-Тайгинский кожуун', variants: ['Бай-Тайгинский муниципальный округ'] },
];
const REGIONAL = ['Республика Тыва', 'Региональный уровень'];
const WEEKS = ['2025-09-28', '2025-10-05', '2025-12-21', '2025-12-28', '2026-01-11'];
const AS_OF = [
  '2025-09-30',
  '2025-10-01',
  '2025-11-15',
  '2025-12-29',
  '2025-12-30',
  '2026-01-01',
  '2026-02-01',
];
const BASELINES = [undefined, '41.7', '18.4', '63.25', '9.75', '17.7248', '43.1', '0', '100'];

interface Case {
  orgs: Org[];
  /** Name in the headcount file → monitoring spellings to choose from. */
  spellings: Map<string, string[]>;
  regional: string | null;
  weeks: string[];
  asOf: string;
  region: Partial<Record<'1' | '2', string>>;
  own: Record<string, Partial<Record<'1' | '2', string>>>;
}

function activity(r: Random, org: Omit<Org, 'weeks'>): Activity {
  const people = org.type === 'authority' || org.type === 'subordinate' ? 0 : org.students;
  // Mostly within the headcount; sometimes above it (stale forms).
  const staffWriting = r.chance(0.1) ? org.staff + r.int(1, 20) : r.int(0, org.staff);
  const studentsActive =
    org.type === 'preschool' ? (r.chance(0.3) ? r.int(1, 30) : 0) : r.int(0, people);
  const parentsActive = r.int(0, people);
  const usersTotal = staffWriting + studentsActive + parentsActive + r.int(0, 50);
  const usersVk = r.chance(0.1) ? 0 : r.chance(0.1) ? usersTotal : r.int(0, usersTotal);
  return { staffWriting, studentsActive, parentsActive, usersVk, usersTotal };
}

function makeCase(seed: number): Case {
  const r = new Random(seed);
  const chosen = r.shuffle([...MUNICIPALITIES]).slice(0, r.int(2, 6));
  const regional = r.chance(0.7) ? r.pick(REGIONAL) : null;
  const weeks = r
    .shuffle([...WEEKS])
    .slice(0, r.int(1, 3))
    .sort();
  const orgs: Org[] = [];
  const names = [...chosen.map((m) => m.name), ...(regional ? [regional] : [])];
  for (const name of names) {
    const count = r.int(1, 7);
    for (let i = 0; i < count; i++) {
      const type =
        name === regional ? r.pick<Type>(['authority', 'subordinate', 'school']) : r.pick(TYPES);
      const gov = type === 'authority' || type === 'subordinate';
      const base = {
        municipality: name,
        type,
        private: !gov && r.chance(0.12),
        staff: r.chance(0.05) ? 0 : r.int(1, r.chance(0.2) ? 2500 : 200),
        students: gov ? 0 : r.int(0, r.chance(0.2) ? 12000 : 1500),
      };
      const org: Org = { ...base, weeks: new Map() };
      for (const week of weeks) if (r.chance(0.85)) org.weeks.set(week, activity(r, base));
      orgs.push(org);
    }
  }
  const spellings = new Map<string, string[]>();
  for (const m of chosen) spellings.set(m.name, [m.name, ...m.variants]);
  if (regional) spellings.set(regional, REGIONAL);

  const region: Case['region'] = {};
  const own: Case['own'] = {};
  for (const id of ['1', '2'] as const) {
    const value = r.pick(BASELINES);
    if (value !== undefined) region[id] = value;
    for (const m of chosen) {
      if (r.chance(0.15)) {
        own[m.name] ??= {};
        (own[m.name] as Partial<Record<'1' | '2', string>>)[id] = r.pick(BASELINES) ?? '50';
      }
    }
  }
  return { orgs, spellings, regional, weeks, asOf: r.pick(AS_OF), region, own };
}

// ---------------------------------------------------------------- CSV writing

const MONITORING_HEADERS = {
  ru: {
    municipality: ['Муниципалитет', 'Муниципальное образование', 'МО', ' МУНИЦИПАЛИТЕТ'],
    orgName: ['Организация', 'Наименование организации'],
    orgType: ['Тип организации', 'Тип ОО'],
    ownership: ['Форма собственности'],
    week: ['Неделя', 'неделя'],
    staffWriting: ['Работники, пишущие сообщения'],
    studentsActive: ['Обучающиеся, активные', 'ОБУЧАЮЩИЕСЯ, АКТИВНЫЕ'],
    parentsActive: ['Родители, активные', 'Родители,  активные'],
    usersVk: ['Пользователи в VK Мессенджере'],
    usersTotal: ['Пользователи, всего'],
  },
  en: {
    municipality: ['municipality'],
    orgName: ['org_name', 'organization'],
    orgType: ['org_type'],
    ownership: ['ownership'],
    week: ['week'],
    staffWriting: ['staff_writing'],
    studentsActive: ['students_active'],
    parentsActive: ['parents_active'],
    usersVk: ['users_vk'],
    usersTotal: ['users_total'],
  },
};
const HEADCOUNT_HEADERS = {
  ru: {
    municipality: ['Муниципалитет', 'МО'],
    orgName: ['Наименование организации'],
    orgType: ['Тип организации', 'Тип ОО'],
    ownership: ['Форма собственности'],
    staff: ['Работники', 'Численность работников'],
    students: ['Обучающиеся', 'Численность обучающихся', 'Воспитанники'],
  },
  en: {
    municipality: ['municipality'],
    orgName: ['org_name'],
    orgType: ['org_type'],
    ownership: ['ownership'],
    staff: ['staff'],
    students: ['students'],
  },
};

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function count(r: Random, n: number): string {
  if (n === 0 && r.chance(0.15)) return r.pick(['', '-', '–', '—']);
  if (n >= 1000 && r.chance(0.5)) {
    const separator = r.pick([' ', '\u00a0', '\u202f']);
    return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
  }
  return String(n);
}

function weekCell(r: Random, week: string): string {
  const [y, m, d] = week.split('-');
  const start = new Date(`${week}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 6);
  const startIso = start.toISOString().slice(0, 10);
  const [sy, sm, sd] = startIso.split('-');
  return r.pick([
    week,
    `${d}.${m}.${y}`,
    `${sd}.${sm}.${sy}–${d}.${m}.${y}`,
    `${startIso}/${week}`,
  ]);
}

function writeTable(
  file: string,
  headers: Record<string, string>,
  rows: Record<string, string>[],
  r: Random,
): void {
  const delimiter = r.pick([',', ';', '\t']);
  const fields = r.shuffle(Object.keys(headers));
  const lines = [fields.map((f) => quote(headers[f] ?? f, delimiter)).join(delimiter)];
  for (const row of rows)
    lines.push(fields.map((f) => quote(row[f] ?? '', delimiter)).join(delimiter));
  const eol = r.pick(['\n', '\r\n']);
  const text = (r.chance(0.2) ? '\ufeff' : '') + lines.join(eol) + eol;
  writeFileSync(file, text);
}

function headerSet(r: Random, table: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, names] of Object.entries(table)) out[field] = r.pick(names);
  return out;
}

function writeCase(
  c: Case,
  seed: number,
  dir: string,
): { monitoring: string[]; headcounts: string } {
  const r = new Random(seed * 7919 + 1);
  const headcountRows: Record<string, string>[] = [];
  for (const [i, org] of c.orgs.entries()) {
    headcountRows.push({
      municipality: org.municipality,
      orgName: `МБОУ "Организация № ${i}", ${org.municipality}`,
      orgType: r.pick(SPELLINGS[org.type]),
      ownership: r.pick(org.private ? PRIVATE_OWNERSHIP : PUBLIC_OWNERSHIP),
      staff: count(r, org.staff),
      students: count(r, org.students),
    });
  }
  r.shuffle(headcountRows);
  if (r.chance(0.3)) {
    const sum = (f: 'staff' | 'students') => String(c.orgs.reduce((s, o) => s + o[f], 0));
    headcountRows.push({ municipality: 'Итого', staff: sum('staff'), students: sum('students') });
  }
  const headcounts = join(dir, 'headcounts.csv');
  writeTable(
    headcounts,
    headerSet(r, HEADCOUNT_HEADERS[r.pick(['ru', 'en'] as const)]),
    headcountRows,
    r,
  );

  const byWeek = new Map<string, Record<string, string>[]>();
  for (const week of c.weeks) {
    const rows: Record<string, string>[] = [];
    for (const [i, org] of c.orgs.entries()) {
      const a = org.weeks.get(week);
      if (!a) continue;
      rows.push({
        municipality: r.pick(c.spellings.get(org.municipality) ?? [org.municipality]),
        orgName: `МБОУ "Организация № ${i}"`,
        orgType: r.pick(SPELLINGS[org.type]),
        ownership: r.pick(org.private ? PRIVATE_OWNERSHIP : PUBLIC_OWNERSHIP),
        week: weekCell(r, week),
        staffWriting: count(r, a.staffWriting),
        studentsActive: count(r, a.studentsActive),
        parentsActive: count(r, a.parentsActive),
        usersVk: count(r, a.usersVk),
        usersTotal: count(r, a.usersTotal),
      });
    }
    if (r.chance(0.3) && rows.length > 0) {
      const total = (pick: (a: Activity) => number) =>
        String(
          c.orgs.reduce(
            (s, o) => s + (o.weeks.has(week) ? pick(o.weeks.get(week) as Activity) : 0),
            0,
          ),
        );
      rows.push({
        municipality: r.pick(['Итого', 'Всего', 'Итого по региону', 'Total']),
        week: weekCell(r, week),
        staffWriting: total((a) => a.staffWriting),
        studentsActive: total((a) => a.studentsActive),
        parentsActive: total((a) => a.parentsActive),
        usersVk: total((a) => a.usersVk),
        usersTotal: total((a) => a.usersTotal),
      });
    }
    byWeek.set(week, rows);
  }
  const monitoring: string[] = [];
  const headers = headerSet(r, MONITORING_HEADERS[r.pick(['ru', 'en'] as const)]);
  if (r.chance(0.5)) {
    for (const [week, rows] of byWeek) {
      const file = join(dir, `monitoring-${week}.csv`);
      writeTable(file, headers, rows, r);
      monitoring.push(file);
    }
  } else {
    const file = join(dir, 'monitoring.csv');
    writeTable(file, headers, r.shuffle([...byWeek.values()].flat()), r);
    monitoring.push(file);
  }
  return { monitoring, headcounts };
}

// ---------------------------------------------------------------- the test

const SEEDS = Array.from({ length: 60 }, (_, i) => 20251114 + i);

describe('generated cases: the loader and evaluate() agree with SPEC 2 restated', () => {
  const root = tempDir();

  it.each(SEEDS)('seed %i', (seed) => {
    const c = makeCase(seed);
    const dir = join(root, String(seed));
    mkdirSync(dir);
    const files = writeCase(c, seed, dir);

    const inputs = loadInputs({ ...files, vocabulary: buildVocabulary() });
    const week = chooseWeek(inputs, undefined);
    const latest = c.weeks[c.weeks.length - 1] ?? '';
    // The latest week with at least one monitoring row.
    const withRows = c.weeks.filter((w) => c.orgs.some((o) => o.weeks.has(w)));
    expect(week).toBe(withRows[withRows.length - 1] ?? latest);

    const toNumbers = (v: Partial<Record<'1' | '2', string>>) =>
      Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Number(x)]));
    const baselines: Baselines = {
      region: toNumbers(c.region),
      byMunicipality: Object.fromEntries(
        Object.entries(c.own).map(([name, v]) => [name, toNumbers(v)]),
      ),
    };
    const report = evaluate({
      region: 'Республика Тыва',
      roadmap: TYVA_2025,
      asOf: c.asOf,
      week,
      data: dataForWeek(inputs, week).data,
      baselines,
    });

    // The rows: municipalities by name, the regional level, the total.
    const names = [...c.spellings.keys()].filter((n) => n !== c.regional);
    names.sort((a, b) => a.localeCompare(b, 'ru'));
    expect(report.rows.map((row) => row.municipality)).toEqual([
      ...names,
      ...(c.regional ? ['Республика Тыва'] : []),
      null,
    ]);

    const groups: { name: string | null; orgs: Org[] }[] = [
      ...names.map((name) => ({ name, orgs: c.orgs.filter((o) => o.municipality === name) })),
      ...(c.regional
        ? [{ name: 'Республика Тыва', orgs: c.orgs.filter((o) => o.municipality === c.regional) }]
        : []),
      { name: null, orgs: c.orgs },
    ];
    for (const group of groups) {
      const row = report.rows.find((x) => x.municipality === group.name);
      const numbers = indicatorsBySpec(group.orgs, week);
      for (const id of ['1', '2', '3', '4'] as const) {
        const [numerator, denominator] = numbers[id] ?? [0, 0];
        const baseline =
          id === '1' || id === '2'
            ? ((group.name !== null ? c.own[group.name]?.[id] : undefined) ?? c.region[id])
            : undefined;
        const expected = judgeBySpec(numerator, denominator, id, c.asOf, baseline);
        const got = row?.indicators[id];
        const where = `${group.name ?? 'total'} I${id}`;
        expect({
          where,
          ...got,
          share: undefined,
          conditional: undefined,
          reason: undefined,
        }).toEqual({
          where,
          ...expected,
          share: undefined,
          conditional: undefined,
          reason: undefined,
        });
        if (denominator === 0) expect(got?.share, where).toBeNull();
        else expect(got?.share, where).toBeCloseTo((numerator / denominator) * 100, 9);
      }
    }
  });
});
