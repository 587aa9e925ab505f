// SPEC 3: the regional level is the rows whose municipality is the region's
// own name; the region named in the config is that name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

function altai() {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'headcounts.csv'),
    'Муниципалитет,Тип организации,Работники,Обучающиеся\n' +
      'Майминский район,школа,10,100\n' +
      'Республика Алтай,РОИВ,20,0\n',
  );
  writeFileSync(
    join(dir, 'monitoring.csv'),
    'Муниципалитет,Тип организации,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"\n' +
      'Майминский муниципальный район,ОО,8,50,40,10,90\n' +
      'Республика Алтай,РОИВ,19,0,0,1,20\n',
  );
  return dir;
}

function compute(dir: string, format = 'json') {
  const result = runCli(
    [
      'compute',
      '-m',
      'monitoring.csv',
      '-h',
      'headcounts.csv',
      '-f',
      format,
      '--as-of',
      '2025-12-30',
    ],
    { cwd: dir },
  );
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the region of the config', () => {
  it('by default another region is just a municipality', () => {
    const report = JSON.parse(compute(altai()));
    expect(report.region).toBe('Республика Тыва');
    expect(report.rows.map((r: { level: string }) => r.level)).toEqual([
      'municipality',
      'municipality',
      'total',
    ]);
  });

  it('names the report and the regional level', () => {
    const dir = altai();
    writeFileSync(join(dir, 'sferum-kpi.config.json'), '{ "region": "Республика Алтай" }');
    const report = JSON.parse(compute(dir));
    expect(report.region).toBe('Республика Алтай');
    const rows = report.rows.map((r: { municipality: string; level: string }) => [
      r.municipality,
      r.level,
    ]);
    expect(rows).toEqual([
      ['Майминский район', 'municipality'],
      ['Республика Алтай', 'regional'],
      [null, 'total'],
    ]);
    // Indicator 4 of the regional level: the ministry's 19 of 20.
    expect(report.rows[1].indicators['4']).toMatchObject({ numerator: 19, denominator: 20 });
    expect(compute(dir, 'table')).toContain('Республика Алтай — дорожная карта tyva-2025');
  });
});
