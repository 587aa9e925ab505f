// Inputs made up for the safety tests: many municipalities and no warnings,
// so the output is large (it fills a pipe) and stderr stays empty.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../helpers/cli.js';

export const MONITORING_HEADER =
  'Муниципалитет,Тип организации,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"';
export const HEADCOUNTS_HEADER = 'Муниципалитет,Тип организации,Работники,Обучающиеся';

/** Writes headcounts.csv and monitoring.csv for `count` municipalities; returns their paths. */
export function writeManyMunicipalities(
  dir: string,
  count: number,
): { headcounts: string; monitoring: string } {
  const headcounts = [HEADCOUNTS_HEADER];
  const monitoring = [MONITORING_HEADER];
  for (let i = 0; i < count; i++) {
    headcounts.push(`Район ${i},ОО,${20 + (i % 7)},${200 + i}`);
    monitoring.push(`Район ${i},ОО,${10 + (i % 5)},${50 + (i % 11)},40,3,90`);
  }
  const paths = {
    headcounts: join(dir, 'headcounts.csv'),
    monitoring: join(dir, 'monitoring.csv'),
  };
  writeFileSync(paths.headcounts, `${headcounts.join('\n')}\n`);
  writeFileSync(paths.monitoring, `${monitoring.join('\n')}\n`);
  return paths;
}

export interface ShellResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a bash script in which `$CLI` starts the built binary. */
export function runShell(script: string, cwd = ROOT): ShellResult {
  const result = spawnSync('bash', ['-c', script], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CLI: `${process.execPath} ${BIN}` },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
