// The renderers on reports built by hand: what each mark and footnote means,
// how the table gives way on a narrow terminal, CSV cells, JSON keys.
import { describe, expect, it } from 'vitest';
import { evaluate, type Report } from '../../src/domain/evaluate.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { reportCsv, writeCsv } from '../../src/report/csv.js';
import { reportJson } from '../../src/report/json.js';
import type { RenderOptions } from '../../src/report/options.js';
import { reportTable } from '../../src/report/table.js';
import { input, municipality } from '../domain/build.js';

const ru = CATALOGUES.ru;
const OPTIONS: RenderOptions = {
  lang: 'ru',
  color: false,
  decimals: 1,
  wide: false,
  excel: false,
  width: 100,
};

const school = (name: string, staff: number, writing: number) =>
  municipality(name, [
    { type: 'school', staff, staffWriting: writing, students: 100, parentsActive: 40 },
    { type: 'authority', staff: 10, staffWriting: 10, usersTotal: 10, usersVk: 0 },
  ]);

function report(asOf: string, names: string[], baselines?: Parameters<typeof input>[2]): Report {
  return evaluate(
    input(
      names.map((name, i) => school(name, 100, 40 + i * 10)),
      asOf,
      baselines,
    ),
  );
}

function row(table: string, name: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`│ ${name} `));
  if (!line) throw new Error(`no row ${name}:\n${table}`);
  return line
    .split('│')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('table marks and footnotes', () => {
  it('a municipality held to its own baseline is marked °, with a footnote', () => {
    const r = report('2025-11-01', ['Свой кожуун', 'Общий кожуун'], {
      region: { '1': 45, '2': 10 },
      byMunicipality: { 'Свой кожуун': { '1': 60 } },
    });
    const table = reportTable(r, ru, OPTIONS);
    // 40 of 100 against its own 60 %: 20 short; 50 of 100 against 45 % passes.
    expect(row(table, 'Свой кожуун')[1]).toBe('40,0° ✗ 20');
    expect(row(table, 'Общий кожуун')[1]).toBe('50,0 ✓');
    expect(table).toContain('° Муниципалитет сравнивается со своим базовым значением.');
    expect(table).toMatch(/^И1 .*: этап 1 \(с 01\.10\.2025\), цель 45 % \(макс\. 2024\/25\)$/m);
  });

  it('an own baseline without a region-wide one is still marked °', () => {
    const r = report('2025-11-01', ['Свой кожуун', 'Общий кожуун'], {
      region: {},
      byMunicipality: { 'Свой кожуун': { '1': 30 } },
    });
    const table = reportTable(r, ru, OPTIONS);
    expect(row(table, 'Свой кожуун')[1]).toBe('40,0° ✓');
    expect(row(table, 'Общий кожуун')[1]).toBe('50,0 н/д†');
    expect(row(table, 'Итого по региону')[1]).toBe('45,0 н/д†');
    expect(table).toContain('° Муниципалитет сравнивается со своим базовым значением.');
  });

  it('no baseline: the share with н/д†, the column head and the footnote say so', () => {
    const table = reportTable(report('2025-11-01', ['А кожуун']), ru, OPTIONS);
    expect(row(table, 'А кожуун')[1]).toBe('40,0 н/д†');
    expect(table).toContain('И1 ≥база†');
    expect(table).toContain('† Базовое значение 2024/25 не задано');
    expect(table).not.toContain('* Цель в силе');
    expect(table).not.toContain('°');
  });

  it('upcoming stages: marked » in the head, a footnote, the status still shown', () => {
    const r = report('2025-09-30', ['А кожуун'], {
      region: { '1': 30, '2': 10 },
      byMunicipality: {},
    });
    const table = reportTable(r, ru, OPTIONS);
    expect(table).toContain('И1 ≥30 %»');
    expect(table).toContain('\n   этап 1 наступит 01.10.2025, цель 30 % (макс. 2024/25)\n');
    expect(row(table, 'А кожуун')[1]).toBe('40,0 ✓');
    expect(table).toContain('» Этап ещё не наступил: показано, выполнена ли уже его цель.');
  });

  it('no footnote for a mark that is not used', () => {
    const table = reportTable(report('2025-12-30', ['А кожуун']), ru, OPTIONS);
    expect(table).not.toContain('н/д⁰');
    expect(table).not.toContain('»');
    expect(table).not.toContain('Сокращения');
    expect(table).toContain('* Цель в силе после утверждения нормативных правовых актов.');
  });

  it('the data week may be unknown (an export without a week column)', () => {
    const r = { ...report('2025-12-30', ['А кожуун']), week: null };
    expect(reportTable(r, ru, OPTIONS).split('\n')[1]).toBe('Отчёт на 30.12.2025');
  });
});

describe('table layout on a narrow terminal', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

  it('abbreviates generic words only when the full names do not fit', () => {
    const names = ['Монгун-Тайгинский муниципальный район', 'Бай-Тайгинский кожуун', 'г. Кызыл'];
    const wide = reportTable(report('2025-12-30', names), ru, { ...OPTIONS, width: 120 });
    expect(wide).toContain('│ Монгун-Тайгинский муниципальный район │');
    const narrow = reportTable(report('2025-12-30', names), ru, { ...OPTIONS, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toContain('│ Монгун-Тайгинский м. р-н │');
    expect(narrow).toContain('│ Бай-Тайгинский к.');
    expect(narrow).toContain('│ г. Кызыл ');
    expect(narrow).toContain('Сокращения: к. — кожуун, м. р-н — муниципальный район.');
  });

  it('never abbreviates two municipalities into one name', () => {
    const names = ['Тестовый кожуун', 'Тестовый район', 'Очень длинное название для узкого окна'];
    const narrow = reportTable(report('2025-12-30', names), ru, { ...OPTIONS, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    const shown = narrow
      .split('\n')
      .filter((l) => l.startsWith('│ ') && !l.includes('Муниципалитет'))
      .map((l) => l.split('│')[1]?.trim());
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('cuts a name that cannot fit otherwise, with …', () => {
    const long = 'Муниципальное образование с очень длинным названием без общих слов';
    const narrow = reportTable(report('2025-12-30', [long]), ru, { ...OPTIONS, width: 80 });
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(narrow).toContain('│ Муниципальное образование с… │');
  });

  it('wraps long header lines and footnotes to the width', () => {
    const r = report('2025-11-01', ['А кожуун']);
    const table = reportTable(r, ru, { ...OPTIONS, width: 80 });
    expect(widest(table)).toBeLessThanOrEqual(80);
    expect(table).toContain(
      'И4 Служащие органов управления образованием, пишущие еженедельно\n   этап 1 наступит 30.12.2025, цель 100 %\n',
    );
  });
});

describe('table colour', () => {
  const ESC = String.fromCharCode(27);

  it('red for failures, green for passes, none without colour', () => {
    const r = report('2025-12-30', ['А кожуун']);
    const coloured = reportTable(r, ru, { ...OPTIONS, color: true });
    expect(coloured).toContain(`${ESC}[31m40,0 ✗ 35${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[32m100,0 ✓${ESC}[39m`);
    expect(reportTable(r, ru, OPTIONS)).not.toContain(ESC);
  });
});

describe('CSV', () => {
  it('writes numbers as numbers, empty cells for null, text guarded', () => {
    expect(writeCsv([['=1+1', '-x', '+x', '@x', 'a,b', 1.5, null, 0]], { excel: false })).toBe(
      `'=1+1,'-x,'+x,'@x,"a,b",1.5,,0\n`,
    );
    expect(writeCsv([['a;b', 1.5, 1234567]], { excel: true })).toBe('\ufeff"a;b";1,5;1234567\r\n');
  });

  it('a row per municipality, the regional level and the total, shares rounded', () => {
    const data = [
      school('А кожуун', 3, 1),
      municipality(
        'Республика Тыва',
        [{ type: 'subordinate', staff: 3, staffWriting: 2 }],
        'regional',
      ),
    ];
    const csv = reportCsv(evaluate(input(data, '2025-12-30')), ru, { ...OPTIONS, decimals: 2 });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    // 1 of 3 = 33.33 %; 75 % of 3 = 2.25 → 3, 2 short.
    expect(lines[1]).toMatch(/^А кожуун,муниципалитет,1,3,33\.33,75,не выполнен,2,/);
    expect(lines[2]).toMatch(/^Республика Тыва,региональный,0,0,,75,н\/д,0,/);
    // Indicator 4 of the total: 10 + 2 of 10 + 3.
    expect(lines[3]).toMatch(/^Итого по региону,итого,.*,12,13,92\.31,100,не выполнен,1$/);
  });
});

describe('JSON', () => {
  it('stage targets as numbers, a baseline flagged, null when not given', () => {
    const r = report('2025-11-01', ['А кожуун'], { region: { '1': 41.7 }, byMunicipality: {} });
    const json = JSON.parse(reportJson(r, ru));
    expect(json.stages['1']).toEqual({
      stage: 1,
      due: '2025-10-01',
      inForce: true,
      target: 41.7,
      baseline: true,
      conditional: false,
    });
    expect(json.stages['2'].target).toBeNull();
    expect(json.stages['3']).toMatchObject({ target: 100, baseline: false, inForce: false });
  });

  it('English keys and the message of each warning in the chosen language', () => {
    const r = report('2025-11-01', ['А кожуун']);
    const en = JSON.parse(reportJson(r, CATALOGUES.en));
    const keys = Object.keys(en.rows[0].indicators['1']);
    expect(keys).toEqual([
      'numerator',
      'denominator',
      'share',
      'stage',
      'inForce',
      'target',
      'conditional',
      'status',
      'gap',
      'reason',
    ]);
    expect(en.warnings).toContainEqual({
      code: 'baseline-missing',
      indicator: '1',
      message: expect.stringContaining('indicator 1: no baseline given'),
    });
    expect(en.rows.at(-1)).toMatchObject({ municipality: null, level: 'total' });
  });
});
