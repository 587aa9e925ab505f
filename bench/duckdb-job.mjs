#!/usr/bin/env node
// The benchmark's peer: the job `sferum-kpi compute` (one week) or `trend`
// (every week) does, written as SQL for DuckDB, the way an analyst would
// write it by hand. It reads the same CSV files (header, `,`, RFC 4180
// quotes), maps the organisation type spellings to the six types, leaves
// private rows out of indicators 1, 2 and 4, sums per municipality and type,
// and prints the four indicators (numerator, denominator, share, target,
// status, gap) per municipality and for the region total as CSV.
//
// Usage: node bench/duckdb-job.mjs compute|trend HEADCOUNTS MONITORING...
// Needs @duckdb/node-api, which bench/run.mjs installs into bench/out/duckdb.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(import.meta.dirname, 'out', 'duckdb', 'node_modules', 'x.js'));
const { DuckDBInstance } = require('@duckdb/node-api');

const [mode, headcounts, ...monitoring] = process.argv.slice(2);
if (!['compute', 'trend'].includes(mode) || !headcounts || monitoring.length === 0) {
  process.stderr.write('usage: duckdb-job.mjs compute|trend HEADCOUNTS MONITORING...\n');
  process.exit(2);
}

const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const csv = (files, extra = '') =>
  `read_csv([${files.map(quote).join(', ')}], delim = ',', header = true, quote = '"', escape = '"'${extra})`;

// The spellings of SPEC 4.3, lower-cased.
const TYPES = {
  school: ['school', 'оо', 'школа', 'общеобразовательная'],
  preschool: ['preschool', 'доо', 'детский сад', 'дошкольная'],
  spo: ['spo', 'спо', 'колледж', 'техникум'],
  dod: ['dod', 'до', 'удо', 'дополнительного образования'],
  authority: ['authority', 'оуо', 'роив', 'омсу', 'орган управления образованием'],
  subordinate: ['subordinate', 'подведомственная'],
};
const spellings = Object.entries(TYPES)
  .flatMap(([code, names]) => names.map((name) => `(${quote(name)}, ${quote(code)})`))
  .join(', ');

const EDU = `('school', 'preschool', 'spo', 'dod')`;
const STUD = `('school', 'spo', 'dod')`;
const GOV = `('authority', 'subordinate')`;
const isPrivate = `lower(trim(coalesce("Форма собственности", ''))) in ('частная', 'private')`;

// With `trend` every week is kept; with `compute` only the latest.
const weekFilter = mode === 'compute' ? 'where week = (select max(week) from monitoring_rows)' : '';

const sql = `
with types(spelling, code) as (values ${spellings}),
monitoring_rows as (
  select "Муниципалитет" as municipality, t.code, ${isPrivate} as private,
         "Неделя" as week,
         "Работники, пишущие сообщения" as staff_writing, "Обучающиеся, активные" as students_active,
         "Родители, активные" as parents_active, "Пользователи в VK Мессенджере" as users_vk,
         "Пользователи, всего" as users_total
  from ${csv(monitoring, ", dateformat = '%d.%m.%Y', types = {'Неделя': 'DATE'}")} join types t on t.spelling = lower(trim("Тип организации"))
),
monitoring as (
  select week, municipality,
    sum(staff_writing) filter (not private and code in ${EDU}) as m1,
    sum(students_active) filter (not private and code in ${STUD})
      + sum(parents_active) filter (not private and code in ${EDU}) as m2,
    sum(users_total - users_vk) as m3,
    sum(users_total) as d3,
    sum(staff_writing) filter (not private and code in ${GOV}) as m4
  from monitoring_rows ${weekFilter}
  group by all
),
headcounts as (
  select "Муниципалитет" as municipality,
    sum("Численность работников") filter (not private and code in ${EDU}) as d1,
    sum("Численность обучающихся") filter (not private and code in ${STUD})
      + sum("Численность обучающихся") filter (not private and code in ${EDU}) as d2,
    sum("Численность работников") filter (not private and code in ${GOV}) as d4
  from (select *, ${isPrivate} as private, t.code
        from ${csv([headcounts])} join types t on t.spelling = lower(trim("Тип организации")))
  group by all
),
per_municipality as (
  select m.week, coalesce(h.municipality, m.municipality) as municipality,
    coalesce(m1, 0) as n1, coalesce(d1, 0) as d1, coalesce(m2, 0) as n2, coalesce(d2, 0) as d2,
    coalesce(m3, 0) as n3, coalesce(d3, 0) as d3, coalesce(m4, 0) as n4, coalesce(d4, 0) as d4
  from monitoring m join headcounts h using (municipality)
),
with_total as (
  select week, coalesce(municipality, 'Итого по региону') as municipality,
    sum(n1) n1, sum(d1) d1, sum(n2) n2, sum(d2) d2, sum(n3) n3, sum(d3) d3, sum(n4) n4, sum(d4) d4
  from per_municipality
  group by grouping sets ((week, municipality), (week))
),
indicators as (
  select week, municipality, unnest([
    {indicator: 1, numerator: n1, denominator: d1, target: 75},
    {indicator: 2, numerator: n2, denominator: d2, target: 30},
    {indicator: 3, numerator: n3, denominator: d3, target: 100},
    {indicator: 4, numerator: n4, denominator: d4, target: 100}
  ], recursive := true)
  from with_total
)
select week, municipality, indicator, numerator, denominator,
  case when denominator > 0 then 100.0 * numerator / denominator end as share,
  target,
  case when denominator = 0 then 'na'
       when numerator * 100 >= target * denominator then 'pass' else 'fail' end as status,
  case when denominator > 0 and numerator * 100 < target * denominator
       then ceil(target * denominator / 100.0)::bigint - numerator else 0 end as gap,
  ${
    mode === 'trend'
      ? `regr_slope(100.0 * numerator / nullif(denominator, 0), epoch(week) / 604800.0) over (
           partition by municipality, indicator order by week rows between 3 preceding and current row)`
      : 'null'
  } as slope_per_week
from indicators
order by municipality, indicator, week
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// DuckDB writes the CSV itself, as an analyst's `COPY … TO` would (to a file:
// it cannot open a socket as /dev/stdout), and the file goes to stdout.
const out = join(import.meta.dirname, 'out', `duckdb-result-${process.pid}.csv`);
try {
  await connection.run(`copy (${sql}) to ${quote(out)} (format csv, header true)`);
  process.stdout.write(readFileSync(out));
} finally {
  rmSync(out, { force: true });
}
