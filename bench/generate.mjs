#!/usr/bin/env node
// Generates the national-scale inputs of the benchmark: one headcount file of
// 100,000 organisations (about 2,400 municipalities of 85 regions, read as one
// region whose regional level is "Республика Тыва") and one monitoring export
// per week of the school year 2025/26 (40 weeks, 100,000 rows each).
// Every number is synthetic. Deterministic: a seeded PRNG and no clock, so
// every run writes byte-identical files.
//
// Usage: node bench/generate.mjs [--out DIR] [--weeks N] [--orgs N]
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const GENERATOR_VERSION = 1;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Week ends (Sundays) of the school year, oldest first, as ISO dates. */
export function weekEnds(count) {
  const first = Date.UTC(2025, 8, 7); // Sunday 7 September 2025
  return Array.from({ length: count }, (_, i) =>
    new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

const REGIONS = 85;
const REGION = 'Республика Тыва';
const ONSETS = ['б', 'в', 'г', 'д', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'х', 'ч', 'ш', 'з'];
const VOWELS = ['а', 'о', 'у', 'е', 'ы', 'и'];
const CODAS = ['', 'р', 'н', 'л', 'к', 'м', 'с', 'т'];

// Organisation types with their share of a municipality's organisations and
// the spellings the two kinds of file use (SPEC 4.3).
const TYPES = [
  { code: 'school', weight: 0.43, head: ['школа', 'ОО'], mon: 'ОО', prefix: 'МБОУ' },
  { code: 'preschool', weight: 0.39, head: ['детский сад', 'ДОО'], mon: 'ДОО', prefix: 'МБДОУ' },
  { code: 'dod', weight: 0.1, head: ['УДО'], mon: 'ДО', prefix: 'МБУ ДО' },
  { code: 'spo', weight: 0.04, head: ['СПО'], mon: 'СПО', prefix: 'ГБПОУ' },
  { code: 'subordinate', weight: 0.04, head: ['подведомственная'], mon: 'подведомственная' },
];

/** CSV cell: quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
function cell(text) {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes lines to a file in large chunks. */
class Sink {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.parts = [];
    this.size = 0;
  }
  line(text) {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length > 0) writeSync(this.fd, `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

export function generate({ out, weeks = 40, orgs = 100_000, seed = 20251114 }) {
  const rand = mulberry32(seed);
  const int = (a, b) => a + Math.floor((b - a + 1) * rand());
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];

  // Municipalities: unique made-up roots, about 28 per region.
  const roots = new Set();
  const municipalities = [];
  for (let r = 0; r < REGIONS; r++) {
    const count = int(18, 38);
    for (let i = 0; i < count; i++) {
      let root;
      do {
        root = Array.from({ length: int(2, 3) }, () => pick(ONSETS) + pick(VOWELS) + pick(CODAS))
          .join('')
          .replace(/^./, (c) => c.toUpperCase());
      } while (roots.has(root));
      roots.add(root);
      const kind = rand();
      const name =
        kind < 0.65
          ? `${root}ский муниципальный район`
          : kind < 0.9
            ? `${root}ский муниципальный округ`
            : `г. ${root}ск`;
      municipalities.push({ name, region: r, settlement: `${root}ск` });
    }
  }

  // Organisations: the regional level of each region (ministry and four
  // subordinate centres), then one education office per municipality, then
  // the rest by type weights until `orgs` rows.
  const organisations = [];
  let serial = 0;
  const inn = (region) =>
    `${String(region + 1).padStart(2, '0')}${String(++serial).padStart(8, '0')}`;
  const add = (org) => {
    const students =
      org.code === 'school'
        ? int(80, 1400)
        : org.code === 'preschool'
          ? int(20, 280)
          : org.code === 'dod'
            ? int(150, 1500)
            : org.code === 'spo'
              ? int(300, 1800)
              : 0;
    const staff =
      org.code === 'authority' || org.code === 'subordinate'
        ? int(5, 40)
        : Math.max(4, Math.round(students / (org.code === 'preschool' ? 6 : 10) + int(0, 15)));
    // How far along each organisation is: its adoption grows over the year.
    organisations.push({ ...org, staff, students, pace: 0.6 + 0.8 * rand() });
  };
  for (let r = 0; r < REGIONS; r++) {
    add({
      municipality: REGION,
      code: 'authority',
      head: 'РОИВ',
      mon: 'РОИВ',
      name: `Министерство образования, региона № ${r + 1}`,
      inn: inn(r),
      private: false,
    });
    for (const centre of ['Институт развития образования', 'Центр оценки качества образования']) {
      add({
        municipality: REGION,
        code: 'subordinate',
        head: 'подведомственная',
        mon: 'подведомственная',
        name: `ГАУ ДПО "${centre}" региона № ${r + 1}`,
        inn: inn(r),
        private: false,
      });
    }
  }
  for (const m of municipalities) {
    add({
      municipality: m.name,
      code: 'authority',
      head: 'ОУО',
      mon: 'ОМСУ',
      name: `Управление образования, ${m.name}`,
      inn: inn(m.region),
      private: false,
    });
  }
  const numbers = new Map();
  while (organisations.length < orgs) {
    const m = municipalities[Math.floor(rand() * municipalities.length)];
    const x = rand();
    let cumulative = 0;
    const type =
      TYPES.find((t) => {
        cumulative += t.weight;
        return x < cumulative;
      }) ?? TYPES[0];
    const n = (numbers.get(`${m.name}|${type.code}`) ?? 0) + 1;
    numbers.set(`${m.name}|${type.code}`, n);
    const isPrivate = (type.code === 'school' || type.code === 'preschool') && rand() < 0.015;
    const name =
      type.code === 'subordinate'
        ? `МКУ "Методический центр № ${n}", ${m.settlement}`
        : isPrivate
          ? `ЧОУ «${type.code === 'school' ? 'Частная школа' : 'Частный детский сад'} № ${n}» ${m.settlement}`
          : n % 9 === 0
            ? `${type.prefix} "${type.code === 'school' ? 'Гимназия' : 'Центр'} № ${n}", ${m.settlement}`
            : `${type.prefix} «${type.code === 'preschool' ? 'Детский сад' : type.code === 'school' ? 'СОШ' : 'Учреждение'} № ${n}» ${m.settlement}`;
    add({
      municipality: m.name,
      code: type.code,
      head: pick(type.head),
      mon: type.mon,
      name,
      inn: inn(m.region),
      private: isPrivate,
    });
  }

  mkdirSync(out, { recursive: true });
  const ownership = (org) =>
    org.private ? 'частная' : org.municipality === REGION ? 'государственная' : 'муниципальная';
  const head = new Sink(join(out, 'headcounts.csv'));
  head.line(
    'Муниципалитет,ИНН,Наименование организации,Тип организации,Форма собственности,Численность работников,Численность обучающихся',
  );
  for (const org of organisations) {
    head.line(
      [
        cell(org.municipality),
        org.inn,
        cell(org.name),
        org.head,
        ownership(org),
        org.staff,
        org.students,
      ].join(','),
    );
  }
  head.close();

  const files = [];
  const ends = weekEnds(weeks);
  ends.forEach((end, w) => {
    const progress = (w + 1) / ends.length;
    const [y, mo, d] = end.split('-');
    const week = `${d}.${mo}.${y}`;
    const file = join(out, `monitoring-${end}.csv`);
    const sink = new Sink(file);
    sink.line(
      'Муниципалитет,ИНН,Наименование организации,Тип организации,Форма собственности,Неделя,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"',
    );
    for (const org of organisations) {
      const share = Math.min(1, (0.35 + 0.5 * progress) * org.pace * (0.9 + 0.2 * rand()));
      const staffWriting = Math.round(org.staff * share);
      const studentsActive = org.code === 'preschool' ? 0 : Math.round(org.students * share * 0.45);
      const parentsActive = Math.round(org.students * share * 0.4);
      const usersTotal = Math.round(
        (org.staff + org.students * 1.6) * Math.min(1, 0.7 + 0.3 * progress),
      );
      const usersVk = Math.round(usersTotal * Math.max(0, 0.7 - 0.68 * progress * org.pace));
      sink.line(
        [
          cell(org.municipality),
          org.inn,
          cell(org.name),
          org.mon,
          ownership(org),
          week,
          staffWriting,
          studentsActive,
          parentsActive,
          usersVk,
          usersTotal,
        ].join(','),
      );
    }
    sink.close();
    files.push(file);
  });
  return {
    headcounts: join(out, 'headcounts.csv'),
    monitoring: files,
    organisations: organisations.length,
    municipalities: municipalities.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'bench/out/data' },
      weeks: { type: 'string', default: '40' },
      orgs: { type: 'string', default: '100000' },
    },
  });
  const started = Date.now();
  const result = generate({
    out: values.out,
    weeks: Number(values.weeks),
    orgs: Number(values.orgs),
  });
  process.stdout.write(
    `${result.organisations} organisations in ${result.municipalities} municipalities, ${result.monitoring.length} weeks → ${values.out} (${Date.now() - started} ms)\n`,
  );
}
