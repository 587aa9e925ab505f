#!/usr/bin/env node
// `npm run bench`: times sferum-kpi against the floor (`node -e 0`) and a
// peer (the same job as SQL on DuckDB) on three sizes of input, as whole
// processes, and writes the table to bench/out/results.json.
//
//   S   the bundled fixtures: one region, one week (347 organisations)
//   M   one week for the whole country: 100,000 organisations
//   L   a school year for the whole country: 10 and 40 weekly files of 100,000 rows
//
// Usage: node bench/run.mjs [--runs N] [--sizes S,M,L] [--weeks 10,40] [--no-peer]
// Inputs are generated (deterministically) into bench/out/data on first use;
// DuckDB is installed into bench/out/duckdb on first use, never into the
// project's dependencies.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generate, weekEnds } from './generate.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const DATA = join(OUT, 'data');
const DUCKDB_DIR = join(OUT, 'duckdb');
// The newest @duckdb/node-api at the time of writing; it runs on Node 20.
const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const BIN = join(ROOT, 'bin', 'sferum-kpi.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const S_FILES = {
  monitoring: [join(ROOT, 'fixtures', 'monitoring-2026-01-11.csv')],
  headcounts: join(ROOT, 'fixtures', 'headcounts.csv'),
};

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    sizes: { type: 'string', default: 'S,M,L' },
    weeks: { type: 'string', default: '10,40' },
    'no-peer': { type: 'boolean', default: false },
  },
});
const sizes = new Set(args.sizes.split(','));
const lWeeks = args.weeks.split(',').map(Number);
const maxWeeks = Math.max(40, ...lWeeks);

const log = (text) => process.stderr.write(`${text}\n`);
const rel = (path) => relative(ROOT, path);

// --- Preparation ------------------------------------------------------------

function build() {
  log('building dist/ …');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

function ensureData() {
  const stamp = join(DATA, 'VERSION');
  const want = `${GENERATOR_VERSION} weeks=${maxWeeks} orgs=100000\n`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log(`generating ${maxWeeks} weeks × 100,000 organisations into ${rel(DATA)} …`);
  rmSync(DATA, { recursive: true, force: true });
  const started = Date.now();
  generate({ out: DATA, weeks: maxWeeks, orgs: 100_000 });
  writeFileSync(stamp, want);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureDuckdb() {
  if (args['no-peer']) return false;
  if (existsSync(join(DUCKDB_DIR, 'node_modules', '@duckdb', 'node-api', 'package.json')))
    return true;
  log(`installing ${DUCKDB_PACKAGE} into ${rel(DUCKDB_DIR)} (not a dependency of the tool) …`);
  mkdirSync(DUCKDB_DIR, { recursive: true });
  writeFileSync(join(DUCKDB_DIR, 'package.json'), '{ "private": true }\n');
  try {
    execFileSync(
      'npm',
      ['install', '--prefix', DUCKDB_DIR, '--no-audit', '--no-fund', '--no-save', DUCKDB_PACKAGE],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return true;
  } catch {
    log('  could not install DuckDB: the peer is left out');
    return false;
  }
}

/** Which command reads a school year: `trend` once it exists, else `compute` over every week. */
function yearCommand() {
  const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  return /^\s+trend\b/m.test(help) ? 'trend' : 'compute';
}

// --- Timing -----------------------------------------------------------------

/** Runs one process; wall time from spawn to exit, peak RSS from time(1) or the process itself. */
function measure(command, argv) {
  return new Promise((resolve, reject) => {
    const rssFile = join(OUT, `.rss-${process.pid}`);
    rmSync(rssFile, { force: true });
    const [file, fileArgs, env] = TIME
      ? [TIME, ['-f', '%M', '-o', rssFile, command, ...argv], process.env]
      : [
          command,
          ['--import', join(import.meta.dirname, 'max-rss.mjs'), ...argv],
          { ...process.env, BENCH_RSS_FILE: rssFile },
        ];
    const started = process.hrtime.bigint();
    const child = spawn(file, fileArgs, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(
          new Error(`${command} ${argv.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`),
        );
        return;
      }
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      rmSync(rssFile, { force: true });
      resolve({ ms, rssMb: kb / 1024 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Times the jobs of one group round-robin (one run of each, then the next
 * round), so that a noisy moment on the machine hits every job alike.
 */
async function timeGroup(jobs, runs, { warmFiles } = {}) {
  // Warm the page cache: by reading large inputs, or by one run of each small job.
  if (warmFiles) for (const file of warmFiles) readFileSync(file);
  else for (const job of jobs) await measure(job.command, job.argv);
  const samples = new Map(jobs.map((job) => [job.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const job of jobs) {
      samples.get(job.id).push(await measure(job.command, job.argv));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  return jobs.map((job) => {
    const s = samples.get(job.id);
    const ms = s.map((x) => x.ms);
    return {
      id: job.id,
      size: job.size,
      label: job.label,
      command: [
        job.command === process.execPath ? 'node' : job.command,
        ...job.argv.map(shorten),
      ].join(' '),
      runs,
      medianMs: median(ms),
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      peakRssMb: Math.max(...s.map((x) => x.rssMb)),
    };
  });
}

function shorten(arg) {
  return arg.startsWith(ROOT) ? rel(arg) : arg;
}

// --- The jobs ---------------------------------------------------------------

const node = process.execPath;
const tool = (...argv) => ({ command: node, argv: [BIN, ...argv] });
const peer = (...argv) => ({
  command: node,
  argv: [join(import.meta.dirname, 'duckdb-job.mjs'), ...argv],
});
const inputs = (files) => ['--monitoring', ...files.monitoring, '--headcounts', files.headcounts];

function lFiles(weeks) {
  return {
    monitoring: weekEnds(weeks).map((end) => join(DATA, `monitoring-${end}.csv`)),
    headcounts: join(DATA, 'headcounts.csv'),
  };
}

/** Region totals of the tool and of the peer agree: the two do the same job. */
function checkEquivalence(files) {
  const report = JSON.parse(
    execFileSync(node, [BIN, 'compute', ...inputs(files), '--format', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    }),
  );
  const total = report.rows.find((row) => row.level === 'total');
  const csv = execFileSync(
    node,
    [join(import.meta.dirname, 'duckdb-job.mjs'), 'compute', files.headcounts, ...files.monitoring],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const lines = csv.trim().split('\n');
  const columns = lines[0].split(',');
  const at = (name) => columns.indexOf(name);
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[at('municipality')] !== 'Итого по региону') continue;
    const ours = total.indicators[cells[at('indicator')]];
    const numerator = Number(cells[at('numerator')]);
    const denominator = Number(cells[at('denominator')]);
    if (ours.numerator !== numerator || ours.denominator !== denominator) {
      throw new Error(
        `the peer disagrees on indicator ${cells[at('indicator')]}: ${numerator}/${denominator} vs ${ours.numerator}/${ours.denominator}`,
      );
    }
  }
  log('  region totals of sferum-kpi and DuckDB agree on M');
}

async function main() {
  build();
  if (sizes.has('M') || sizes.has('L')) ensureData();
  const withPeer = ensureDuckdb();
  const yearly = yearCommand();
  const defaultRuns = args.runs ? Number(args.runs) : undefined;
  const results = [];

  log('S: floor and the bundled fixtures');
  const floor = { id: 'floor', size: '-', label: 'node -e 0', command: node, argv: ['-e', '0'] };
  const sJobs = [floor];
  if (sizes.has('S'))
    sJobs.push({
      id: 'S-compute',
      size: 'S',
      label: 'sferum-kpi compute',
      ...tool('compute', ...inputs(S_FILES)),
    });
  results.push(...(await timeGroup(sJobs, defaultRuns ?? 15)));

  if (sizes.has('M')) {
    const m = lFiles(maxWeeks);
    const mFiles = { monitoring: [m.monitoring.at(-1)], headcounts: m.headcounts };
    if (withPeer) checkEquivalence(mFiles);
    log('M: one week, 100,000 organisations');
    const jobs = [
      {
        id: 'M-compute',
        size: 'M',
        label: 'sferum-kpi compute',
        ...tool('compute', ...inputs(mFiles)),
      },
    ];
    if (withPeer)
      jobs.push({
        id: 'M-duckdb',
        size: 'M',
        label: 'DuckDB (SQL)',
        ...peer('compute', mFiles.headcounts, ...mFiles.monitoring),
      });
    results.push(...(await timeGroup(jobs, defaultRuns ?? 5)));
  }

  if (sizes.has('L')) {
    for (const weeks of lWeeks) {
      const files = lFiles(weeks);
      log(`L${weeks}: ${weeks} weeks × 100,000 rows (${yearly})`);
      const jobs = [
        {
          id: `L${weeks}-${yearly}`,
          size: `L${weeks}`,
          label: `sferum-kpi ${yearly}`,
          ...tool(yearly, ...inputs(files)),
        },
      ];
      if (withPeer)
        jobs.push({
          id: `L${weeks}-duckdb`,
          size: `L${weeks}`,
          label: 'DuckDB (SQL)',
          ...peer('trend', files.headcounts, ...files.monitoring),
        });
      results.push(
        ...(await timeGroup(jobs, defaultRuns ?? 3, {
          warmFiles: [files.headcounts, ...files.monitoring],
        })),
      );
    }
  }

  // Ratios: to the floor, and to the peer of the same size.
  const floorMs = results.find((r) => r.id === 'floor').medianMs;
  for (const r of results) {
    r.toFloor = r.medianMs / floorMs;
    const peerResult = results.find((p) => p.size === r.size && p.id.endsWith('-duckdb'));
    r.toPeer = peerResult && peerResult !== r ? r.medianMs / peerResult.medianMs : null;
  }

  const byId = (id) => results.find((r) => r.id === id);
  const targets = [];
  const target = (name, value, limit, unit) => {
    if (value === undefined || value === null) return;
    targets.push({ target: name, value, limit, unit, met: value <= limit });
  };
  target('S compute ÷ node -e 0', byId('S-compute')?.toFloor, 1.5, '×');
  target('M compute ÷ DuckDB', byId('M-compute')?.toPeer, 1.0, '×');
  target('M compute peak RSS', byId('M-compute')?.peakRssMb, 150, 'MB');
  for (const weeks of lWeeks) {
    target(`L${weeks} ${yearly} ÷ DuckDB`, byId(`L${weeks}-${yearly}`)?.toPeer, 3.0, '×');
    target(`L${weeks} ${yearly} peak RSS`, byId(`L${weeks}-${yearly}`)?.peakRssMb, 256, 'MB');
  }

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    rss: TIME ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
  };
  printTable(results, targets, machine, yearly);
  writeFileSync(
    join(OUT, 'results.json'),
    `${JSON.stringify({ machine, yearCommand: yearly, results, targets }, null, 2)}\n`,
  );
  log(`\nwritten to ${rel(join(OUT, 'results.json'))}`);
}

function printTable(results, targets, machine, yearly) {
  const rows = [
    [
      'size',
      'job',
      'runs',
      'median ms',
      'min ms',
      'max ms',
      'peak RSS MB',
      '× DuckDB',
      '× node -e 0',
    ],
    ...results.map((r) => [
      r.size,
      r.label,
      String(r.runs),
      r.medianMs.toFixed(0),
      r.minMs.toFixed(0),
      r.maxMs.toFixed(0),
      r.peakRssMb.toFixed(0),
      r.toPeer === null ? '' : r.toPeer.toFixed(2),
      r.toFloor.toFixed(2),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) =>
    row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryMb} MB, Node ${machine.node}; L timed with \`sferum-kpi ${yearly}\``,
    '',
    line(rows[0]),
    ...rows.slice(1).map(line),
    '',
    ...targets.map(
      (t) =>
        `${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.value.toFixed(2)} ${t.unit} (target ≤ ${t.limit} ${t.unit})`,
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
