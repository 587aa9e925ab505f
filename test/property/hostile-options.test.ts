// Hostile command lines, in process through the real argument parser and
// commands: any option value (percentages, dates, numbers, choices, names,
// a damaged baseline or config file) ends in output, a usage error or a
// UserError; nothing else may escape (that would be exit 3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { UserError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/cli.js';
import { runs, TIMEOUT } from './runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sferum-kpi-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

const percent = fc.oneof(
  text,
  fc.double().map(String),
  fc.constantFrom(
    '1e21',
    '1000000000000000000000',
    '99999999999999999999999999.5',
    '0.0000001',
    '-5',
    '41,7 %',
    '41.7%',
    'NaN',
    'Infinity',
    '0x10',
    '',
    ' ',
    '100',
    '0',
    '1.5.5',
  ),
);

const date = fc.oneof(
  text,
  fc.constantFrom(
    '2025-12-28',
    '28.12.2025',
    '2025-10-05',
    '2024-09-08',
    '31.02.2025',
    '2025-13-01',
    '0000-01-01',
    '9999-12-31',
    '1.1.1',
  ),
);

const number = fc.oneof(text, fc.integer({ min: -5, max: 1000 }).map(String));

/** A hostile baseline or config file, written once per case. */
const fileContent = fc.oneof(
  fc.json(),
  fc.constantFrom(
    '{"1": 41.7, "2": 18.4}',
    '{"indicators": {"1": {"value": 1e400}}}',
    '{"1": "много"}',
    'indicator,value\n1,41.7\n2,abc\n3,5\n',
    'indicator;value;municipality\n1;41,7;г. Кызыл\n1;20;Атлантида\n',
    '{"roadmap": {"name": "x", "indicators": {}}}',
    '{"columns": {"monitoring": {"staff_writing": ["Муниципалитет"]}}}',
    '{"region": ""}',
    '"',
  ),
  text,
);

const option = fc.oneof(
  fc.tuple(fc.constantFrom('--baseline-1', '--baseline-2'), percent),
  fc.tuple(fc.constantFrom('--as-of', '--week', '--from', '--to'), date),
  fc.tuple(fc.constantFrom('--decimals', '--window', '--indicator', '--indicators'), number),
  fc.tuple(
    fc.constantFrom(
      '--sort',
      '--format',
      '--encoding',
      '--delimiter',
      '--lang',
      '--stage',
      '--scope',
    ),
    fc.oneof(
      text,
      fc.constantFrom('indicator-2', 'csv', 'json', 'text', 'cp1251', 'tab', ';', 'en', '2', 'all'),
    ),
  ),
  fc.tuple(fc.constantFrom('--explain'), fc.oneof(text, fc.constantFrom('region', 'г. Кызыл'))),
  fc.tuple(fc.constantFrom('--baseline', '--config'), fileContent),
  fc.constantFrom(
    ['--allow-unmatched'],
    ['--excel'],
    ['--wide'],
    ['--no-color'],
    ['--allow-conditional'],
    ['--by-municipality'],
    ['--verbose'],
  ),
);

const commandLine = fc
  .tuple(
    fc.constantFrom('compute', 'compute', 'compute', 'check', 'trend', 'validate', 'baseline'),
    fc.array(option, { maxLength: 5 }),
  )
  .map(([command, options]) => {
    const args = [
      command,
      '--monitoring',
      join(
        FIXTURES,
        command === 'baseline'
          ? 'vk-2024-25/monitoring-2024-12-15.csv'
          : 'monitoring-2025-12-28.csv',
      ),
      '--headcounts',
      join(FIXTURES, 'headcounts.csv'),
    ];
    const files: [string, string][] = [];
    options.forEach((o, i) => {
      if (o.length === 1) args.push(o[0] as string);
      else if (o[0] === '--baseline' || o[0] === '--config') {
        const file = join(dir, `${i}${o[0] === '--config' ? '.json' : '.csv'}`);
        files.push([file, o[1] as string]);
        args.push(o[0], file);
      } else args.push(o[0] as string, o[1] as string);
    });
    return { args, files };
  });

async function run(args: string[]): Promise<unknown> {
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = () => true;
  process.stderr.write = () => true;
  try {
    await buildProgram().parseAsync(['node', 'sferum-kpi', ...args]);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    // A command sets the exit code of the process; this one is not ending.
    process.exitCode = undefined;
  }
}

describe('hostile command lines, in process', () => {
  it(
    'end in output, a usage error or a UserError, never another exception',
    async () => {
      await fc.assert(
        fc.asyncProperty(commandLine, async ({ args, files }) => {
          for (const [file, content] of files) writeFileSync(file, content);
          const error = await run(args);
          if (error === undefined || error instanceof UserError || error instanceof CommanderError)
            return;
          expect.fail(`${JSON.stringify(args)}: ${(error as Error)?.stack ?? String(error)}`);
        }),
        { numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );

  it('a baseline of 10^21 % is a target like any other, not a crash', async () => {
    const args = [
      'compute',
      '--monitoring',
      join(FIXTURES, 'monitoring-2025-10-05.csv'),
      '--headcounts',
      join(FIXTURES, 'headcounts.csv'),
      '--baseline-1',
      '1000000000000000000000',
    ];
    expect(await run(args)).toBeUndefined();
  });
});
