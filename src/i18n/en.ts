import type { ConfigExpected, JsonExpected } from '../errors.js';
import type { Catalogue } from './catalogue.js';

const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

/** `columns.monitoring.municipality` as a config one can paste. */
const configSnippet = (key: string) =>
  `${key
    .split('.')
    .map((part) => `{ "${part}": `)
    .join('')}["the header in your export"]${' }'.repeat(key.split('.').length)}`;

const CONFIG_EXPECTED: Record<ConfigExpected, string> = {
  object: 'an object { … }',
  text: 'a non-empty string in double quotes',
  texts: 'a list of strings, e.g. ["Район", "Наименование района"]',
  boolean: 'true or false',
  'percent-or-null': 'a percentage: a number ≥ 0, e.g. 41.7 (or null when there is none)',
  target: 'a percentage (a number ≥ 0, e.g. 75) or "baseline" (the 2024/25 maximum)',
  'target-percent':
    'a percentage: a number ≥ 0, e.g. 100 (only indicators 1 and 2 have a baseline)',
  date: 'a real date as YYYY-MM-DD, e.g. "2025-12-30"',
  stage: 'a stage number: a whole number from 1',
  stages: 'a non-empty list of stages, e.g. [{ "stage": 1, "due": "2025-12-30", "target": 100 }]',
  'unique-stage': 'a stage number this indicator does not have yet',
  'unused-name': 'a name no other key uses',
};

const JSON_EXPECTED: Record<JsonExpected, string> = {
  value: 'a value (a string in double quotes, a number, true, false, null, { or [)',
  key: 'a key in double quotes (no comma after the last item)',
  colon: '":" after the key',
  'comma-or-brace': '"," or "}"',
  'comma-or-bracket': '"," or "]"',
  'string-end': 'the closing double quote (a string cannot hold a line break)',
  escape: 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX',
  digit: 'a digit',
  end: 'the end of the file (nothing may follow the closing bracket)',
};

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote is opened and never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a character follows a closing quote',
  QUOTE_SWALLOWS_LINE:
    'a quote opening a cell is not closed before a delimiter, so the next lines of the file ran into this cell',
};

/** Why a file cannot be read or written, by the system's error code. */
const FILE_REASONS: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  ENOSPC: 'no space left on the disk',
  EROFS: 'the disk is read-only',
};

/** What an option takes, for the options that name a kind of value rather than a list. */
const OPTION_EXPECTED: Record<string, string> = {
  date: 'a real date such as 2025-12-30 or 30.12.2025',
  percent: 'a percentage such as 41.7, 41,7 or 41.7%',
};

const BASELINE_REASONS: Record<string, string> = {
  'json-syntax':
    'JSON syntax error (check the commas and quotes; JSON writes decimals with a point: 17.7, not 17,7)',
  'json-shape': 'unexpected JSON structure',
  'csv-columns': 'the header has no indicator and value columns',
  'csv-syntax': 'a quote is opened and never closed',
  'no-values': 'the file holds no value at all',
};

export const en: Catalogue = {
  decimalSeparator: '.',
  error: 'error',
  warning: 'warning',
  andMore: (n) => `…and ${n} more errors. Fix the ones shown and run again.`,
  line: 'line',
  column: 'column',
  problems: {
    'file-not-found': (p) =>
      /[*?]/.test(p.file ?? '')
        ? 'no file matches this pattern. Check the folder and the name pattern.'
        : 'file not found. Check the path and the file name.',
    'file-unreadable': (p) =>
      `cannot read the file: ${FILE_REASONS[p.reason] ?? p.reason}. Give the path of a readable CSV file.`,
    'file-empty': () => 'the file is empty: there is no header line. Download the export again.',
    'not-csv': (p) =>
      `${p.format === 'utf-16' ? 'the file is UTF-16 (Excel saves "Unicode text" so)' : `this is a spreadsheet workbook (${p.format === 'xls' ? 'Excel 97–2003, .xls' : 'Excel .xlsx or .ods'}), not CSV`}. ` +
      'Open it in Excel and save it as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)".',
    'bad-encoding': () =>
      'the file is not UTF-8 although --encoding utf-8 was given. Drop --encoding to detect it, or give --encoding windows-1251.',
    'missing-column': (p) =>
      p.looksLike
        ? `the required column "${p.accepted[0] ?? p.field}" (${p.field}) is missing, but every column of ${p.looksLike === 'headcounts' ? 'the headcount file' : 'a monitoring export'} is there. ` +
          'The files look swapped: give the monitoring export with --monitoring and the headcounts with --headcounts.'
        : p.found.filter((h) => h.trim()).length <= 1
          ? `the required column ${p.accepted[0] ? `"${p.accepted[0]}" (${p.field})` : p.field} is missing: the header line has one non-empty cell, ${list(p.found.filter((h) => h.trim()))}. ` +
            'If that is the title of a report, delete the lines above the header line; if it is the whole header, the columns are not separated by commas, semicolons or tabs: save the file as CSV.'
          : `the required column ${p.accepted[0] ? `"${p.accepted[0]}" (${p.field})` : p.field} is missing. Columns found: ${list(p.found.filter((h) => h.trim()))}. Accepted names: ${list(p.accepted)}. ` +
            `If your export names it differently, add its name under the key ${p.configKey} of sferum-kpi.config.json ` +
            `(sferum-kpi init writes a starter one): ${configSnippet(p.configKey)}`,
    'duplicate-column': (p) =>
      `the columns ${list(p.headers)} mean the same (${p.field}). Keep one of them, so that no number is taken from the wrong column.`,
    'csv-syntax': (p) =>
      `CSV syntax error: ${CSV_REASONS[p.reason] ?? p.reason}. Check the quotes on this line: a cell that opens with a quote must close with one, and a quote inside such a cell is doubled: "МБОУ ""Гимназия № 9""".`,
    'field-count': (p) =>
      `the row has ${p.got} cells but the header has ${p.expected}. Check the delimiters on this line: a cell that holds the delimiter (say, a comma in an organisation's name) must be quoted: "МБОУ Лицей, г. Кызыл".`,
    'cell-too-long': (p) =>
      `a record is longer than ${p.limit} characters — probably an unclosed quote on this line, or the file is not a CSV export. Check the file.`,
    'too-many-columns': (p) =>
      `the header has more than ${p.limit} columns — this does not look like an export. Check the file and the delimiter (--delimiter).`,
    'bad-count': (p) =>
      `"${p.value}" is not a number of people. Expected a non-negative whole number such as 1 234 (an empty cell or "-" reads as 0). Fix the cell.`,
    'bad-org-type': (p) =>
      `unknown organisation type "${p.value}". Accepted values: ${p.accepted.join(', ')}. Fix the cell or add the spelling to the config (orgTypes).`,
    'bad-week': (p) =>
      `"${p.value}" is not a week. Expected the week's last day (28.12.2025 or 2025-12-28) or a range (22.12.2025–28.12.2025).`,
    'empty-municipality': () => 'the municipality is empty. Fill in the cell.',
    'vk-above-total': (p) =>
      `VK Messenger users (${p.usersVk}) exceed all users (${p.usersTotal}). Check this row of the export.`,
    'unmatched-municipality': (p) =>
      `municipality "${p.value}" is not in the headcount file. Closest: ${list(p.suggestions)}. ` +
      'Fix the name, add the spelling to the config (municipalities), or run with --allow-unmatched to leave it out.',
    'duplicate-file': (p) =>
      `the file holds the same rows as ${p.same === '-' ? 'standard input' : p.same}: one export given twice would count every row twice. Leave one of them out.`,
    'no-rows': () =>
      'the file has no data rows (only a header or total rows). Check that it is the right file, or download the export again.',
    'week-not-found': (p) =>
      `week ${p.week} is not in the export. Weeks found: ${p.available.join(', ') || 'none (the export has no week column)'}. ` +
      'Give one of them with --week, or drop --week to use the latest.',
    'no-week-in-range': (p) =>
      `no week of the exports falls within ${p.from} … ${p.to}. Weeks found: ${p.available.join(', ') || 'none (the exports have no week column)'}. ` +
      'Give the 2024/25 weekly exports, or set the period with --from and --to.',
    'no-weeks': () =>
      'the exports have no week column ("Неделя" or "week"), so there is no week to follow. Give exports with the week column.',
    'bad-option': (p) =>
      `invalid ${p.option} "${p.value}". Expected: ${OPTION_EXPECTED[p.expected] ?? p.expected}.`,
    'bad-percent': (p) =>
      `"${p.value}" is not a percentage. Expected a number such as 41.7 or 41,7%.`,
    'bad-baseline-file': (p) =>
      `cannot read the baseline file: ${BASELINE_REASONS[p.reason] ?? p.reason}. ` +
      'Expected JSON as the baseline command writes it, such as {"indicators": {"1": 41.7, "2": 17.7}}, ' +
      "or CSV with the columns indicator, value and, for a municipality's own value, municipality.",
    'unknown-baseline-municipality': (p) =>
      `municipality "${p.value}" of the baselines is not in the headcount file. Closest: ${list(p.suggestions)}. Fix the name in the baseline file.`,
    'output-is-input': () =>
      '--out names one of the input files. Choose another name so the export is not overwritten.',
    'output-failed': (p) =>
      `cannot write the file: ${FILE_REASONS[p.reason] ?? p.reason}. Check the --out path and that you may write there.`,
    'bad-config': (p) =>
      p.expected === 'unused-name'
        ? `${p.path}: the name ${p.value} already belongs to ${p.usedBy}; one name cannot mean two things. Remove it here or there.`
        : `${p.path}: ${p.value === undefined ? 'the value is missing' : `the value ${p.value} is not accepted`}. Expected: ${CONFIG_EXPECTED[p.expected]}.`,
    'unknown-config-key': (p) =>
      `unknown key ${p.path}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Accepted keys here: ${list(p.accepted)}; keys starting with $ are comments.`,
    'config-syntax': (p) =>
      `JSON syntax error at line ${p.at.line}, column ${p.at.column}: expected ${JSON_EXPECTED[p.expected]}, ` +
      `${p.found === null ? 'but the file ends there' : `found ${JSON.stringify(p.found)}`}. Check the quotes, commas and brackets near it.`,
    'baseline-missing': (p) =>
      `the target of indicator ${p.indicator} at this stage is the 2024/25 baseline, which was not given. ` +
      `Give --baseline-${p.indicator} P, --baseline FILE or baselines in the config (the baseline command computes it).`,
    'file-exists': () => 'the file exists. Add --force to overwrite it.',
    'limit-exceeded': (p) => `limit exceeded: ${p.what} (at most ${p.limit}). Check the file.`,
    usage: (p) => `${p.message}. See: sferum-kpi <command> --help.`,
  },
  warnings: {
    'empty-cells': (w) => `${w.count} empty (or "-") cells read as 0, columns: ${list(w.columns)}.`,
    'total-mismatch': (w) =>
      `total row: "${w.column}" = ${w.given}, but the rows sum to ${w.computed}. The total row is skipped; the sum of the rows is used.`,
    'preschool-students': (w) =>
      `${w.rows} kindergarten rows report active students (${w.count}): preschool students are not counted, their parents are.`,
    'private-rows': (w) =>
      `${w.rows} rows of private organisations are left out of indicators 1, 2 and 4: ${w.organisations.join('; ')}${w.rows > w.organisations.length ? '; …' : ''}.`,
    'above-100': (w) =>
      `${w.municipality ?? 'region'}, indicator ${w.indicator}: numerator ${w.numerator} exceeds denominator ${w.denominator} (share over 100 %) — the statistical forms are probably stale.`,
    'no-monitoring': (w) =>
      w.weeks
        ? `${w.municipality}: no monitoring rows in the weeks ${w.weeks.join(', ')}; numerators are 0 there.`
        : `${w.municipality}: no monitoring rows for this week; numerators are 0.`,
    'unmatched-skipped': (w) =>
      `municipality "${w.value}" is not in the headcount file; its ${w.rows} rows are left out (--allow-unmatched).`,
    'conditional-target': (w) =>
      `indicator ${w.indicator}: the stage-2 target is in force once the normative acts are approved.`,
    'baseline-missing': (w) =>
      `indicator ${w.indicator}: no baseline given, status n/a. Give --baseline-${w.indicator} P or --baseline FILE.`,
    'baseline-not-computed': (w) => `indicator ${w.indicator}: no week with data in the period.`,
  },
  status: { pass: 'pass', fail: 'fail', na: 'n/a' },
  naReason: {
    'no-denominator': 'the denominator is 0',
    'no-baseline': 'no baseline given',
  },
  indicator: {
    '1': { short: 'I1', name: 'Staff of educational organisations writing weekly' },
    '2': { short: 'I2', name: 'Students and parents active weekly' },
    '3': { short: 'I3', name: 'Users only in the national messenger' },
    '4': { short: 'I4', name: 'Officials of education authorities writing weekly' },
  },
  report: {
    title: (region, roadmap) => `${region} — roadmap ${roadmap}`,
    asOf: (date, week) => `Report as of ${date}${week ? `, data for the week ending ${week}` : ''}`,
    stage: (stage, target, due, inForce) =>
      inForce
        ? `stage ${stage} (since ${due}), target ${target}`
        : `stage ${stage} due ${due}, target ${target}`,
    baselineTarget: '2024/25 max',
    municipality: 'Municipality',
    regionTotal: 'Region total',
    conditionalFootnote: '* In force once the normative legal acts are approved.',
    gapFootnote: '✓ — target met; ✗ N — not met, N is the number of people still needed.',
    baselineFootnote:
      '† No 2024/25 baseline given: use --baseline-1 / --baseline-2 or --baseline FILE (see the baseline command).',
    ownBaselineFootnote: '° The municipality is held to its own baseline.',
    upcomingFootnote: '» Stage not yet due: shows whether its target is already met.',
    baselineColumn: 'base',
    noDenominatorFootnote:
      'n/a⁰ — the denominator is 0: the statistical forms list no state or municipal organisations of these types.',
    countsFootnote: 'a/b — the numerator and denominator of the share.',
    abbreviations: (list) => `Abbreviations: ${list}.`,
  },
  explain: {
    title: (indicator, name, where) => `${indicator} ${name} — ${where}`,
    numerator: 'numerator',
    denominator: 'denominator',
    share: 'share',
    rows: (n) => `rows: ${n}`,
    publicOnly: 'state and municipal',
    withPrivate: 'all, private included',
    fields: {
      staffWriting: 'staff writing messages (monitoring)',
      studentsActive: 'students active (monitoring)',
      parentsActive: 'parents active (monitoring)',
      usersVk: 'users in VK Messenger (monitoring)',
      usersTotal: 'users, total (monitoring)',
      staff: 'staff headcount (statistical forms)',
      students: 'students headcount (statistical forms)',
    },
    types: {
      school: 'school',
      preschool: 'preschool',
      spo: 'spo',
      dod: 'dod',
      authority: 'authority',
      subordinate: 'subordinate',
    },
    roles: {
      staff: 'staff',
      students: 'students',
      parents: 'parents',
      users: 'users',
      vkUsers: 'of them in VK Messenger',
      officials: 'officials',
    },
    parentsRule:
      'Parents equal students in number: parents count for school, preschool, spo and dod; students without preschool.',
    verdict: (target, stage, status) => `stage ${stage} target: ${target} → ${status}`,
    gap: 'still needed',
    ownBaseline: 'own baseline',
    upcoming: (due) => `stage due ${due}`,
  },
  csv: {
    municipality: 'municipality',
    level: 'level',
    levels: { municipality: 'municipality', regional: 'regional', total: 'total' },
    numerator: 'numerator',
    denominator: 'denominator',
    share: 'share',
    target: 'target',
    status: 'status',
    gap: 'gap',
  },
};
