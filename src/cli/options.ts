// Options shared by every command, declared once: the inputs and their
// dialect, the language, the output. Commands add only their own.
import { type Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { CATALOGUES, type Catalogue, LANGS, type Lang } from '../i18n/index.js';
import {
  type Delimiter,
  delimiterOption,
  type Encoding,
  encodingOption,
} from '../input/dialect.js';
import type { ReadOptions } from '../input/load.js';
import { expandPattern } from '../input/patterns.js';
import { parseDate, parsePercent } from '../input/values.js';
import { FORMATS, type Format, type RenderOptions } from '../report/options.js';
import type { Settings, SettingsFlags } from './settings.js';
import { isTerminal, terminalColumns } from './std.js';

export interface InputFlags extends SettingsFlags {
  monitoring: string[];
  headcounts: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  allowUnmatched?: boolean;
  lang: Lang;
}

export interface OutputFlags {
  format: Format;
  out?: string;
  excel?: boolean;
  color: boolean;
  decimals: number;
  wide?: boolean;
}

export function withInputOptions(command: Command): Command {
  return command
    .requiredOption(
      '-m, --monitoring <files...>',
      'monitoring export(s) from monitoring.sferum.ru; - for stdin',
      collectFiles,
    )
    .requiredOption('-h, --headcounts <file>', 'statistical-form headcounts')
    .option(
      '--encoding <name>',
      'force the encoding: utf-8 or windows-1251 (default: detected)',
      encodingOption,
    )
    .option(
      '--delimiter <char>',
      "force the delimiter: ',' ';' or tab (default: detected)",
      delimiterOption,
    )
    .option(
      '--allow-unmatched',
      'leave out monitoring municipalities missing from the headcounts, with a warning',
    )
    .option('--config <file>', 'config file (default: ./sferum-kpi.config.json when present)')
    .addOption(langOption());
}

/** Every --monitoring value, patterns expanded where the shell did not (cmd.exe, PowerShell). */
function collectFiles(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...expandPattern(value)];
}

export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output').choices(LANGS).default('ru');
}

export function withOutputOptions(command: Command, formats: readonly Format[] = FORMATS): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(formats).default('table'),
    )
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--excel', 'CSV for Russian Excel: ";", decimal comma, UTF-8 BOM')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--decimals <n>', 'decimals of shares in the table and CSV', decimalsOption, 1)
    .option('--wide', 'table: add numerators and denominators');
}

function decimalsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 6) {
    throw new UserError({ code: 'bad-option', option: '--decimals', value, expected: '0…6' });
  }
  return n;
}

export function dateOption(option: string) {
  return (value: string): string => {
    const date = parseDate(value.trim());
    if (!date)
      throw new UserError({
        code: 'bad-option',
        option,
        value,
        expected: 'date',
      });
    return date;
  };
}

export function percentOption(option: string) {
  return (value: string): number => {
    const pct = parsePercent(value);
    if (pct === null)
      throw new UserError({ code: 'bad-option', option, value, expected: 'percent' });
    return pct;
  };
}

/** The report date and the week of the export (compute, check). */
export function withReportOptions(command: Command): Command {
  return withBaselineOptions(
    command
      .option(
        '--as-of <date>',
        'report date (default: the latest week in the export)',
        dateOption('--as-of'),
      )
      .option(
        '--week <date>',
        'use this week of the export (default: the latest)',
        dateOption('--week'),
      ),
  );
}

/** The 2024/25 baselines that the stage-1 targets of indicators 1 and 2 are. */
export function withBaselineOptions(command: Command): Command {
  return command
    .option(
      '--baseline <file>',
      'baselines: JSON from `baseline --out`, or CSV indicator,value[,municipality]',
    )
    .option(
      '--baseline-1 <percent>',
      'region-wide baseline of indicator 1',
      percentOption('--baseline-1'),
    )
    .option(
      '--baseline-2 <percent>',
      'region-wide baseline of indicator 2',
      percentOption('--baseline-2'),
    );
}

export function readOptions(flags: InputFlags, settings: Settings): ReadOptions {
  return {
    monitoring: flags.monitoring,
    headcounts: flags.headcounts,
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    allowUnmatched: flags.allowUnmatched === true,
    vocabulary: settings.vocabulary,
  };
}

export function catalogue(flags: { lang: Lang }): Catalogue {
  return CATALOGUES[flags.lang];
}

/** The width the table fits: COLUMNS, else the terminal's, else 100; kept within 80…160. */
function terminalWidth(): number {
  const fromEnv = Number(process.env.COLUMNS);
  const columns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : terminalColumns();
  return Math.max(80, Math.min(columns || 100, 160));
}

/** Colour only on a TTY (or with FORCE_COLOR), never with --no-color, NO_COLOR or --out. */
export function renderOptions(flags: InputFlags & OutputFlags): RenderOptions {
  const noColorEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const force = process.env.FORCE_COLOR;
  const forceColor = force !== undefined && !['', '0', 'false'].includes(force);
  return {
    lang: flags.lang,
    color: flags.color && !noColorEnv && !flags.out && (isTerminal(1) || forceColor),
    decimals: flags.decimals,
    wide: flags.wide === true,
    excel: flags.excel === true,
    width: terminalWidth(),
  };
}
