// sferum-kpi validate: read both inputs and say what was found, so an analyst
// can trust a new export before computing anything.
import { type Command, Option } from 'commander';
import { ORG_TYPES, type OrgType } from '../../domain/organisations.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { warningText } from '../../i18n/index.js';
import { type Inputs, loadInputs, organisationsByType } from '../../input/load.js';
import type { FileKind } from '../../input/vocabulary.js';
import { formatDate } from '../../report/format.js';
import { catalogue, type InputFlags, readOptions, withInputOptions } from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import { loadSettings } from '../settings.js';

type ValidateFlags = InputFlags & { format: 'table' | 'json' };

const WORDS = {
  ru: {
    kind: (kind: FileKind) => (kind === 'monitoring' ? 'мониторинг' : 'численность'),
    stdin: 'стандартный ввод',
    encoding: (encoding: string, bom: boolean) =>
      encoding === 'utf-8' ? (bom ? 'UTF-8 с BOM' : 'UTF-8') : 'Windows-1251',
    delimiter: (d: string) => `разделитель: ${d === '\t' ? 'табуляция' : `«${d}»`}`,
    rows: (n: number) => `строк данных: ${n}`,
    totalRows: (n: number) => `пропущено итоговых строк: ${n}`,
    blankLines: (n: number) => `пропущено пустых строк: ${n}`,
    emptyCells: (n: number) => `пустых ячеек (прочитаны как 0): ${n}`,
    week: (weeks: string[]) =>
      weeks.length === 1 ? `неделя ${weeks[0]}` : `недели: ${weeks.join(', ')}`,
    noWeek: 'столбца недели нет',
    weeks: (n: number, first: string, last: string) =>
      n === 1
        ? `Неделя: ${last}.`
        : `Недель: ${n}, с ${first} по ${last}; compute возьмёт последнюю, другую можно выбрать через --week.`,
    noWeeks:
      'Недели не указаны: в выгрузках нет столбца «Неделя», все строки считаются одной неделей.',
    municipalities: (n: number, region: string | null) =>
      `Муниципалитетов: ${n}${region ? ` и региональный уровень (${region})` : ' (строк регионального уровня в файле численности нет)'}:`,
    allMonitored: 'У каждого из них есть строки мониторинга за каждую неделю.',
    notMonitored: (week: string, names: string[]) =>
      `Нет строк мониторинга${week ? ` за ${week}` : ''} (числители будут равны 0): ${names.join(', ')}.`,
    organisations: 'Организаций по типам',
    headcounts: 'численность',
    monitoringWeek: (week: string) => (week ? `мониторинг, ${week}` : 'мониторинг'),
    warnings: (n: number) => `Предупреждений: ${n}.`,
    ok: 'Входные данные пригодны для расчёта.',
  },
  en: {
    kind: (kind: FileKind) => kind,
    stdin: 'standard input',
    encoding: (encoding: string, bom: boolean) =>
      encoding === 'utf-8' ? (bom ? 'UTF-8 with BOM' : 'UTF-8') : 'Windows-1251',
    delimiter: (d: string) => `delimiter: ${d === '\t' ? 'tab' : `"${d}"`}`,
    rows: (n: number) => `data rows: ${n}`,
    totalRows: (n: number) => `total rows skipped: ${n}`,
    blankLines: (n: number) => `blank lines skipped: ${n}`,
    emptyCells: (n: number) => `empty cells (read as 0): ${n}`,
    week: (weeks: string[]) =>
      weeks.length === 1 ? `week ${weeks[0]}` : `weeks: ${weeks.join(', ')}`,
    noWeek: 'no week column',
    weeks: (n: number, first: string, last: string) =>
      n === 1
        ? `Week: ${last}.`
        : `Weeks: ${n}, from ${first} to ${last}; compute uses the latest, --week picks another.`,
    noWeeks: 'No weeks: the exports have no week column, so all rows count as one week.',
    municipalities: (n: number, region: string | null) =>
      `Municipalities: ${n}${region ? ` and the regional level (${region})` : ' (the headcount file has no regional rows)'}:`,
    allMonitored: 'Each of them has monitoring rows for every week.',
    notMonitored: (week: string, names: string[]) =>
      `No monitoring rows${week ? ` for ${week}` : ''} (numerators will be 0): ${names.join(', ')}.`,
    organisations: 'Organisations by type',
    headcounts: 'headcounts',
    monitoringWeek: (week: string) => (week ? `monitoring, ${week}` : 'monitoring'),
    warnings: (n: number) => `Warnings: ${n}.`,
    ok: 'The inputs are usable.',
  },
} satisfies Record<Lang, unknown>;

export function validateCommand(program: Command): void {
  const command = program
    .command('validate')
    .description('read both inputs and summarise what was found');
  withInputOptions(command)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .action((flags: ValidateFlags) => {
      process.exitCode = runValidate(flags);
    });
}

/** Organisation rows per type in one week of the monitoring (one row per organisation). */
function monitoringByType(inputs: Inputs, week: string): Record<OrgType, number> {
  const out = Object.fromEntries(ORG_TYPES.map((t) => [t, 0])) as Record<OrgType, number>;
  for (const cells of inputs.monitoring.get(week)?.values() ?? [])
    for (const cell of cells.values()) out[cell.orgType] += cell.sums.rows;
  return out;
}

/** Per week, the municipalities of the headcount file with no monitoring row. */
function unmonitored(inputs: Inputs): { week: string; municipalities: string[] }[] {
  const weeks = inputs.weeks.length > 0 ? inputs.weeks : [...inputs.monitoring.keys()];
  return weeks
    .map((week) => ({
      week,
      municipalities: inputs.municipalities
        .filter((m) => !inputs.monitoring.get(week)?.has(m))
        .map((m) => m.name),
    }))
    .filter((w) => w.municipalities.length > 0);
}

export function summaryJson(inputs: Inputs, t: Catalogue) {
  const latestWeek = inputs.weeks.at(-1) ?? '';
  return {
    files: inputs.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      encoding: f.encoding,
      bom: f.bom,
      delimiter: f.delimiter,
      rows: f.rows - f.totalRows,
      totalRows: f.totalRows,
      blankLines: f.blankLines,
      weeks: f.weeks,
      emptyCells: f.emptyCells,
    })),
    municipalities: inputs.municipalities
      .filter((m) => m.level === 'municipality')
      .map((m) => m.name),
    regionalLevel: inputs.municipalities.some((m) => m.level === 'regional'),
    weeks: inputs.weeks,
    /** Municipalities without monitoring rows, for the weeks that have some. */
    unmonitored: unmonitored(inputs),
    organisations: {
      headcounts: organisationsByType(inputs.files, 'headcounts'),
      /** The latest week ('' when the exports have no week column). */
      monitoringWeek: latestWeek,
      monitoring: monitoringByType(inputs, latestWeek),
    },
    warnings: inputs.warnings.map((w) => ({
      ...w,
      message: warningText(t, { ...w, file: undefined, line: undefined }),
    })),
  };
}

/** Words, each but the last followed by `after`, in indented lines of at most `width` characters. */
function wrap(words: string[], indent: string, after = ',', width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const piece = i < words.length - 1 ? `${word}${after}` : word;
    if (line && indent.length + line.length + 1 + piece.length > width) {
      lines.push(indent + line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Rows of cells with every column right-aligned but the first. */
function aligned(rows: string[][], indent: string): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

function summaryText(inputs: Inputs, t: Catalogue, lang: Lang): string {
  const w = WORDS[lang];
  const summary = summaryJson(inputs, t);
  const date = (iso: string) => formatDate(iso, lang);
  const lines: string[] = [];
  for (const f of summary.files) {
    lines.push(`${f.file === '-' ? w.stdin : f.file} — ${w.kind(f.kind)}`);
    const facts = [`${w.encoding(f.encoding, f.bom)}, ${w.delimiter(f.delimiter)}`, w.rows(f.rows)];
    if (f.totalRows > 0) facts.push(w.totalRows(f.totalRows));
    if (f.blankLines > 0) facts.push(w.blankLines(f.blankLines));
    if (f.emptyCells > 0) facts.push(w.emptyCells(f.emptyCells));
    if (f.kind === 'monitoring')
      facts.push(f.weeks.length > 0 ? w.week(f.weeks.map(date)) : w.noWeek);
    lines.push(`  ${facts.join('; ')}`);
  }
  lines.push('');
  const weeks = summary.weeks;
  lines.push(
    weeks.length > 0
      ? w.weeks(weeks.length, date(weeks[0] ?? ''), date(weeks.at(-1) ?? ''))
      : w.noWeeks,
  );
  lines.push(
    w.municipalities(summary.municipalities.length, summary.regionalLevel ? inputs.region : null),
  );
  lines.push(...wrap(summary.municipalities, '  '));
  if (summary.unmonitored.length === 0) lines.push(`  ${w.allMonitored}`);
  for (const gap of summary.unmonitored)
    lines.push(...wrap(w.notMonitored(date(gap.week), gap.municipalities).split(' '), '  ', ''));
  const { headcounts, monitoring, monitoringWeek } = summary.organisations;
  lines.push(
    ...aligned(
      [
        [`${w.organisations}:`, ...ORG_TYPES.map((type) => t.explain.types[type])],
        [`  ${w.headcounts}`, ...ORG_TYPES.map((type) => String(headcounts[type]))],
        [
          `  ${w.monitoringWeek(date(monitoringWeek))}`,
          ...ORG_TYPES.map((type) => String(monitoring[type])),
        ],
      ],
      '',
    ),
  );
  lines.push(w.warnings(summary.warnings.length));
  lines.push(w.ok);
  return `${lines.join('\n')}\n`;
}

export function runValidate(flags: ValidateFlags): number {
  const t = catalogue(flags);
  const inputs = loadInputs(readOptions(flags, loadSettings(flags)));
  const text =
    flags.format === 'json'
      ? `${JSON.stringify(summaryJson(inputs, t), null, 2)}\n`
      : summaryText(inputs, t, flags.lang);
  // The summary first, then its warnings: on a terminal they read in that order.
  writeOutput(text, undefined, []);
  printWarnings(inputs.warnings, t);
  return 0;
}
