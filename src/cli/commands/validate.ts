// sferum-kpi validate: read both inputs and say what was found, so an analyst
// can trust a new export before computing anything.
import { type Command, Option } from 'commander';
import { ORG_TYPES } from '../../domain/organisations.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { warningText } from '../../i18n/index.js';
import { type Inputs, loadInputs, organisationsByType } from '../../input/load.js';
import { catalogue, type InputFlags, readOptions, withInputOptions } from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import { loadSettings } from '../settings.js';

type ValidateFlags = InputFlags & { format: 'table' | 'json' };

const WORDS = {
  ru: {
    file: (kind: string) => (kind === 'monitoring' ? 'мониторинг' : 'численность'),
    encoding: 'кодировка',
    delimiter: 'разделитель',
    rows: 'строк данных',
    skipped: (total: number, blank: number) => `пропущено: итоговых ${total}, пустых ${blank}`,
    weeks: 'недели',
    municipalities: (n: number, regional: boolean) =>
      `Муниципалитетов: ${n}${regional ? ' и региональный уровень' : ''}`,
    organisations: (kind: string) =>
      `Организаций по типам (${kind === 'monitoring' ? 'мониторинг' : 'численность'})`,
    ok: 'Входные данные пригодны для расчёта.',
    warnings: (n: number) => `Предупреждений: ${n}`,
  },
  en: {
    file: (kind: string) => kind,
    encoding: 'encoding',
    delimiter: 'delimiter',
    rows: 'data rows',
    skipped: (total: number, blank: number) => `skipped: ${total} total rows, ${blank} blank lines`,
    weeks: 'weeks',
    municipalities: (n: number, regional: boolean) =>
      `Municipalities: ${n}${regional ? ' and the regional level' : ''}`,
    organisations: (kind: string) => `Organisations by type (${kind})`,
    ok: 'The inputs are usable.',
    warnings: (n: number) => `Warnings: ${n}`,
  },
} satisfies Record<Lang, unknown>;

const DELIMITER_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'tab' };

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

export function summaryJson(inputs: Inputs, t: Catalogue) {
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
    organisations: {
      headcounts: organisationsByType(inputs.files, 'headcounts'),
      monitoring: organisationsByType(inputs.files, 'monitoring'),
    },
    warnings: inputs.warnings.map((w) => ({
      ...w,
      message: warningText(t, { ...w, file: undefined, line: undefined }),
    })),
  };
}

export function runValidate(flags: ValidateFlags): number {
  const t = catalogue(flags);
  const inputs = loadInputs(readOptions(flags, loadSettings(flags)));
  const summary = summaryJson(inputs, t);
  let text: string;
  if (flags.format === 'json') {
    text = `${JSON.stringify(summary, null, 2)}\n`;
  } else {
    const w = WORDS[flags.lang];
    const lines: string[] = [];
    for (const f of summary.files) {
      lines.push(`${f.file} (${w.file(f.kind)})`);
      lines.push(
        `  ${w.encoding}: ${f.encoding}${f.bom ? ' (BOM)' : ''}; ${w.delimiter}: ${DELIMITER_NAMES[f.delimiter]}`,
      );
      lines.push(`  ${w.rows}: ${f.rows}; ${w.skipped(f.totalRows, f.blankLines)}`);
      if (f.weeks.length > 0) lines.push(`  ${w.weeks}: ${f.weeks.join(', ')}`);
    }
    lines.push('');
    lines.push(
      `${w.municipalities(summary.municipalities.length, summary.regionalLevel)}: ${summary.municipalities.join(', ')}`,
    );
    for (const kind of ['headcounts', 'monitoring'] as const) {
      const counts = summary.organisations[kind];
      lines.push(
        `${w.organisations(kind)}: ${ORG_TYPES.map((type) => `${t.explain.types[type]} ${counts[type]}`).join(', ')}`,
      );
    }
    lines.push(w.warnings(summary.warnings.length));
    lines.push(w.ok);
    text = `${lines.join('\n')}\n`;
  }
  printWarnings(inputs.warnings, t);
  writeOutput(text, undefined, []);
  return 0;
}
