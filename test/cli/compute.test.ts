// `sferum-kpi compute` on the bundled fixtures, run from outside. Each format
// is compared with a golden file under test/golden/ (read line by line when it
// was written; regenerate with UPDATE_GOLDEN=1 and read the diff), and the
// facts fixtures/README.md documents are asserted on their own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, tempDir } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'test', 'golden');

/** The output equals the golden file; with UPDATE_GOLDEN=1 the file is rewritten instead. */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 and read it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

// The week of 28.12.2025 judged on 30.12.2025, when stage 2 (75 %, 30 %) and
// the 100 % targets are in force; all weekly files are given, --week picks one.
const MONITORING = [
  '2025-09-21',
  '2025-09-28',
  '2025-10-05',
  '2025-10-12',
  '2025-11-30',
  '2025-12-07',
  '2025-12-14',
  '2025-12-21',
  '2025-12-28',
  '2026-01-11',
].map((week) => `fixtures/monitoring-${week}.csv`);
const DEC_28 = [
  'compute',
  '--monitoring',
  ...MONITORING,
  '--headcounts',
  'fixtures/headcounts.csv',
  '--week',
  '2025-12-28',
  '--as-of',
  '2025-12-30',
  '--baseline-1',
  '43.1',
  '--baseline-2',
  '17.7',
];
const AT_100 = { COLUMNS: '100' };
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[`);

function compute(extra: string[] = [], env: Record<string, string> = AT_100) {
  const result = runCli([...DEC_28, ...extra], { env });
  expect(result.stderr).not.toMatch(/^ошибка|^error/m);
  expect(result.status).toBe(0);
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result;
}

/** The table row of a municipality, split into its cells. */
function tableRow(table: string, name: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`│ ${name} `));
  if (!line) throw new Error(`no row ${name}`);
  return line
    .split('│')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

interface JsonIndicator {
  numerator: number;
  denominator: number;
  share: number | null;
  stage: number;
  inForce: boolean;
  target: number | null;
  conditional: boolean;
  status: 'pass' | 'fail' | 'na';
  gap: number;
  reason?: string;
}
interface JsonReport {
  region: string;
  roadmap: string;
  asOf: string;
  week: string;
  stages: Record<string, Record<string, unknown>>;
  rows: {
    municipality: string | null;
    level: string;
    indicators: Record<string, JsonIndicator>;
  }[];
  warnings: Record<string, unknown>[];
}

function jsonRow(report: JsonReport, name: string | null) {
  const row = report.rows.find((r) => r.municipality === name);
  if (!row) throw new Error(`no row ${name}`);
  return row.indicators;
}

// NBSP: the Russian thousands separator of Intl.
const n = (text: string) => text.replace(/ /g, '\u00a0');

describe('compute --format table', () => {
  const { stdout, stderr } = compute();

  it('matches the golden table at 100 columns', () => {
    expectGolden('compute-2025-12-28.txt', stdout);
  });

  it('names the region, the report date, the data week and the stage in force per indicator', () => {
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Республика Тыва — дорожная карта tyva-2025');
    expect(lines[1]).toBe('Отчёт на 30.12.2025, данные за неделю по 28.12.2025');
    expect(lines[2]).toMatch(/^И1 .*: этап 2 \(с 30\.12\.2025\), цель 75 %\*$/);
    expect(lines[3]).toMatch(/^И2 .*: этап 2 \(с 30\.12\.2025\), цель 30 %\*$/);
    expect(lines[4]).toMatch(/^И3 .*: этап 1 \(с 30\.12\.2025\), цель 100 %$/);
    expect(lines[5]).toMatch(/^И4 .*: этап 1 \(с 30\.12\.2025\), цель 100 %$/);
  });

  it('г. Кызыл, indicator 1: 3 746 / 4 996 = 74.98 % prints 75,0 and fails by 1', () => {
    expect(tableRow(stdout, 'г. Кызыл')[1]).toBe('75,0 ✗ 1');
  });

  it('the laggards Тоджинский and Монгун-Тайгинский fail indicator 1', () => {
    expect(tableRow(stdout, 'Тоджинский кожуун')[1]).toMatch(/^63,7 ✗ \d+$/);
    expect(tableRow(stdout, 'Монгун-Тайгинский кожуун')[1]).toMatch(/^67,1 ✗ \d+$/);
  });

  it('Чаа-Хольский is over 100 % (259 / 252), passes, and is warned about', () => {
    expect(tableRow(stdout, 'Чаа-Хольский кожуун')[1]).toBe('102,8 ✓');
    expect(stderr).toContain(
      'Чаа-Хольский кожуун, индикатор 1: числитель 259 больше знаменателя 252',
    );
  });

  it('only Тере-Хольский meets the 100 % of indicator 3', () => {
    const rows = stdout.split('\n').filter((l) => / кожуун |│ г\. /.test(l));
    const passing = rows.filter((l) => (l.split('│')[4] ?? '').includes('✓'));
    expect(passing.map((l) => l.split('│')[1]?.trim())).toEqual(['Тере-Хольский кожуун']);
  });

  it('the regional level is N/A for indicators 1 and 2, with the reason in a footnote', () => {
    expect(tableRow(stdout, 'Республика Тыва').slice(1, 3)).toEqual(['н/д⁰', 'н/д⁰']);
    expect(stdout).toContain('н/д⁰ — знаменатель равен 0');
  });

  it('the region total: 79,0 / 31,7 / 90,6 / 94,8 %', () => {
    const total = tableRow(stdout, 'Итого по региону');
    expect(total[1]).toBe('79,0 ✓');
    expect(total[2]).toBe('31,7 ✓');
    expect(total[3]).toMatch(/^90,6 ✗ /);
    expect(total[4]).toMatch(/^94,8 ✗ /);
  });

  it('puts the municipalities by name, then the regional level, then the total', () => {
    const names = stdout
      .split('\n')
      .filter((l) => l.startsWith('│ ') && !l.includes('Муниципалитет'))
      .map((l) => l.split('│')[1]?.trim());
    expect(names).toHaveLength(19 + 2);
    expect(names.slice(-2)).toEqual(['Республика Тыва', 'Итого по региону']);
    const municipalities = names.slice(0, -2) as string[];
    expect(municipalities).toEqual([...municipalities].sort((a, b) => a.localeCompare(b, 'ru')));
  });

  it('footnotes explain the marks and the conditional stage-2 targets', () => {
    expect(stdout).toContain('✓ — цель выполнена; ✗ N — не выполнена');
    expect(stdout).toContain('* Цель в силе после утверждения нормативных правовых актов.');
  });

  it('has no colour off a terminal, with NO_COLOR or with --no-color', () => {
    expect(stdout).not.toMatch(ANSI);
    expect(compute(['--no-color'], { COLUMNS: '100', FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(compute([], { COLUMNS: '100', FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(
      ANSI,
    );
    expect(compute([], { COLUMNS: '100', NO_COLOR: '' }).stdout).not.toMatch(ANSI);
  });

  it('paints failures red and passes green when colour is forced', () => {
    const { stdout: coloured } = compute([], { COLUMNS: '100', NO_COLOR: '', FORCE_COLOR: '1' });
    const kyzyl = coloured.split('\n').find((l) => l.includes('г. Кызыл')) ?? '';
    expect(kyzyl).toContain('\u001b[31m75,0 ✗ 1\u001b[39m');
    expect(kyzyl).toContain('\u001b[32m34,6 ✓\u001b[39m');
    // Without the escapes it is the same table.
    expect(coloured.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(stdout);
  });
});

describe('the table fits the terminal', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

  for (const columns of [80, 100, 120]) {
    for (const wide of [false, true]) {
      it(`${columns} columns${wide ? ', --wide' : ''}`, () => {
        const { stdout } = compute(wide ? ['--wide'] : [], { COLUMNS: String(columns) });
        expect(widest(stdout)).toBeLessThanOrEqual(columns);
        // Every municipality is still there and still fails or passes the same.
        expect(stdout).toContain(' 75,0 ✗ 1 │');
        const rows = stdout.split('\n').filter((l) => l.startsWith('│ '));
        expect(rows.join('\n').match(/✓|✗|н\/д/g)?.length).toBe(21 * 4);
      });
    }
  }

  it('80 columns: "кожуун" abbreviated, and the abbreviation explained', () => {
    const { stdout } = compute([], { COLUMNS: '80' });
    expectGolden('compute-2025-12-28-80.txt', stdout);
    expect(tableRow(stdout, 'Монгун-Тайгинский к.')[1]).toMatch(/^67,1 ✗/);
    expect(tableRow(stdout, 'г. Кызыл')[1]).toBe('75,0 ✗ 1');
    expect(stdout).toContain('Сокращения: к. — кожуун.');
  });

  it('--wide at 100 columns: numerator/denominator under each share', () => {
    const { stdout } = compute(['--wide']);
    expectGolden('compute-2025-12-28-wide-100.txt', stdout);
    const lines = stdout.split('\n');
    const kyzyl = lines.findIndex((l) => l.startsWith('│ г. Кызыл '));
    expect(lines[kyzyl]?.split('│')[2]?.trim()).toBe('75,0 ✗ 1');
    expect(lines[kyzyl + 1]?.split('│')[2]?.trim()).toBe(n('3 746/4 996'));
    expect(stdout).toContain('a/b — числитель и знаменатель доли.');
  });

  it('--wide at 80 columns: long names over two lines, none cut', () => {
    const { stdout } = compute(['--wide'], { COLUMNS: '80' });
    expectGolden('compute-2025-12-28-wide-80.txt', stdout);
    expect(stdout).not.toContain('…');
  });

  it('--wide on a wide terminal: everything on one line per municipality', () => {
    const { stdout } = compute(['--wide'], { COLUMNS: '160' });
    expect(tableRow(stdout, 'г. Кызыл')[1]).toBe(`${n('3 746')}/${n('4 996')} 75,0 ✗ 1`);
    expect(tableRow(stdout, 'Итого по региону')[1]).toBe(`${n('10 016')}/${n('12 683')} 79,0 ✓`);
  });
});

describe('compute --format json', () => {
  const { stdout } = compute(['--format', 'json']);
  const report = JSON.parse(stdout) as JsonReport;

  it('matches the golden document', () => {
    expectGolden('compute-2025-12-28.json', stdout);
  });

  it('names the region, dates and the stage of each indicator', () => {
    expect(report).toMatchObject({
      region: 'Республика Тыва',
      roadmap: 'tyva-2025',
      asOf: '2025-12-30',
      week: '2025-12-28',
    });
    expect(report.stages['1']).toEqual({
      stage: 2,
      due: '2025-12-30',
      inForce: true,
      target: 75,
      baseline: false,
      conditional: true,
    });
  });

  it('г. Кызыл, indicator 1: fail by 1 at full precision', () => {
    const i1 = jsonRow(report, 'г. Кызыл')['1'];
    expect(i1).toMatchObject({
      numerator: 3746,
      denominator: 4996,
      stage: 2,
      inForce: true,
      target: 75,
      conditional: true,
      status: 'fail',
      gap: 1,
    });
    expect(i1?.share).toBeCloseTo((3746 / 4996) * 100, 12);
  });

  it('the region-wide denominators of fixtures/README.md: 12 683, 205 396, 346', () => {
    const total = jsonRow(report, null);
    expect(total['1']?.denominator).toBe(12683);
    expect(total['2']?.denominator).toBe(205396);
    expect(total['4']?.denominator).toBe(346);
    expect(report.rows.at(-1)?.level).toBe('total');
  });

  it('the total sums the rows, the regional level included', () => {
    for (const id of ['1', '2', '3', '4']) {
      const sum = (key: 'numerator' | 'denominator') =>
        report.rows
          .filter((r) => r.level !== 'total')
          .reduce((s, r) => s + (r.indicators[id]?.[key] ?? 0), 0);
      expect(jsonRow(report, null)[id]).toMatchObject({
        numerator: sum('numerator'),
        denominator: sum('denominator'),
      });
    }
  });

  it('N/A carries its reason; share null only for a zero denominator', () => {
    const regional = jsonRow(report, 'Республика Тыва');
    expect(regional['1']).toMatchObject({
      numerator: 0,
      denominator: 0,
      share: null,
      status: 'na',
      reason: 'no-denominator',
      gap: 0,
    });
  });

  it('holds the warnings with English codes and the Russian message', () => {
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'above-100',
        municipality: 'Чаа-Хольский кожуун',
        indicator: '1',
        numerator: 259,
        denominator: 252,
      }),
    );
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'empty-cells',
        file: 'fixtures/monitoring-2025-12-28.csv',
        count: 2,
      }),
    );
  });

  it('keeps English keys and the same numbers with --lang en', () => {
    const en = JSON.parse(compute(['--format', 'json', '--lang', 'en']).stdout) as JsonReport;
    expect(en.rows).toEqual(report.rows);
    expect(en.stages).toEqual(report.stages);
    expect(String(en.warnings.find((w) => w.code === 'above-100')?.message)).toContain(
      'numerator 259 exceeds denominator 252',
    );
  });
});

describe('compute --format csv', () => {
  it('matches the golden CSV: one row per municipality, then the regional level and the total', () => {
    const { stdout } = compute(['--format', 'csv']);
    expectGolden('compute-2025-12-28.csv', stdout);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 19 + 2);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 8)).toEqual([
      'Муниципалитет',
      'Уровень',
      'И1 числитель',
      'И1 знаменатель',
      '"И1 доля',
      ' %"',
      '"И1 цель',
      ' %"',
    ]);
    expect(lines.find((l) => l.startsWith('г. Кызыл,'))).toMatch(
      /^г\. Кызыл,муниципалитет,3746,4996,75,75,не выполнен,1,/,
    );
    expect(lines.at(-2)).toMatch(/^Республика Тыва,региональный,0,0,,75,н\/д,0,/);
    expect(lines.at(-1)).toMatch(/^Итого по региону,итого,10016,12683,79,75,выполнен,0,/);
  });

  it('--excel: UTF-8 BOM, ";", decimal comma, CRLF', () => {
    const { stdout } = compute(['--format', 'csv', '--excel']);
    expectGolden('compute-2025-12-28-excel.csv', stdout);
    expect(stdout.startsWith('\ufeffМуниципалитет;Уровень;И1 числитель;')).toBe(true);
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '')).not.toContain('\n');
    const chaa = stdout.split('\r\n').find((l) => l.startsWith('Чаа-Хольский кожуун;'));
    expect(chaa).toMatch(/^Чаа-Хольский кожуун;муниципалитет;259;252;102,8;75;выполнен;0;/);
  });

  it('--lang en: English headers and statuses', () => {
    const { stdout } = compute(['--format', 'csv', '--lang', 'en']);
    expect(stdout.split('\n')[0]).toMatch(/^municipality,level,I1 numerator,I1 denominator,/);
    expect(stdout).toMatch(/^г\. Кызыл,municipality,3746,4996,75,75,fail,1,/m);
  });

  it('guards against formula injection in names from the input', () => {
    const dir = tempDir();
    const headcounts = join(dir, 'headcounts.csv');
    const monitoring = join(dir, 'monitoring.csv');
    writeFileSync(
      headcounts,
      [
        'Муниципалитет,Тип организации,Работники,Обучающиеся',
        '"=HYPERLINK(""http://x"")",школа,10,100',
        '-Минус,школа,10,100',
        '+Плюс,школа,10,100',
        '@Собака,школа,10,100',
        'Обычный,школа,10,100',
      ].join('\n'),
    );
    writeFileSync(
      monitoring,
      [
        'Муниципалитет,Тип организации,"Работники, пишущие сообщения","Обучающиеся, активные",' +
          '"Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"',
        'Обычный,школа,5,0,0,0,0',
      ].join('\n'),
    );
    const run = (extra: string[]) =>
      runCli(['compute', '-m', monitoring, '-h', headcounts, '--format', 'csv', ...extra]);
    const plain = run([]);
    expect(plain.status).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n').slice(1);
    const names = lines
      .filter((l) => l.includes(',муниципалитет,'))
      .map((l) => l.slice(0, l.indexOf(',муниципалитет,')));
    expect(names.sort()).toEqual(
      ["'+Плюс", "'-Минус", `"'=HYPERLINK(""http://x"")"`, "'@Собака", 'Обычный'].sort(),
    );
    expect(lines.at(-1)).toMatch(/^Итого по региону,итого,/);
    const excel = run(['--excel']);
    expect(excel.stdout).toContain("\r\n'-Минус;муниципалитет;0;10;0;");
  });
});

describe('compute --explain', () => {
  const report = JSON.parse(compute(['--format', 'json']).stdout) as JsonReport;

  it('г. Кызыл: the formula with the numbers of the JSON row', () => {
    const { stdout } = compute(['--explain', 'Город Кызыл']);
    expectGolden('explain-kyzyl-2025-12-28.txt', stdout);
    const row = jsonRow(report, 'г. Кызыл');
    expect(stdout).toContain(
      `  доля = ${n('3 746')} / ${n('4 996')} = 74,9800 %\n  цель этапа 2: 75 %* → не выполнен\n`,
    );
    expect(stdout).toContain(
      `  не хватает = ⌈75 % × ${n('4 996')}⌉ − ${n('3 746')} = ${n('3 747')} − ${n('3 746')} = 1\n`,
    );
    // Each indicator's numerator and denominator as in JSON.
    for (const id of ['1', '2', '3', '4']) {
      const r = row[id];
      const block = stdout.split('\n\n').find((b) => b.startsWith(`И${id} `)) ?? '';
      expect(block).toContain(`числитель = ${n((r?.numerator ?? -1).toLocaleString('ru-RU'))}`);
      expect(block).toContain(`знаменатель = ${n((r?.denominator ?? -1).toLocaleString('ru-RU'))}`);
    }
  });

  it('region: the total row, parents counted as one per student', () => {
    const { stdout } = compute(['--explain', 'region']);
    expectGolden('explain-region-2025-12-28.txt', stdout);
    const total = jsonRow(report, null);
    const i2 = stdout.split('\n\n').find((b) => b.startsWith('И2 ')) ?? '';
    expect(i2).toContain('— Итого по региону');
    expect(i2).toContain(`знаменатель = ${n('205 396')}`);
    expect(total['2']?.denominator).toBe(205396);
    expect(i2).toContain('Родителей столько же, сколько обучающихся');
  });

  it('an unknown municipality: exit 2 naming the closest ones', () => {
    const result = runCli([...DEC_28, '--explain', 'Кызылл']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Кызылл');
    expect(result.stderr).toContain('г. Кызыл');
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe('compute options', () => {
  it('--lang en: English header, statuses and footnotes', () => {
    const { stdout } = compute(['--lang', 'en']);
    expectGolden('compute-2025-12-28-en.txt', stdout);
    expect(stdout.split('\n')[1]).toBe(
      'Report as of 2025-12-30, data for the week ending 2025-12-28',
    );
    expect(tableRow(stdout, 'г. Кызыл')[1]).toBe('75.0 ✗ 1');
    expect(tableRow(stdout, 'Region total')[3]).toMatch(/^90\.6 ✗ 17,366$/);
  });

  it('--out FILE: the file holds the output, stdout stays empty, no colour', () => {
    const dir = tempDir();
    const out = join(dir, 'report.csv');
    const result = compute(['--format', 'csv', '--out', out], {
      COLUMNS: '100',
      NO_COLOR: '',
      FORCE_COLOR: '1',
    });
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(compute(['--format', 'csv']).stdout);
    const table = join(dir, 'report.txt');
    compute(['--out', table], { COLUMNS: '100', NO_COLOR: '', FORCE_COLOR: '1' });
    expect(readFileSync(table, 'utf8')).not.toMatch(ANSI);
  });

  it('--sort indicator-1: the lowest share first, the regional level and the total last', () => {
    const { stdout } = compute(['--sort', 'indicator-1', '--format', 'json']);
    const rows = (JSON.parse(stdout) as JsonReport).rows;
    expect(rows.slice(0, 2).map((r) => r.municipality)).toEqual([
      'Тоджинский кожуун',
      'Монгун-Тайгинский кожуун',
    ]);
    expect(rows.at(-2)?.level).toBe('regional');
    expect(rows.at(-1)?.level).toBe('total');
    const shares = rows.slice(0, -2).map((r) => r.indicators['1']?.share ?? 0);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('--decimals 2 in the table and the CSV', () => {
    expect(tableRow(compute(['--decimals', '2']).stdout, 'г. Кызыл')[1]).toBe('74,98 ✗ 1');
    expect(compute(['--format', 'csv', '--decimals', '2']).stdout).toMatch(
      /^г\. Кызыл,муниципалитет,3746,4996,74\.98,/m,
    );
  });
});

describe('compute before the 30.12.2025 targets', () => {
  it('05.10.2025: stage 1 in force for 1 and 2 (the baseline), 3 and 4 upcoming', () => {
    const result = runCli(
      [
        'compute',
        '--monitoring',
        ...MONITORING,
        '--headcounts',
        'fixtures/headcounts.csv',
        '--week',
        '2025-10-05',
        '--baseline-1',
        '43.1',
        '--format',
        'json',
      ],
      { env: AT_100 },
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    // No --as-of: the report date is the latest week in the export.
    expect(report.asOf).toBe('2026-01-11');
    expect(report.week).toBe('2025-10-05');
  });

  it('--as-of 2025-10-05: baseline targets, one missing; upcoming stages marked', () => {
    const args = [
      'compute',
      '--monitoring',
      ...MONITORING,
      '--headcounts',
      'fixtures/headcounts.csv',
      '--week',
      '2025-10-05',
      '--as-of',
      '2025-10-05',
      '--baseline-1',
      '43.1',
    ];
    const table = runCli(args, { env: AT_100 });
    expect(table.status).toBe(0);
    expectGolden('compute-2025-10-05.txt', table.stdout);
    expect(table.stdout).toMatch(
      /^И1 .*: этап 1 \(с 01\.10\.2025\), цель 43,1 % \(макс\. 2024\/25\)$/m,
    );
    expect(table.stdout).toMatch(/^И2 .*: этап 1 \(с 01\.10\.2025\), цель макс\. 2024\/25†$/m);
    expect(table.stdout).toMatch(/^И3 .*: этап 1 наступит 30\.12\.2025, цель 100 %$/m);
    expect(table.stdout).toContain('И3 ≥100 %»');
    expect(table.stdout).toContain('† Базовое значение 2024/25 не задано');
    expect(table.stdout).toContain('» Этап ещё не наступил');
    // Region-wide 38.9 % of staff write: below the 43.1 % baseline.
    expect(tableRow(table.stdout, 'Итого по региону')[1]).toMatch(/^38,9 ✗ \d/);
    expect(tableRow(table.stdout, 'Итого по региону')[2]).toBe('12,6 н/д†');
    expect(table.stderr).toContain('индикатор 2: базовое значение не задано');

    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout) as JsonReport;
    expect(json.stages['2']).toEqual({
      stage: 1,
      due: '2025-10-01',
      inForce: true,
      target: null,
      baseline: true,
      conditional: false,
    });
    expect(jsonRow(json, null)['2']).toMatchObject({
      target: null,
      status: 'na',
      reason: 'no-baseline',
    });
    expect(jsonRow(json, null)['3']).toMatchObject({ inForce: false, target: 100 });
  });
});

describe('compute --baseline FILE with a municipality of its own', () => {
  it('holds that municipality to its value, the rest and the total to the region-wide one', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.csv');
    writeFileSync(baseline, 'indicator,value,municipality\n1,43.1,\n2,17.7,\n1,80,Город Кызыл\n');
    const args = [
      'compute',
      '-m',
      'fixtures/monitoring-2025-11-30.csv',
      '-h',
      'fixtures/headcounts.csv',
      '--as-of',
      '2025-12-01',
      '--baseline',
      baseline,
    ];
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout) as JsonReport;
    const kyzyl = jsonRow(json, 'г. Кызыл')['1'];
    expect(kyzyl).toMatchObject({ stage: 1, inForce: true, target: 80, status: 'fail' });
    // The gap against 80 %: ceil(0.8 × denominator) − numerator.
    const d = kyzyl?.denominator ?? 0;
    expect(kyzyl?.gap).toBe(Math.ceil((80 * d) / 100) - (kyzyl?.numerator ?? 0));
    expect(jsonRow(json, 'Кызылский кожуун')['1']).toMatchObject({ target: 43.1 });
    expect(jsonRow(json, null)['1']).toMatchObject({ target: 43.1, status: 'pass' });
    expect(json.stages['1']).toMatchObject({ target: 43.1, baseline: true });

    const table = runCli(args, { env: AT_100 }).stdout;
    expect(tableRow(table, 'г. Кызыл')[1]).toMatch(/^62,2° ✗ \d/);
    expect(table).toContain('° Муниципалитет сравнивается со своим базовым значением.');
  });
});

describe('README', () => {
  it('shows the table exactly as compute prints it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Table'));
    const block = section.slice(
      section.indexOf('```text\n') + 8,
      section.indexOf('```\n\nThe header'),
    );
    const golden = readFileSync(join(GOLDEN, 'compute-2025-12-28.txt'), 'utf8');
    expect(block).toBe(golden.replace(/\u00a0/g, ' '));
  });
});
