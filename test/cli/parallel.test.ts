// Large inputs are read on worker threads. Whatever the number of threads,
// the user sees the same report, the same warnings and the same errors.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

const WEEKS = [
  'fixtures/monitoring-2025-09-21.csv',
  'fixtures/monitoring-2025-09-28.csv',
  'fixtures/monitoring-2025-10-05.csv',
  'fixtures/monitoring-2025-10-12.csv',
  'fixtures/monitoring-2025-11-30.csv',
  'fixtures/monitoring-2025-12-07.csv',
  'fixtures/monitoring-2025-12-14.csv',
  'fixtures/monitoring-2025-12-21.csv',
  'fixtures/monitoring-2025-12-28.csv',
  'fixtures/monitoring-2026-01-11.csv',
];

function both(args: string[], threads = '3') {
  const one = runCli(args, { env: { SFERUM_KPI_THREADS: '1' } });
  const three = runCli(args, { env: { SFERUM_KPI_THREADS: threads } });
  return { one, three };
}

describe('reading on worker threads', () => {
  it.each([
    [
      'compute, table',
      ['compute', '--monitoring', ...WEEKS, '--headcounts', 'fixtures/headcounts.csv'],
    ],
    [
      'compute, JSON of an earlier week',
      [
        'compute',
        '--monitoring',
        ...WEEKS,
        '--headcounts',
        'fixtures/headcounts.csv',
        '--week',
        '2025-10-05',
        '--format',
        'json',
      ],
    ],
    [
      'trend',
      [
        'trend',
        '--monitoring',
        ...WEEKS,
        '--headcounts',
        'fixtures/headcounts.csv',
        '--format',
        'csv',
      ],
    ],
    ['validate', ['validate', '--monitoring', ...WEEKS, '--headcounts', 'fixtures/headcounts.csv']],
  ])('%s: the same output, warnings and exit code as on one thread', (_, args) => {
    const { one, three } = both(args);
    expect(one.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(0);
    expect(three).toEqual(one);
  });

  it.each([
    ['a bad count in one of the weeks', 'fixtures/errors/bad-count.csv'],
    ['a week whose municipality the headcounts lack', 'fixtures/errors/unmatched-municipality.csv'],
    ['a file that does not exist', 'fixtures/no-such-week.csv'],
    ['an empty file', 'fixtures/errors/file-empty.csv'],
    // Its digest is made on the thread that read it.
    ['a second download of a week given beside it', 'fixtures/errors/duplicate-export (1).csv'],
  ])('%s: the same error on worker threads', (_, broken) => {
    const args = [
      'compute',
      '--monitoring',
      ...WEEKS.slice(0, 4),
      ...(broken.includes('duplicate-export') ? ['fixtures/errors/duplicate-export.csv'] : []),
      broken,
      ...WEEKS.slice(4),
      '--headcounts',
      'fixtures/headcounts.csv',
    ];
    const { one, three } = both(args);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain(broken);
    expect(three).toEqual(one);
  });

  // No more files than threads: the main thread reads the headcounts, a worker each week.
  it.each([
    [
      'a week and the headcounts',
      'fixtures/monitoring-2026-01-11.csv',
      'fixtures/headcounts.csv',
      0,
    ],
    ['a bad count in the week', 'fixtures/errors/bad-count.csv', 'fixtures/headcounts.csv', 2],
    [
      'a headcount file that fails',
      'fixtures/monitoring-2026-01-11.csv',
      'fixtures/errors/missing-column-headcounts.csv',
      2,
    ],
  ])('%s, one file a thread: the same as on one thread', (_, week, headcounts, status) => {
    const { one, three: two } = both(
      ['compute', '--monitoring', week, '--headcounts', headcounts, '--format', 'json'],
      '2',
    );
    expect(one.status).toBe(status);
    expect(two).toEqual(one);
  });

  it('a headcount file that fails is reported, not the weeks read beside it', () => {
    const args = [
      'compute',
      '--monitoring',
      ...WEEKS,
      'fixtures/errors/bad-count.csv',
      '--headcounts',
      'fixtures/errors/missing-column-headcounts.csv',
    ];
    const { one, three } = both(args);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('missing-column-headcounts.csv');
    expect(one.stderr).not.toContain('bad-count.csv');
    expect(three).toEqual(one);
  });

  it('a reading thread that cannot load its code is an internal error, not a hang', () => {
    // A copy of the tool whose worker bundle is broken.
    const dir = tempDir();
    for (const sub of ['bin', 'dist']) mkdirSync(join(dir, sub));
    for (const f of ['bin/sferum-kpi.js', 'bin/bundle.js', 'bin/package.json', 'dist/main.cjs'])
      copyFileSync(join(FIXTURES, '..', f), join(dir, f));
    writeFileSync(join(dir, 'dist', 'read-worker.cjs'), 'this is not JavaScript');
    const args = [
      'compute',
      '--monitoring',
      'fixtures/monitoring-2026-01-11.csv',
      '--headcounts',
      'fixtures/headcounts.csv',
    ];
    const broken = runCli(args, {
      bin: join(dir, 'bin', 'sferum-kpi.js'),
      env: { SFERUM_KPI_THREADS: '2' },
    });
    expect(broken.status).toBe(3);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/internal error: a reading thread did not start: /);
    // On one thread the same copy needs no worker.
    const one = runCli(args, {
      bin: join(dir, 'bin', 'sferum-kpi.js'),
      env: { SFERUM_KPI_THREADS: '1' },
    });
    expect(one.status).toBe(0);
  });

  it('reads a file of several megabytes, whose records straddle the chunks it is read in', () => {
    // 30,000 organisations of one municipality, names with quoted line breaks,
    // commas and Cyrillic text throughout, so that chunk boundaries fall inside
    // quoted fields and inside two-byte characters.
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const head = ['Муниципалитет,Тип организации,Численность работников,Численность обучающихся'];
    const mon = [
      'Муниципалитет,Наименование организации,Тип организации,Неделя,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"',
    ];
    let staff = 0;
    let writing = 0;
    for (let i = 0; i < 30_000; i++) {
      const s = 10 + (i % 37);
      const w = i % 11;
      staff += s;
      writing += w;
      head.push(`Тоджинский кожуун,ОО,${s},100`);
      const name = `"МБОУ «Средняя общеобразовательная школа № ${i}»,\nс. Тоора-Хем, ""корпус ${i % 7}"""`;
      mon.push(`Тоджинский кожуун,${name},ОО,28.12.2025,${w},1,1,0,2`);
    }
    writeFileSync(join(dir, 'headcounts.csv'), `${head.join('\n')}\n`);
    writeFileSync(join(dir, 'monitoring.csv'), `\ufeff${mon.join('\r\n')}\r\n`);
    const args = [
      'compute',
      '--monitoring',
      join(dir, 'monitoring.csv'),
      '--headcounts',
      join(dir, 'headcounts.csv'),
      '--format',
      'json',
    ];
    const { one, three } = both(args);
    expect(one.status).toBe(0);
    const total = JSON.parse(one.stdout).rows.find((r: { level: string }) => r.level === 'total');
    expect(total.indicators['1']).toMatchObject({ numerator: writing, denominator: staff });
    expect(three).toEqual(one);
  });
});
