// sferum-kpi check: a gate for CI and cron jobs. Exit 0 when every checked
// indicator passes, 1 when one fails, 2 when it cannot decide.
import { type Command, Option } from 'commander';
import { type CheckOptions, runCheck, type Scope, type StageChoice } from '../../domain/check.js';
import { INDICATOR_IDS, type IndicatorId, type Roadmap } from '../../domain/roadmap.js';
import { UserError } from '../../errors.js';
import { checkJson, checkText } from '../../report/check.js';
import { catalogue, withInputOptions, withReportOptions } from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import { evaluateInputs, type ReportFlags } from '../report-inputs.js';
import { loadSettings } from '../settings.js';
import { isTerminal } from '../std.js';

export type CheckFlags = ReportFlags & {
  stage: StageChoice;
  scope: Scope;
  indicators: IndicatorId[];
  allowConditional?: boolean;
  format: 'text' | 'json';
  out?: string;
  color: boolean;
  verbose?: boolean;
};

function stageOption(value: string): StageChoice {
  const text = value.trim();
  if (text === 'in-force') return 'in-force';
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  throw new UserError({ code: 'bad-option', option: '--stage', value, expected: 'in-force, 1, 2' });
}

/** "1,2" or "1, 3,4": indicator numbers, each once, in roadmap order. */
export function indicatorsOption(value: string): IndicatorId[] {
  const parts = value.split(',').map((part) => part.trim());
  const known = INDICATOR_IDS as readonly string[];
  if (parts.length === 0 || parts.some((part) => !known.includes(part))) {
    throw new UserError({
      code: 'bad-option',
      option: '--indicators',
      value,
      expected: INDICATOR_IDS.join(','),
    });
  }
  return INDICATOR_IDS.filter((id) => parts.includes(id));
}

/** A named stage must exist in the roadmap for at least one indicator. */
function checkStageExists(stage: StageChoice, roadmap: Roadmap): void {
  if (stage === 'in-force') return;
  const numbers = [
    ...new Set(Object.values(roadmap.indicators).flatMap((stages) => stages.map((s) => s.stage))),
  ].sort();
  if (!numbers.includes(stage)) {
    throw new UserError({
      code: 'bad-option',
      option: '--stage',
      value: String(stage),
      expected: ['in-force', ...numbers].join(', '),
    });
  }
}

export function checkCommand(program: Command): void {
  const command = program
    .command('check')
    .description('exit 0 when every checked indicator meets its target, 1 when one fails');
  withInputOptions(command);
  withReportOptions(command)
    .option(
      '--stage <stage>',
      'in-force (the stage in force on the report date), or a stage number: 1, 2',
      stageOption,
      'in-force',
    )
    .addOption(
      new Option('--scope <scope>', 'region: the region total; all: every row too')
        .choices(['region', 'all'])
        .default('region'),
    )
    .option('--indicators <list>', 'indicators to check, e.g. 1,2', indicatorsOption, [
      ...INDICATOR_IDS,
    ])
    .option(
      '--allow-conditional',
      'a failed conditional stage-2 target is reported but does not fail the check',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--verbose', 'also print the stages checked, n/a items and warnings off a terminal')
    .action((flags: CheckFlags) => {
      process.exitCode = runCheckCommand(flags);
    });
}

export function runCheckCommand(flags: CheckFlags): number {
  const t = catalogue(flags);
  checkStageExists(flags.stage, loadSettings(flags).roadmap);
  const named = flags.stage === 'in-force' ? undefined : flags.stage;
  const { report, settings } = evaluateInputs(flags, named);
  const options: CheckOptions = {
    stage: flags.stage,
    scope: flags.scope,
    indicators: flags.indicators,
    // `stage2Conditional: false` in the config: conditional targets never fail the check.
    allowConditional: flags.allowConditional === true || !settings.stage2Conditional,
  };
  const result = runCheck(report, settings.roadmap, options);
  if (result.exitCode === 2) {
    throw new UserError(
      result.undecided.map((indicator) => ({ code: 'baseline-missing', indicator })),
    );
  }
  const terminal = isTerminal(1) && flags.out === undefined;
  const noColorEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const text =
    flags.format === 'json'
      ? checkJson(report, result, options, t)
      : checkText(report, result, options, t, {
          lang: flags.lang,
          color: terminal && flags.color && !noColorEnv,
          verbose: terminal || flags.verbose === true,
        });
  // Quiet off a terminal: a CI log gets the failures and the summary only.
  if (terminal || flags.verbose) printWarnings(report.warnings, t);
  writeOutput(text, flags.out, [...flags.monitoring, flags.headcounts]);
  return result.exitCode;
}
