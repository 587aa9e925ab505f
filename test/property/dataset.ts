// Random datasets of both inputs, and a renderer that writes one in any
// dialect SPEC 4.1 allows (encoding, BOM, delimiter, quoting, header aliases,
// thousands separators, dashes for zero, line endings, blank lines, total
// rows). The expected sums are computed here from the records, independently
// of the loader, so reading the rendered files back must give them exactly.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ORG_TYPES, type OrgType } from '../../src/domain/organisations.js';

export const REGION = 'Республика Тыва';

export interface HeadcountRecord {
  municipality: number;
  orgType: OrgType;
  private: boolean;
  orgName: string;
  staff: number;
  students: number;
}

export interface MonitoringRecord {
  municipality: number;
  orgType: OrgType;
  private: boolean;
  orgName: string;
  week: string;
  staffWriting: number;
  studentsActive: number;
  parentsActive: number;
  usersVk: number;
  usersTotal: number;
}

export interface Dataset {
  /** Canonical names as the headcount file writes them; index 0 may be the region itself. */
  municipalities: string[];
  headcounts: HeadcountRecord[];
  /** One array of records per monitoring file. */
  monitoring: MonitoringRecord[][];
}

export interface Dialect {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1251';
  delimiter: ',' | ';' | '\t';
  quoteAll: boolean;
  lineEnding: '\n' | '\r\n';
  trailingNewline: boolean;
  totalRow: boolean;
  /** Drives the small per-cell choices (alias, case, separator, spelling). */
  seed: number;
}

// Municipality names: real-looking roots with the generic words SPEC 3 drops,
// so the monitoring file can spell them differently from the headcount file.
const ROOTS = [
  'Бай-Тайгин',
  'Барун-Хемчик',
  'Дзун-Хемчик',
  'Каа-Хем',
  'Кызыл',
  'Монгун-Тайгин',
  'Овюр',
  'Пий-Хем',
  'Сут-Холь',
  'Тандин',
  'Тере-Холь',
  'Тес-Хем',
  'Тоджин',
  'Улуг-Хем',
  'Чаа-Холь',
  'Чеди-Холь',
  'Эрзин',
];
const CITY_ROOTS = ['Кызыл', 'Ак-Довурак', 'Шагонар', 'Чадан', 'Туран'];

const municipalityName = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...ROOTS),
        fc.stringMatching(/^[А-Я][а-я]{2,8}(-[А-Я][а-я]{2,6})?$/),
      ),
      fc.constantFrom('ский кожуун', 'ский район', 'ский муниципальный район', 'ский'),
    )
    .map(([root, suffix]) => root + suffix),
  fc.constantFrom(...CITY_ROOTS).map((root) => `г. ${root}`),
);

/** The key two spellings share, as SPEC 3 defines it (kept apart from the loader's). */
function specKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/(^|\s)(муниципальный район|район|кожуун|г\.|город)(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const orgName = fc.constantFrom(
  '',
  'МБОУ СОШ № 1',
  'МБОУ "Гимназия № 9", г. Кызыл',
  'ЧОУ «Школа ""Развитие""»',
  'МБДОУ детский сад\n«Солнышко»',
  'ГБУ «Центр; помощи»',
  '=HYPERLINK("http://x")',
);

const count = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));

const WEEKS = ['2025-12-14', '2025-12-21', '2025-12-28'];

export const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record({
    names: fc.uniqueArray(municipalityName, {
      minLength: 1,
      maxLength: 6,
      selector: specKey,
    }),
    withRegion: fc.boolean(),
    files: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ names, withRegion, files }) => {
    const municipalities = withRegion ? [REGION, ...names] : names;
    const index = fc.integer({ min: 0, max: municipalities.length - 1 });
    const orgType = fc.constantFrom(...ORG_TYPES);
    const headcount = fc.record({
      municipality: index,
      orgType,
      private: fc.boolean().chain((p) => (p ? fc.boolean() : fc.constant(false))),
      orgName,
      staff: count(3000),
      students: count(40000),
    });
    const monitoring = fc
      .record({
        municipality: index,
        orgType,
        private: fc.boolean().chain((p) => (p ? fc.boolean() : fc.constant(false))),
        orgName,
        week: fc.constantFrom(...WEEKS),
        staffWriting: count(3000),
        studentsActive: count(30000),
        parentsActive: count(30000),
        usersTotal: count(60000),
      })
      .chain((r) =>
        fc.integer({ min: 0, max: r.usersTotal }).map((usersVk) => ({ ...r, usersVk })),
      );
    return fc.record({
      municipalities: fc.constant(municipalities),
      // Every municipality has at least one headcount row: the file defines them.
      headcounts: fc.array(headcount, { maxLength: 12 }).map((extra) => [
        ...municipalities.map((_, i) => ({
          municipality: i,
          orgType: 'school' as OrgType,
          private: false,
          orgName: '',
          staff: 10,
          students: 100,
        })),
        ...extra,
      ]),
      // A file of private rows alone, written without an ownership column,
      // would have no rows left: the first row of a file is public.
      monitoring: fc.array(
        fc
          .array(monitoring, { minLength: 1, maxLength: 12 })
          .map(([first, ...rest]) => [{ ...(first as MonitoringRecord), private: false }, ...rest]),
        { minLength: files, maxLength: files },
      ),
    });
  });

export const dialectArbitrary: fc.Arbitrary<Dialect> = fc.record({
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251'),
  delimiter: fc.constantFrom(',', ';', '\t'),
  quoteAll: fc.boolean(),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  trailingNewline: fc.boolean(),
  totalRow: fc.boolean(),
  seed: fc.integer(),
});

/** mulberry32: the per-cell choices of a rendering, reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CP1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const ch = decoder.decode(Uint8Array.of(byte));
    if (!map.has(ch)) map.set(ch, byte);
  }
  return map;
})();

export function encodable1251(text: string): boolean {
  for (const ch of text) if (!CP1251.has(ch)) return false;
  return true;
}

export function encode1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const byte = CP1251.get(ch);
    if (byte === undefined) throw new Error(`not in Windows-1251: U+${ch.codePointAt(0)}`);
    out[i++] = byte;
  }
  return out.subarray(0, i);
}

const HEADERS = {
  municipality: ['Муниципалитет', 'Муниципальное образование', 'МО', 'municipality'],
  orgName: ['Организация', 'Наименование организации', 'organization', 'org_name'],
  orgType: ['Тип организации', 'Тип ОО', 'org_type'],
  ownership: ['Форма собственности', 'ownership'],
  week: ['Неделя', 'week'],
  staffWriting: ['Работники, пишущие сообщения', 'staff_writing'],
  studentsActive: ['Обучающиеся, активные', 'students_active'],
  parentsActive: ['Родители, активные', 'parents_active'],
  usersVk: ['Пользователи в VK Мессенджере', 'users_vk'],
  usersTotal: ['Пользователи, всего', 'users_total'],
  staff: ['Работники', 'Численность работников', 'staff'],
  students: ['Обучающиеся', 'Численность обучающихся', 'Воспитанники', 'students'],
  unknown: ['Дата выгрузки', 'Комментарий', 'ИНН руководителя'],
} as const;

const TYPE_SPELLINGS: Record<OrgType, string[]> = {
  school: ['school', 'ОО', 'школа', 'общеобразовательная'],
  preschool: ['preschool', 'ДОО', 'детский сад', 'дошкольная'],
  spo: ['spo', 'СПО', 'колледж', 'техникум'],
  dod: ['dod', 'ДО', 'УДО', 'дополнительного образования'],
  authority: ['authority', 'ОУО', 'РОИВ', 'ОМСУ', 'орган управления образованием'],
  subordinate: ['subordinate', 'подведомственная'],
};

/** One rendering of a file: the choices come from the dialect's seed. */
class Writer {
  private readonly next: () => number;
  readonly emptyCells = { count: 0 };

  constructor(readonly dialect: Dialect) {
    this.next = random(dialect.seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  private get utf8(): boolean {
    return this.dialect.encoding !== 'windows-1251';
  }

  /** A header name: any alias, in any case, with stray spaces. */
  header(field: keyof typeof HEADERS): string {
    let name: string = this.pick(HEADERS[field]);
    const casing = this.next();
    if (casing < 0.3) name = name.toUpperCase();
    else if (casing < 0.6) name = name.toLowerCase();
    if (this.chance(0.2)) name = ` ${name.replace(' ', '  ')} `;
    return name;
  }

  orgType(type: OrgType): string {
    const spelling = this.pick(TYPE_SPELLINGS[type]);
    return this.chance(0.3) ? spelling.toUpperCase() : spelling;
  }

  ownership(isPrivate: boolean): string {
    if (isPrivate) return this.pick(['частная', 'Частная', 'PRIVATE', 'private']);
    return this.pick(['', 'муниципальная', 'государственная', 'state', 'municipal']);
  }

  /** A count as an export may write it: plain, grouped by thousands, or a dash for 0. */
  count(value: number): string {
    if (value === 0 && this.chance(0.3)) {
      this.emptyCells.count++;
      return this.pick(['', '-', '–', '—']);
    }
    if (value < 1000 || this.chance(0.4)) return String(value);
    const separators = this.utf8 ? [' ', '\u00a0', '\u202f'] : [' ', '\u00a0'];
    const separator = this.pick(separators);
    return String(value).replace(/\B(?=(\d{3})+$)/g, separator);
  }

  week(iso: string): string {
    const [y, m, d] = iso.split('-');
    const start = new Date(`${iso}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 6);
    const startIso = start.toISOString().slice(0, 10);
    const [sy, sm, sd] = startIso.split('-');
    return this.pick([
      iso,
      `${d}.${m}.${y}`,
      `${sd}.${sm}.${sy}–${d}.${m}.${y}`,
      `${sd}.${sm}.${sy}-${d}.${m}.${y}`,
      `${startIso}/${iso}`,
    ]);
  }

  /** Another spelling of the same municipality (SPEC 3 normalisation). */
  municipality(name: string): string {
    const variants = [
      name,
      name.toUpperCase(),
      name.toLowerCase(),
      name.replace(/ /g, '  '),
      name.replace(/е/g, 'ё'),
      name.replace(/-/g, '–'),
      name.replace(/ муниципальный район$| кожуун$| район$/, ''),
      name.replace(/^г\. /, 'Город '),
      name.replace(/^г\. /, 'городской округ город '),
    ];
    if (this.utf8) variants.push(name.replace(/-/g, '\u2011'), `«${name}»`);
    return this.pick(variants);
  }

  private cell(text: string): string {
    const { delimiter, quoteAll } = this.dialect;
    const needsQuotes =
      text.includes(delimiter) ||
      text.includes('"') ||
      text.includes('\n') ||
      text.includes('\r') ||
      text !== text.trim();
    return quoteAll || needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /** The file's bytes: header, rows (with blank lines here and there), line endings, BOM. */
  render(header: string[], rows: string[][]): Uint8Array {
    const { delimiter, lineEnding, trailingNewline, encoding } = this.dialect;
    const lines: string[] = [];
    if (this.chance(0.2)) lines.push('');
    lines.push(header.map((h) => this.cell(h)).join(delimiter));
    for (const row of rows) {
      if (this.chance(0.1)) lines.push(this.chance(0.5) ? '' : delimiter.repeat(header.length - 1));
      lines.push(row.map((c) => this.cell(c)).join(delimiter));
    }
    let text = lines.join(lineEnding);
    if (trailingNewline) text += lineEnding;
    if (encoding === 'windows-1251') return encode1251(text);
    const body = new TextEncoder().encode(text);
    if (encoding === 'utf-8') return body;
    return new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
  }
}

/** Columns in a random order, the optional ones sometimes left out, an unknown one sometimes added. */
function layout(
  writer: Writer,
  required: string[],
  optional: string[],
): { fields: string[]; header: string[] } {
  const fields = [...required, ...optional.filter(() => writer.chance(0.6))];
  if (writer.chance(0.3)) fields.push('unknown');
  // Shuffle with the writer's own choices, so one seed gives one file.
  const shuffled: string[] = [];
  const rest = [...fields];
  while (rest.length > 0) {
    const k = rest.indexOf(writer.pick(rest));
    shuffled.push(...rest.splice(k, 1));
  }
  return {
    fields: shuffled,
    header: shuffled.map((f) => writer.header(f as keyof typeof HEADERS)),
  };
}

function forEncoding(writer: Writer, text: string): string {
  return writer.dialect.encoding === 'windows-1251' && !encodable1251(text) ? '' : text;
}

export interface Rendered {
  bytes: Uint8Array;
  /** Cells written as empty or a dash (each read as 0 with a warning). */
  emptyCells: number;
}

export function renderHeadcounts(
  data: Dataset,
  dialect: Dialect,
): Rendered & { records: HeadcountRecord[] } {
  const writer = new Writer(dialect);
  const { fields, header } = layout(
    writer,
    ['municipality', 'orgType', 'staff', 'students'],
    ['orgName', 'ownership'],
  );
  const hasOwnership = fields.includes('ownership');
  const records = data.headcounts.filter((r) => hasOwnership || !r.private);
  const rows = records.map((r) =>
    fields.map((field) => {
      switch (field) {
        case 'municipality':
          // The headcount file defines the names: always the canonical spelling.
          return data.municipalities[r.municipality] ?? '';
        case 'orgType':
          return writer.orgType(r.orgType);
        case 'ownership':
          return writer.ownership(r.private);
        case 'orgName':
          return forEncoding(writer, r.orgName);
        case 'staff':
          return writer.count(r.staff);
        case 'students':
          return writer.count(r.students);
        default:
          return forEncoding(writer, 'выгрузка 28.12.2025, 10:00');
      }
    }),
  );
  if (dialect.totalRow) {
    rows.push(
      fields.map((field) => {
        if (field === 'municipality') return writer.pick(['Итого', 'Всего', 'ИТОГО:', 'Total']);
        if (field === 'staff') return String(records.reduce((s, r) => s + r.staff, 0));
        if (field === 'students') return String(records.reduce((s, r) => s + r.students, 0));
        return '';
      }),
    );
  }
  return { bytes: writer.render(header, rows), emptyCells: writer.emptyCells.count, records };
}

export function renderMonitoring(
  data: Dataset,
  file: number,
  dialect: Dialect,
): Rendered & { records: MonitoringRecord[] } {
  const writer = new Writer(dialect);
  const { fields, header } = layout(
    writer,
    [
      'municipality',
      'orgType',
      'week',
      'staffWriting',
      'studentsActive',
      'parentsActive',
      'usersVk',
      'usersTotal',
    ],
    ['orgName', 'ownership'],
  );
  const hasOwnership = fields.includes('ownership');
  const records = (data.monitoring[file] ?? []).filter((r) => hasOwnership || !r.private);
  const rows = records.map((r) =>
    fields.map((field) => {
      switch (field) {
        case 'municipality': {
          const name = data.municipalities[r.municipality] ?? '';
          return name === REGION
            ? writer.pick([name, 'Региональный уровень'])
            : writer.municipality(name);
        }
        case 'orgType':
          return writer.orgType(r.orgType);
        case 'ownership':
          return writer.ownership(r.private);
        case 'orgName':
          return forEncoding(writer, r.orgName);
        case 'week':
          return writer.week(r.week);
        case 'staffWriting':
        case 'studentsActive':
        case 'parentsActive':
        case 'usersVk':
        case 'usersTotal':
          return writer.count(r[field]);
        default:
          return forEncoding(writer, 'выгрузка; «28.12.2025»');
      }
    }),
  );
  if (dialect.totalRow) {
    // A total row over all weeks of the file (its week cell empty), with the exact sums.
    rows.push(
      fields.map((field) => {
        if (field === 'municipality') return writer.pick(['Итого', 'Итого по региону', 'Всего']);
        if (
          field === 'staffWriting' ||
          field === 'studentsActive' ||
          field === 'parentsActive' ||
          field === 'usersVk' ||
          field === 'usersTotal'
        )
          return String(records.reduce((s, r) => s + r[field], 0));
        return '';
      }),
    );
  }
  return { bytes: writer.render(header, rows), emptyCells: writer.emptyCells.count, records };
}

export type Sums = Record<string, Record<string, Record<string, number>>>;

function at<V>(map: Record<string, V>, key: string, create: () => V): V {
  const value = map[key] ?? create();
  map[key] = value;
  return value;
}

function add(
  sums: Sums,
  name: string,
  record: { orgType: OrgType; private: boolean },
  fields: Record<string, number>,
) {
  const byType: Record<string, Record<string, number>> = at(sums, name, () => ({}));
  const key = record.private ? `${record.orgType}:private` : record.orgType;
  const cell = at(
    byType,
    key,
    (): Record<string, number> => ({
      ...Object.fromEntries(Object.keys(fields).map((f) => [f, 0])),
      rows: 0,
    }),
  );
  for (const [field, value] of Object.entries(fields)) cell[field] = (cell[field] ?? 0) + value;
  cell.rows = (cell.rows ?? 0) + 1;
}

/** What the files add up to, per municipality and type: computed from the records. */
export function expectedHeadcounts(data: Dataset, records: HeadcountRecord[]): Sums {
  const out: Sums = {};
  for (const r of records) {
    add(out, data.municipalities[r.municipality] ?? '', r, {
      staff: r.staff,
      students: r.students,
    });
  }
  return out;
}

/** The same per week for the monitoring files. */
export function expectedMonitoring(
  data: Dataset,
  records: MonitoringRecord[],
): Record<string, Sums> {
  const out: Record<string, Sums> = {};
  for (const r of records) {
    add(
      at(out, r.week, () => ({})),
      data.municipalities[r.municipality] ?? '',
      r,
      {
        staffWriting: r.staffWriting,
        studentsActive: r.studentsActive,
        parentsActive: r.parentsActive,
        usersVk: r.usersVk,
        usersTotal: r.usersTotal,
      },
    );
  }
  return out;
}

export interface WrittenDataset {
  headcounts: string;
  monitoring: string[];
  /** The records that made it into the files (private rows need an ownership column). */
  headcountRecords: HeadcountRecord[];
  monitoringRecords: MonitoringRecord[];
  emptyCells: number;
}

export function writeDataset(
  dir: string,
  data: Dataset,
  headcountDialect: Dialect,
  monitoringDialects: Dialect[],
): WrittenDataset {
  const headcounts = join(dir, 'headcounts.csv');
  const rendered = renderHeadcounts(data, headcountDialect);
  writeFileSync(headcounts, rendered.bytes);
  // Private rows only exist where a file has an ownership column: the
  // renderer leaves them out otherwise and says which records it wrote.
  const headcountRecords = rendered.records;
  let emptyCells = rendered.emptyCells;
  const monitoring: string[] = [];
  const monitoringRecords: MonitoringRecord[] = [];
  data.monitoring.forEach((_, i) => {
    const file = join(dir, `monitoring-${i}.csv`);
    const m = renderMonitoring(
      data,
      i,
      monitoringDialects[i % monitoringDialects.length] as Dialect,
    );
    writeFileSync(file, m.bytes);
    monitoring.push(file);
    monitoringRecords.push(...m.records);
    emptyCells += m.emptyCells;
  });
  return { headcounts, monitoring, headcountRecords, monitoringRecords, emptyCells };
}
