// sferum-kpi init [DIR]: a starter sferum-kpi.config.json with every key at
// its default and a comment on each, and empty CSV templates of both inputs.
// Nothing existing is overwritten without --force.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { ORG_TYPES, type OrgType } from '../../domain/organisations.js';
import { TYVA_2025 } from '../../domain/roadmap.js';
import { UserError } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import { CONFIG_FILE } from '../../input/config.js';
import {
  DEFAULT_REGION,
  FIELD_KEYS,
  HEADCOUNT_COLUMNS,
  type HeadcountColumn,
  MONITORING_COLUMNS,
  type MonitoringColumn,
  ORG_TYPE_NAMES,
  PRIVATE_OWNERSHIP,
  REQUIRED_COLUMNS,
  TOTAL_ROW_LABELS,
} from '../../input/vocabulary.js';
import { langOption } from '../options.js';
import { writeOutput } from '../output.js';

type InitFlags = { force?: boolean; lang: Lang };

export const TEMPLATES = {
  monitoring: 'monitoring-template.csv',
  headcounts: 'headcounts-template.csv',
} as const;

const quoted = (names: readonly string[]) => names.map((n) => `«${n}»`).join(', ');

const WORDS = {
  ru: {
    file: 'Настройки sferum-kpi для ваших выгрузок. Ключи, начинающиеся с $, — комментарии: их можно менять и удалять. Ниже — значения по умолчанию: с этим файлом результат тот же, что и без него. Ненужный ключ можно удалить целиком.',
    region:
      'Название региона. Строки, где муниципалитет — это название региона (или «Региональный уровень»), образуют региональный уровень.',
    columns:
      'Дополнительные названия столбцов выгрузки мониторинга (monitoring) и файла численности (headcounts) — к встроенным, которые подходят всегда. Пример: "municipality": ["Район"].',
    field: (required: boolean, names: readonly string[]) =>
      `${required ? 'обязательный' : 'необязательный'}; встроенные названия: ${quoted(names)}`,
    orgTypes:
      'Дополнительные написания типов организаций — к встроенным. school — общеобразовательная, preschool — дошкольная, spo — СПО, dod — дополнительное образование детей, authority — орган управления образованием, subordinate — подведомственная. Пример: "school": ["СОШ", "Гимназия"].',
    orgType: (names: readonly string[]) => `встроенные: ${quoted(names)}`,
    privateOwnership: `Дополнительные значения столбца «Форма собственности», означающие частную организацию (встроенные: ${quoted(PRIVATE_OWNERSHIP)}). Частные организации не входят в индикаторы 1, 2 и 4.`,
    municipalities:
      'Написания муниципалитетов, которые не сводятся к названию из файла численности сами: "название как в файле численности": [написания]. Пример: "г. Кызыл": ["Кызыл (городской округ)"].',
    totalRowLabels: `Дополнительные подписи итоговых строк в столбце муниципалитета (встроенные: ${quoted(TOTAL_ROW_LABELS)}); такие строки не суммируются.`,
    baselines:
      'Базовые значения 2024/25 в процентах — цели этапа 1 индикаторов 1 и 2: "1" и "2" по региону (null — не задано), byMunicipality — свои значения муниципалитетов, например "г. Кызыл": { "1": 45.2 }. Флаги --baseline-1, --baseline-2 и --baseline FILE важнее этих значений.',
    stage2Conditional:
      'true — невыполнение условной цели («в силе после утверждения нормативных правовых актов») проваливает check; false — только отмечается.',
    roadmap:
      'Дорожная карта, целиком заменяет встроенную: для каждого индикатора 1–4 список этапов. stage — номер этапа; due — дата «по состоянию на» (ГГГГ-ММ-ДД); target — цель в процентах или "baseline" (максимум 2024/25, только для индикаторов 1 и 2); conditional — true, если цель в силе после утверждения нормативных актов. Формулы индикаторов не меняются.',
    wrote: 'Записаны файлы:',
    next: (config: string) =>
      `Дальше: впишите в ${config} названия столбцов и значения вашей выгрузки, затем проверьте её: sferum-kpi validate --monitoring ВЫГРУЗКА.csv --headcounts ЧИСЛЕННОСТЬ.csv`,
  },
  en: {
    file: 'sferum-kpi settings for your exports. Keys starting with $ are comments: change or delete them freely. The values below are the defaults: with this file the results are the same as without it. Delete any key you do not need.',
    region:
      "The region's name. Rows whose municipality is the region's name (or «Региональный уровень») form the regional level.",
    columns:
      'Extra header names of the monitoring export (monitoring) and the headcount file (headcounts), added to the built-in ones, which always work. Example: "municipality": ["Район"].',
    field: (required: boolean, names: readonly string[]) =>
      `${required ? 'required' : 'optional'}; built-in names: ${quoted(names)}`,
    orgTypes:
      'Extra spellings of the organisation types, added to the built-in ones. school — general education, preschool — preschool, spo — vocational, dod — additional education of children, authority — education authority, subordinate — subordinate organisation. Example: "school": ["СОШ", "Гимназия"].',
    orgType: (names: readonly string[]) => `built-in: ${quoted(names)}`,
    privateOwnership: `Extra values of the ownership column that mark a private organisation (built-in: ${quoted(PRIVATE_OWNERSHIP)}). Private organisations are left out of indicators 1, 2 and 4.`,
    municipalities:
      'Spellings of municipalities that do not reduce to the headcount file\'s name by themselves: "name as in the headcount file": [spellings]. Example: "г. Кызыл": ["Кызыл (городской округ)"].',
    totalRowLabels: `Extra labels of total rows in the municipality column (built-in: ${quoted(TOTAL_ROW_LABELS)}); such rows are not summed.`,
    baselines:
      'The 2024/25 baselines in percent, the stage-1 targets of indicators 1 and 2: "1" and "2" region-wide (null: not given), byMunicipality: a municipality\'s own values, e.g. "г. Кызыл": { "1": 45.2 }. The flags --baseline-1, --baseline-2 and --baseline FILE win over these.',
    stage2Conditional:
      'true: failing a conditional target ("in force once the normative legal acts are approved") fails check; false: it is only marked.',
    roadmap:
      'The roadmap; replaces the built-in one whole: for each indicator 1–4 a list of stages. stage — the stage number; due — the date the target holds by (YYYY-MM-DD); target — a percentage, or "baseline" (the 2024/25 maximum, indicators 1 and 2 only); conditional — true when the target is in force once the normative acts are approved. The formulas of the indicators do not change.',
    wrote: 'Files written:',
    next: (config: string) =>
      `Next: add the header names and values of your export to ${config}, then check it: sferum-kpi validate --monitoring EXPORT.csv --headcounts HEADCOUNTS.csv`,
  },
} satisfies Record<Lang, unknown>;

/** Each key preceded by `"$comment.<key>"` saying what it does. */
function commented(entries: [key: string, comment: string, value: unknown][]) {
  const out: Record<string, unknown> = {};
  for (const [key, comment, value] of entries) {
    out[`$comment.${key}`] = comment;
    out[key] = value;
  }
  return out;
}

function columnDefaults<C extends string>(
  columns: Record<C, readonly string[]>,
  required: readonly C[],
  w: (typeof WORDS)[Lang],
) {
  return commented(
    (Object.entries(columns) as [C, readonly string[]][]).map(([field, names]) => [
      FIELD_KEYS[field as MonitoringColumn | HeadcountColumn],
      w.field(required.includes(field), names),
      [],
    ]),
  );
}

/** The starter config: every key at its default, each with a comment. */
export function starterConfig(lang: Lang): Record<string, unknown> {
  const w = WORDS[lang];
  return {
    $comment: w.file,
    ...commented([
      ['region', w.region, DEFAULT_REGION],
      [
        'columns',
        w.columns,
        {
          monitoring: columnDefaults(MONITORING_COLUMNS, REQUIRED_COLUMNS.monitoring, w),
          headcounts: columnDefaults(HEADCOUNT_COLUMNS, REQUIRED_COLUMNS.headcounts, w),
        },
      ],
      [
        'orgTypes',
        w.orgTypes,
        commented(ORG_TYPES.map((code: OrgType) => [code, w.orgType(ORG_TYPE_NAMES[code]), []])),
      ],
      ['privateOwnership', w.privateOwnership, []],
      ['municipalities', w.municipalities, {}],
      ['totalRowLabels', w.totalRowLabels, []],
      ['baselines', w.baselines, { '1': null, '2': null, byMunicipality: {} }],
      ['stage2Conditional', w.stage2Conditional, true],
      [
        'roadmap',
        w.roadmap,
        {
          name: TYVA_2025.name,
          indicators: Object.fromEntries(
            Object.entries(TYVA_2025.indicators).map(([id, stages]) => [
              id,
              stages.map((s) => ({ ...s, conditional: s.conditional === true })),
            ]),
          ),
        },
      ],
    ]),
  };
}

/** JSON with two-space indents, but an object or array of plain values on one line. */
export function formatJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  const isPlain = (v: unknown) => typeof v !== 'object' || v === null;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPlain)) return JSON.stringify(value).replace(/,/g, ', ');
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const oneLine = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
    if (entries.every(([, v]) => isPlain(v)) && oneLine.length <= 80) return oneLine;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** An empty CSV with the first built-in name of every field, for Russian Excel. */
function template(columns: Record<string, readonly string[]>): string {
  const headers = Object.values(columns).map((names) => names[0] ?? '');
  return `\ufeff${stringify([headers], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

export function starterFiles(lang: Lang): { name: string; text: string }[] {
  return [
    { name: CONFIG_FILE, text: `${formatJson(starterConfig(lang))}\n` },
    { name: TEMPLATES.monitoring, text: template(MONITORING_COLUMNS) },
    { name: TEMPLATES.headcounts, text: template(HEADCOUNT_COLUMNS) },
  ];
}

export function initCommand(program: Command): void {
  program
    .command('init')
    .description(
      `write a starter ${CONFIG_FILE} and empty CSV templates of both inputs into DIR (default: here)`,
    )
    .argument('[dir]', 'where to write the files', '.')
    .option('--force', 'overwrite files that exist')
    .addOption(langOption())
    .action((dir: string, flags: InitFlags) => {
      process.exitCode = runInit(dir, flags);
    });
}

export function runInit(dir: string, flags: InitFlags): number {
  const files = starterFiles(flags.lang).map((f) => ({ ...f, path: join(dir, f.name) }));
  // All or nothing: one existing file and none is written.
  const existing = flags.force ? [] : files.filter((f) => existsSync(f.path));
  if (existing.length > 0) {
    throw new UserError(existing.map((f) => ({ code: 'file-exists', file: f.path })));
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError({
      code: 'output-failed',
      file: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  for (const file of files) writeOutput(file.text, file.path, []);
  const w = WORDS[flags.lang];
  const configPath = files[0]?.path ?? CONFIG_FILE;
  writeOutput(
    `${w.wrote}\n${files.map((f) => `  ${f.path}`).join('\n')}\n${w.next(configPath)}\n`,
    undefined,
    [],
  );
  return 0;
}
