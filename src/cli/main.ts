// The entry point: parses argv, runs a command, maps every error to its exit
// code. The only place that decides how the process ends.
import { Command, CommanderError } from 'commander';
import { type Problem, UserError } from '../errors.js';
import { CATALOGUES, type Lang, problemText } from '../i18n/index.js';
import { baselineCommand } from './commands/baseline.js';
import { checkCommand } from './commands/check.js';
import { computeCommand } from './commands/compute.js';
import { initCommand } from './commands/init.js';
import { trendCommand } from './commands/trend.js';
import { validateCommand } from './commands/validate.js';
import { showReadProgress } from './progress.js';
import { allWritten, onStdoutError, writeStd } from './std.js';

export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;

function langOf(argv: readonly string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value =
    at < 0 ? undefined : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  return value === 'en' ? 'en' : 'ru';
}

/**
 * Help and version through std.ts, as everything else the tool writes;
 * commander's own error text is replaced by a message in the user's language.
 */
const OUTPUT = {
  writeOut: (text: string) => {
    writeStd(1, text);
  },
  writeErr: (text: string) => {
    writeStd(2, text);
  },
  outputError: () => {},
};

export function buildProgram(): Command {
  const program = new Command('sferum-kpi')
    .description(
      'Roadmap indicators of the move to Sferum in the national messenger, per municipality',
    )
    .version('0.1.0')
    .helpOption('--help', 'show help')
    .showHelpAfterError(false)
    .configureOutput(OUTPUT)
    .exitOverride();
  computeCommand(program);
  checkCommand(program);
  baselineCommand(program);
  trendCommand(program);
  validateCommand(program);
  initCommand(program);
  for (const command of program.commands) {
    command.exitOverride().helpOption('--help', 'show help').configureOutput(OUTPUT);
  }
  return program;
}

/** Commander's message taken apart, so that it can be said in the user's language. */
function usageProblem(error: CommanderError): Problem {
  const message = error.message.replace(/^error:\s*/, '').replace(/\.$/, '');
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const choices = /Allowed choices are (.*)$/.exec(message)?.[1]?.split(/,\s*/) ?? [];
  return {
    code: 'usage',
    usage: error.code,
    subject: quoted[0] ?? '',
    values: [...quoted.slice(1), ...choices],
    message,
  };
}

function report(error: unknown, lang: Lang): number {
  const t = CATALOGUES[lang];
  if (error instanceof UserError) {
    for (const problem of error.problems) writeStd(2, `${t.error}: ${problemText(t, problem)}\n`);
    if (error.more > 0) writeStd(2, `${t.error}: ${t.andMore(error.more)}\n`);
    return EXIT.badInput;
  }
  if (error instanceof CommanderError) {
    // Help and version were printed; a refused command line is a usage problem.
    if (error.exitCode === 0 || error.code.startsWith('commander.help')) return EXIT.ok;
    return report(new UserError(usageProblem(error)), lang);
  }
  const message = error instanceof Error ? error.message : String(error);
  writeStd(2, `${t.error}: internal error: ${message}\n`);
  if (process.env.SFERUM_KPI_DEBUG && error instanceof Error) writeStd(2, `${error.stack}\n`);
  return EXIT.internal;
}

export async function main(argv: readonly string[]): Promise<void> {
  const lang = langOf(argv);
  // Only a terminal's stdout is a stream; a pipe or a file is written directly (std.ts).
  onStdoutError((error) => {
    // A closed pipe (`sferum-kpi compute … | head -3`) ends the run quietly.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failure to write the data (a full disk behind `>`) is not a success.
    const reason = error.code ?? error.message;
    process.exit(report(new UserError({ code: 'output-failed', file: '<stdout>', reason }), lang));
  });
  const progress = showReadProgress(lang);
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    progress.clear();
    process.exitCode = report(error, lang);
  }
}

/**
 * Whether the run's output is all written (no terminal's stream, which may
 * still be writing on Windows, was used): bin/sferum-kpi.js then ends the
 * process at once.
 */
export { allWritten };
