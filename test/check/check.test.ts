// `sferum-kpi check` on the bundled fixtures, run from outside: exit codes
// across report dates before, between and after the due dates, both scopes,
// with and without baselines and --allow-conditional. What passes and what
// fails is taken from the numbers fixtures/README.md documents:
//   region total    I1      I2      I3      I4
//   21.09.2025      33.5 %  10.1 %  41.4 %  42.2 %
//   05.10.2025      38.9 %  12.6 %  47.6 %  49.4 %
//   28.12.2025      79.0 %  31.7 %  90.6 %  94.8 %
//   11.01.2026      82.5 %  31.7 %  94.5 %  97.7 %
// baselines (2024/25 maxima) 43.1444 % and 17.7248 %; г. Кызыл I1 on 28.12 is
// 3746 / 4996 = 74.98 % (fails 75 % by 1); Тоджинский and Монгун-Тайгинский
// fail I1 on 28.12 and 11.01; the regional level has no denominator for I1, I2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const HEADCOUNTS = ['--headcounts', 'fixtures/headcounts.csv'];
const BASELINES = ['--baseline-1', '43.1444', '--baseline-2', '17.7248'];

/** A week's export judged on a report date. */
function on(week: string, asOf: string): string[] {
  return ['--monitoring', `fixtures/monitoring-${week}.csv`, ...HEADCOUNTS, '--as-of', asOf];
}
const BEFORE = on('2025-09-21', '2025-09-21');
const AFTER_STAGE_1 = on('2025-10-05', '2025-10-05');
const BETWEEN = on('2025-12-28', '2025-12-28');
const AFTER = on('2026-01-11', '2026-01-11');

function check(args: string[], env: Record<string, string> = {}) {
  const result = runCli(['check', ...args], { env });
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result;
}

interface CheckItem {
  indicator: string;
  municipality: string | null;
  level: string;
  status: string;
  checked: boolean;
  allowed: boolean;
  gap: number;
  share: number | null;
  reason?: string;
}

function checkJson(args: string[]) {
  const result = check([...args, '--format', 'json']);
  const document = JSON.parse(result.stdout);
  expect(document.exitCode).toBe(result.status);
  return {
    status: result.status,
    document: document as {
      indicators: Record<string, { stage: number | null; checked: boolean; reason?: string }>;
      items: CheckItem[];
      failures: CheckItem[];
      summary: Record<string, number>;
      exitCode: number;
    },
  };
}

describe('check: exit codes by report date, stage, scope and baselines', () => {
  const cases: [string, number, string[]][] = [
    // Before 01.10.2025 nothing is due: an upcoming stage never fails …
    ['before 01.10, stages in force', 0, BEFORE],
    // … unless it is named; stage 1 of I1/I2 is a baseline that was not given.
    ['before 01.10, --stage 1 without baselines', 2, [...BEFORE, '--stage', '1']],
    [
      'before 01.10, --stage 1 with baselines (33.5 < 43.1)',
      1,
      [...BEFORE, '--stage', '1', ...BASELINES],
    ],
    [
      'before 01.10, --stage 1 for I3, I4 (41.4 < 100)',
      1,
      [...BEFORE, '--stage', '1', '--indicators', '3,4'],
    ],
    [
      'before 01.10, --stage 1 for I1 against 30 %',
      0,
      [...BEFORE, '--stage', '1', '--indicators', '1', '--baseline-1', '30'],
    ],
    ['before 01.10, --stage 2 (33.5 < 75)', 1, [...BEFORE, '--stage', '2']],
    [
      'before 01.10, --stage 2 --allow-conditional',
      0,
      [...BEFORE, '--stage', '2', '--allow-conditional'],
    ],
    // After 01.10: stage 1 of I1 and I2 is in force, I3 and I4 are not yet due.
    ['05.10, stage 1 without baselines', 2, AFTER_STAGE_1],
    ['05.10, stage 1 with baselines (38.9 < 43.1)', 1, [...AFTER_STAGE_1, ...BASELINES]],
    ['05.10, only I3, I4 (not yet due)', 0, [...AFTER_STAGE_1, '--indicators', '3,4']],
    ['28.12, stage 1 with baselines (79.0, 31.7)', 0, [...BETWEEN, ...BASELINES]],
    ['28.12, stage 1 without baselines', 2, BETWEEN],
    ['28.12, --stage 2, region (79.0 ≥ 75, 31.7 ≥ 30)', 0, [...BETWEEN, '--stage', '2']],
    [
      '28.12, --stage 2, every municipality (Кызыл 74.98)',
      1,
      [...BETWEEN, '--stage', '2', '--scope', 'all'],
    ],
    [
      '28.12, --stage 2, all, --allow-conditional',
      0,
      [...BETWEEN, '--stage', '2', '--scope', 'all', '--allow-conditional'],
    ],
    ['28.12, --stage 1 for I3 (90.6 < 100)', 1, [...BETWEEN, '--stage', '1', '--indicators', '3']],
    // After 30.12.2025: stage 2 of I1, I2 and the 100 % targets are in force.
    ['11.01, stages in force, region (I3 94.5, I4 97.7)', 1, AFTER],
    ['11.01, I1, I2, region, no baseline needed', 0, [...AFTER, '--indicators', '1,2']],
    ['11.01, I1, I2, every municipality', 1, [...AFTER, '--indicators', '1,2', '--scope', 'all']],
    [
      '11.01, I1, I2, all, --allow-conditional',
      0,
      [...AFTER, '--indicators', '1,2', '--scope', 'all', '--allow-conditional'],
    ],
    ['11.01, --allow-conditional does not excuse I3, I4', 1, [...AFTER, '--allow-conditional']],
    [
      '11.01, --stage 1 of I1, I2 without baselines',
      2,
      [...AFTER, '--stage', '1', '--indicators', '1,2'],
    ],
    [
      '11.01, --stage 1 of I1, I2 with baselines',
      0,
      [...AFTER, '--stage', '1', '--indicators', '1,2', ...BASELINES],
    ],
    ['11.01, --stage 2 skips I3, I4 (no stage 2)', 0, [...AFTER, '--stage', '2']],
  ];
  it.each(cases)('%s → exit %i', (_name, expected, args) => {
    const result = check(args);
    expect(result.status, result.stderr).toBe(expected);
  });
});

describe('check: what it prints', () => {
  it('prints one line per failure and a summary, nothing else off a terminal', () => {
    const result = check([...BETWEEN, '--stage', '2', '--scope', 'all', '--indicators', '1']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('И1 г. Кызыл: 74,98 % < 75 %* (этап 2), не хватает 1 чел.');
    expect(lines.slice(1, 3).join('\n')).toMatch(/Монгун-Тайгинский кожуун: 67,1 % < 75 %\*/);
    expect(lines.slice(1, 3).join('\n')).toMatch(/Тоджинский кожуун: 63,7 % < 75 %\*/);
    expect(lines[3]).toMatch(
      /^Проверка не пройдена: не выполнено 3 из 21; выполнено 17 из 21; н\/д: 1/,
    );
    // Quiet: no warnings, no colour.
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--verbose adds the stages, the n/a items and the warnings', () => {
    const result = check([...AFTER, '--indicators', '1,2', '--scope', 'all', '--verbose']);
    expect(result.stdout).toContain('Республика Тыва — дорожная карта tyva-2025');
    expect(result.stdout).toMatch(/И1 .*этап 2 \(с 30\.12\.2025\), цель 75 %\* — проверяется/);
    expect(result.stdout).toContain('И1 Республика Тыва: н/д — знаменатель равен 0');
    expect(result.stderr).toMatch(/^предупреждение: /m);
  });

  it('says in English which stage was checked and that I3, I4 have no stage 2', () => {
    const result = check([...AFTER, '--stage', '2', '--lang', 'en']);
    expect(result.stdout.trim()).toBe(
      'Check passed: 2 of 2 pass; no stage 2: I3, I4. Checked: stage 2, region total, I1, I2, I3, I4.',
    );
  });

  it('a missing baseline says how to give it', () => {
    const result = check([...AFTER_STAGE_1, '--indicators', '2']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--baseline-2 P, --baseline FILE');
    expect(result.stderr).not.toContain('--baseline-1');
  });

  it('N/A because a denominator is 0 is reported, not failed', () => {
    // fixtures/trend has no education authority: I4 has no denominator anywhere.
    const { status, document } = checkJson([
      '--monitoring',
      'fixtures/trend/monitoring-2025-12-22.csv',
      '--headcounts',
      'fixtures/trend/headcounts.csv',
      '--as-of',
      '2026-01-11',
      '--indicators',
      '4',
      '--scope',
      'all',
    ]);
    expect(status).toBe(0);
    expect(document.summary).toMatchObject({ checked: 3, na: 3, failed: 0, passed: 0 });
    expect(document.items.every((item) => item.reason === 'no-denominator')).toBe(true);
  });
});

describe('check --format json', () => {
  it('lists every item with its status, the failures and the exit code', () => {
    const { status, document } = checkJson([
      ...BETWEEN,
      '--stage',
      '2',
      '--scope',
      'all',
      '--indicators',
      '1,3',
    ]);
    expect(status).toBe(1);
    // I1: stage 2 is named, so it is checked although it is not yet in force.
    expect(document.indicators['1']).toMatchObject({ stage: 2, checked: true, inForce: false });
    // I3 has only stage 1: not checked, and said so.
    expect(document.indicators['3']).toMatchObject({
      stage: null,
      checked: false,
      reason: 'no-stage',
    });
    expect(document.items).toHaveLength(21);
    const kyzyl = document.failures.find((f) => f.municipality === 'г. Кызыл');
    expect(kyzyl).toMatchObject({ indicator: '1', status: 'fail', gap: 1, allowed: false });
    expect(document.failures.map((f) => f.municipality).sort()).toEqual(
      ['Монгун-Тайгинский кожуун', 'Тоджинский кожуун', 'г. Кызыл'].sort(),
    );
  });

  it('marks conditional failures as allowed with --allow-conditional', () => {
    const { status, document } = checkJson([
      ...AFTER,
      '--indicators',
      '1',
      '--scope',
      'all',
      '--allow-conditional',
    ]);
    expect(status).toBe(0);
    expect(document.failures).toEqual([]);
    const allowed = document.items.filter((item) => item.allowed);
    expect(allowed.map((item) => item.municipality).sort()).toEqual(
      ['Монгун-Тайгинский кожуун', 'Тоджинский кожуун'].sort(),
    );
    expect(document.summary).toMatchObject({ allowed: 2, failed: 0 });
  });

  it('keeps upcoming stages in the document, unchecked', () => {
    const { status, document } = checkJson([...AFTER_STAGE_1, ...BASELINES, '--indicators', '3,4']);
    expect(status).toBe(0);
    expect(document.indicators['3']).toMatchObject({
      stage: 1,
      checked: false,
      reason: 'upcoming',
    });
    expect(document.items.every((item) => !item.checked)).toBe(true);
    expect(document.summary).toMatchObject({ checked: 0, notChecked: 2 });
  });
});

describe('check and the config', () => {
  it('stage2Conditional: false in the config excuses conditional targets like --allow-conditional', () => {
    const dir = tempDir();
    const config = join(dir, 'sferum-kpi.config.json');
    writeFileSync(config, JSON.stringify({ stage2Conditional: false }));
    const args = [...AFTER, '--indicators', '1,2', '--scope', 'all'];
    expect(check(args).status).toBe(1);
    expect(check([...args, '--config', config]).status).toBe(0);
    // It does not excuse the unconditional 100 % targets.
    expect(check([...AFTER, '--config', config]).status).toBe(1);
  });
});

describe('check: bad options exit 2 with a message', () => {
  it.each([
    [['--indicators', '5'], '--indicators «5»'],
    [['--indicators', '1,,2'], '--indicators «1,,2»'],
    [['--indicators', '1;2'], '--indicators «1;2»'],
    [['--stage', '3'], '--stage «3»'],
    [['--stage', 'now'], '--stage «now»'],
  ])('%j', (extra, message) => {
    const result = check([...AFTER, ...extra]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('an unknown --scope is refused', () => {
    const result = check([...AFTER, '--scope', 'everything']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('everything');
  });
});
