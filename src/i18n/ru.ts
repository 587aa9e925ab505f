import type { ConfigExpected, JsonExpected } from '../errors.js';
import type { Catalogue } from './catalogue.js';

const list = (items: readonly string[]) => items.map((i) => `«${i}»`).join(', ');

/** `columns.monitoring.municipality` как конфигурация, которую можно вставить. */
const configSnippet = (key: string) =>
  `${key
    .split('.')
    .map((part) => `{ "${part}": `)
    .join('')}["название столбца в вашей выгрузке"]${' }'.repeat(key.split('.').length)}`;

const CONFIG_EXPECTED: Record<ConfigExpected, string> = {
  object: 'объект { … }',
  text: 'непустая строка в двойных кавычках',
  texts: 'список строк, например ["Район", "Наименование района"]',
  boolean: 'true или false',
  'percent-or-null': 'процент — число не меньше 0, например 41.7 (или null, если значения нет)',
  target: 'процент (число не меньше 0, например 75) или "baseline" (максимум 2024/25)',
  'target-percent':
    'процент — число не меньше 0, например 100 (базовое значение бывает только у индикаторов 1 и 2)',
  date: 'существующая дата в виде ГГГГ-ММ-ДД, например "2025-12-30"',
  stage: 'номер этапа — целое число от 1',
  stages: 'непустой список этапов, например [{ "stage": 1, "due": "2025-12-30", "target": 100 }]',
  'unique-stage': 'номер этапа, которого у этого индикатора ещё нет',
  'unused-name': 'название, которое не занято другим ключом',
};

const JSON_EXPECTED: Record<JsonExpected, string> = {
  value: 'значение (строка в двойных кавычках, число, true, false, null, { или [)',
  key: 'ключ в двойных кавычках (после последнего элемента запятая не ставится)',
  colon: '«:» после ключа',
  'comma-or-brace': '«,» или «}»',
  'comma-or-bracket': '«,» или «]»',
  'string-end': 'закрывающая двойная кавычка (перевод строки внутри строки недопустим)',
  escape: 'экранированный символ: \\" \\\\ \\/ \\b \\f \\n \\r \\t или \\uXXXX',
  digit: 'цифра',
  end: 'конец файла (после закрывающей скобки ничего не должно быть)',
};

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'кавычка открыта и не закрыта до конца файла',
  CSV_INVALID_CLOSING_QUOTE: 'после закрывающей кавычки стоит лишний символ',
  QUOTE_SWALLOWS_LINE:
    'кавычка в начале ячейки не закрыта перед разделителем, и в эту ячейку попали следующие строки файла',
};

/** Why a file cannot be read or written, by the system's error code. */
const FILE_REASONS: Record<string, string> = {
  EISDIR: 'это папка, а не файл',
  EACCES: 'нет прав доступа',
  EPERM: 'нет прав доступа',
  ENOENT: 'нет такой папки',
  ENOSPC: 'на диске нет места',
  EROFS: 'диск только для чтения',
};

/** What an option takes, for the options that name a kind of value rather than a list. */
const OPTION_EXPECTED: Record<string, string> = {
  date: 'существующая дата, например 2025-12-30 или 30.12.2025',
  percent: 'процент, например 41,7, 41.7 или 41,7%',
};

const BASELINE_REASONS: Record<string, string> = {
  'json-syntax':
    'ошибка синтаксиса JSON (проверьте запятые и кавычки; дробную часть в JSON отделяет точка: 17.7, а не 17,7)',
  'json-shape': 'неожиданное строение JSON',
  'csv-columns': 'в заголовке нет столбцов indicator и value',
  'csv-syntax': 'кавычка открыта и не закрыта',
  'no-values': 'в файле нет ни одного значения',
};

// Commander's refusals of a command line, in Russian (by commander's error code).
const RU_USAGE: Record<string, (subject: string, values: string[]) => string> = {
  'commander.missingMandatoryOptionValue': (s) => `не указан обязательный параметр ${s}`,
  'commander.optionMissingArgument': (s) => `у параметра ${s} не указано значение`,
  'commander.unknownOption': (s) => `неизвестный параметр ${s}`,
  'commander.unknownCommand': (s) => `неизвестная команда ${s}`,
  'commander.invalidArgument': (s, v) =>
    `недопустимое значение ${s}: «${v[0] ?? ''}»${v.length > 1 ? `; допустимо: ${v.slice(1).join(', ')}` : ''}`,
  'commander.excessArguments': (s) => `лишние аргументы у команды ${s}`,
  'commander.missingArgument': (s) => `не указан аргумент ${s}`,
};

export const ru: Catalogue = {
  decimalSeparator: ',',
  error: 'ошибка',
  warning: 'предупреждение',
  andMore: (n) => `…и ещё ошибок: ${n}. Исправьте показанные и запустите снова.`,
  line: 'строка',
  column: 'столбец',
  problems: {
    'file-not-found': (p) =>
      /[*?]/.test(p.file ?? '')
        ? 'ни один файл не подходит под этот шаблон. Проверьте папку и шаблон имени.'
        : 'файл не найден. Проверьте путь и имя файла.',
    'file-unreadable': (p) =>
      `файл не читается: ${FILE_REASONS[p.reason] ?? p.reason}. Укажите путь к CSV-файлу, который можно прочитать.`,
    'file-empty': () => 'файл пуст: нет строки заголовков. Выгрузите отчёт заново.',
    'not-csv': (p) =>
      `${p.format === 'utf-16' ? 'файл в кодировке UTF-16 (так Excel сохраняет «Текст в Юникоде»)' : `файл — книга электронной таблицы (${p.format === 'xls' ? 'Excel 97–2003, .xls' : 'Excel .xlsx или .ods'}), а не CSV`}. ` +
      'Откройте его в Excel и сохраните как «CSV UTF-8 (разделитель — запятая)» или «CSV (разделители — запятые)».',
    'bad-encoding': () =>
      'файл не в кодировке UTF-8, хотя указано --encoding utf-8. Уберите --encoding, чтобы кодировка определилась сама, или укажите --encoding windows-1251.',
    'missing-column': (p) =>
      p.looksLike
        ? `нет обязательного столбца «${p.accepted[0] ?? p.field}» (${p.field}), зато есть все столбцы ${p.looksLike === 'headcounts' ? 'файла численности' : 'выгрузки мониторинга'}. ` +
          'Похоже, файлы перепутаны: выгрузку мониторинга укажите в --monitoring, файл численности — в --headcounts.'
        : p.found.filter((h) => h.trim()).length <= 1
          ? `нет обязательного столбца ${p.accepted[0] ? `«${p.accepted[0]}» (${p.field})` : p.field}: в строке заголовков одна непустая ячейка, ${list(p.found.filter((h) => h.trim()))}. ` +
            'Если это название отчёта, удалите строки над строкой заголовков; если это весь заголовок, столбцы в файле разделены не запятой, не точкой с запятой и не табуляцией — сохраните его как CSV.'
          : `нет обязательного столбца ${p.accepted[0] ? `«${p.accepted[0]}» (${p.field})` : p.field}. Найдены столбцы: ${list(p.found.filter((h) => h.trim()))}. Подходят названия: ${list(p.accepted)}. ` +
            `Если в вашей выгрузке он называется иначе, добавьте его название в ключ ${p.configKey} файла sferum-kpi.config.json ` +
            `(заготовку пишет sferum-kpi init): ${configSnippet(p.configKey)}`,
    'duplicate-column': (p) =>
      `столбцы ${list(p.headers)} означают одно и то же (${p.field}). Оставьте один из них, чтобы число не взялось не из того столбца.`,
    'csv-syntax': (p) =>
      `ошибка разметки CSV: ${CSV_REASONS[p.reason] ?? p.reason}. Проверьте кавычки в этой строке: ячейка, которая начинается с кавычки, должна ею и заканчиваться, а кавычка внутри такой ячейки пишется дважды: "МБОУ ""Гимназия № 9""".`,
    'field-count': (p) =>
      `в строке ${p.got} ячеек, а в заголовке ${p.expected}. Проверьте разделители в этой строке: ячейка, в которой есть разделитель (например, запятая в названии организации), должна быть в кавычках: "МБОУ Лицей, г. Кызыл".`,
    'cell-too-long': (p) =>
      `запись длиннее ${p.limit} символов — вероятно, не закрыта кавычка в этой строке, или файл — не выгрузка CSV. Проверьте файл.`,
    'too-many-columns': (p) =>
      `в заголовке больше ${p.limit} столбцов — это не похоже на выгрузку. Проверьте файл и разделитель (--delimiter).`,
    'bad-count': (p) =>
      `значение «${p.value}» — не число людей. Ожидается целое неотрицательное число, например 1 234 (пустая ячейка или «-» читается как 0). Исправьте ячейку.`,
    'bad-org-type': (p) =>
      `неизвестный тип организации «${p.value}». Допустимые значения: ${p.accepted.join(', ')}. Исправьте ячейку или добавьте написание в конфигурацию (orgTypes).`,
    'bad-week': (p) =>
      `«${p.value}» — не неделя. Ожидается последний день недели (28.12.2025 или 2025-12-28) или диапазон (22.12.2025–28.12.2025).`,
    'empty-municipality': () => 'не указан муниципалитет. Заполните ячейку.',
    'vk-above-total': (p) =>
      `пользователей в VK Мессенджере (${p.usersVk}) больше, чем пользователей всего (${p.usersTotal}). Проверьте строку выгрузки.`,
    'unmatched-municipality': (p) =>
      `муниципалитет «${p.value}» не найден в файле численности. Ближайшие: ${list(p.suggestions)}. ` +
      'Исправьте название, добавьте написание в конфигурацию (municipalities) или запустите с --allow-unmatched, чтобы пропустить его.',
    'duplicate-file': (p) =>
      `в файле те же строки, что в ${p.same === '-' ? 'стандартном вводе' : p.same}: одна выгрузка указана дважды, и каждая строка посчиталась бы два раза. Уберите один из файлов.`,
    'no-rows': () =>
      'в файле нет строк с данными (только заголовок или итоговые строки). Проверьте, тот ли это файл, или выгрузите отчёт заново.',
    'week-not-found': (p) =>
      `недели ${p.week} нет в выгрузке. Есть недели: ${p.available.join(', ') || 'нет (в выгрузке нет столбца «Неделя»)'}. ` +
      'Укажите одну из них в --week или уберите --week, чтобы взять последнюю.',
    'no-week-in-range': (p) =>
      `ни одна неделя выгрузок не попадает в период ${p.from} … ${p.to}. Есть недели: ${p.available.join(', ') || 'нет (в выгрузках нет столбца «Неделя»)'}. ` +
      'Укажите еженедельные выгрузки 2024/25 учебного года или задайте период через --from и --to.',
    'no-weeks': () =>
      'в выгрузках нет столбца недели («Неделя» или «week»), поэтому динамику построить не по чему. Укажите выгрузки со столбцом недели.',
    'bad-option': (p) =>
      `недопустимое значение ${p.option} «${p.value}». Ожидается: ${OPTION_EXPECTED[p.expected] ?? p.expected}.`,
    'bad-percent': (p) => `«${p.value}» — не процент. Ожидается число, например 41,7 или 41.7%.`,
    'bad-baseline-file': (p) =>
      `файл базовых значений не прочитан: ${BASELINE_REASONS[p.reason] ?? p.reason}. ` +
      'Ожидается JSON, как его пишет команда baseline, например {"indicators": {"1": 41.7, "2": 17.7}}, ' +
      'или CSV со столбцами indicator, value и, для значения муниципалитета, municipality.',
    'unknown-baseline-municipality': (p) =>
      `муниципалитет «${p.value}» из базовых значений не найден в файле численности. Ближайшие: ${list(p.suggestions)}. Исправьте название в файле базовых значений.`,
    'output-is-input': () =>
      '--out указывает на один из входных файлов. Выберите другое имя, чтобы не затереть выгрузку.',
    'output-failed': (p) =>
      `не удалось записать файл: ${FILE_REASONS[p.reason] ?? p.reason}. Проверьте путь в --out и права на запись.`,
    'bad-config': (p) =>
      p.expected === 'unused-name'
        ? `${p.path}: название ${p.value} уже относится к ${p.usedBy}; одно название не может означать два разных. Уберите его здесь или там.`
        : `${p.path}: ${p.value === undefined ? 'значение не задано' : `значение ${p.value} не подходит`}. Ожидается: ${CONFIG_EXPECTED[p.expected]}.`,
    'unknown-config-key': (p) =>
      `неизвестный ключ ${p.path}.${p.suggestion ? ` Возможно, имелся в виду «${p.suggestion}».` : ''} Допустимые ключи здесь: ${list(p.accepted)}; ключи, начинающиеся с $, — комментарии.`,
    'config-syntax': (p) =>
      `ошибка синтаксиса JSON в строке ${p.at.line}, столбце ${p.at.column}: ожидается ${JSON_EXPECTED[p.expected]}, ` +
      `${p.found === null ? 'а файл на этом закончился' : `а найдено ${/^[\s\p{C}]$/u.test(p.found) ? JSON.stringify(p.found) : `«${p.found}»`}`}. Проверьте кавычки, запятые и скобки рядом с этим местом.`,
    'baseline-missing': (p) =>
      `цель индикатора ${p.indicator} на этом этапе — базовое значение 2024/25, но оно не задано. ` +
      `Задайте --baseline-${p.indicator} P, --baseline FILE или baselines в конфигурации (вычислить его можно командой baseline).`,
    'file-exists': () => 'файл уже существует. Добавьте --force, чтобы перезаписать.',
    'limit-exceeded': (p) => `превышен предел: ${p.what} (не больше ${p.limit}). Проверьте файл.`,
    usage: (p) =>
      `${RU_USAGE[p.usage]?.(p.subject, p.values) ?? p.message}. Справка: sferum-kpi <команда> --help.`,
  },
  warnings: {
    'empty-cells': (w) =>
      `пустые ячейки (или «-») прочитаны как 0: ${w.count}; столбцы: ${list(w.columns)}.`,
    'total-mismatch': (w) =>
      `итоговая строка: «${w.column}» = ${w.given}, а сумма строк = ${w.computed}. Итоговая строка пропущена, в расчёте сумма строк.`,
    'preschool-students': (w) =>
      `в детских садах указаны активные обучающиеся (строк: ${w.rows}, обучающихся: ${w.count}): обучающиеся ДОО не учитываются, родители учитываются.`,
    'private-rows': (w) =>
      `частные организации не входят в индикаторы 1, 2 и 4 (строк: ${w.rows}): ${w.organisations.join('; ')}${w.rows > w.organisations.length ? '; …' : ''}.`,
    'above-100': (w) =>
      `${w.municipality ?? 'регион'}, индикатор ${w.indicator}: числитель ${w.numerator} больше знаменателя ${w.denominator} (доля выше 100 %) — вероятно, устарели данные статистических форм.`,
    'no-monitoring': (w) =>
      w.weeks
        ? `${w.municipality}: нет строк мониторинга за недели ${w.weeks.join(', ')}, числители в них равны 0.`
        : `${w.municipality}: нет строк мониторинга за эту неделю, числители равны 0.`,
    'unmatched-skipped': (w) =>
      `муниципалитет «${w.value}» не найден в файле численности и пропущен (--allow-unmatched), строк: ${w.rows}.`,
    'conditional-target': (w) =>
      `индикатор ${w.indicator}: цель этапа 2 в силе после утверждения НПА.`,
    'baseline-missing': (w) =>
      `индикатор ${w.indicator}: базовое значение не задано, статус «н/д». Задайте --baseline-${w.indicator} P или --baseline FILE.`,
    'baseline-not-computed': (w) =>
      `индикатор ${w.indicator}: в выбранном периоде нет недель с данными.`,
  },
  status: { pass: 'выполнен', fail: 'не выполнен', na: 'н/д' },
  naReason: {
    'no-denominator': 'знаменатель равен 0',
    'no-baseline': 'базовое значение не задано',
  },
  indicator: {
    '1': { short: 'И1', name: 'Работники ОО, пишущие сообщения еженедельно' },
    '2': { short: 'И2', name: 'Обучающиеся и родители, активные еженедельно' },
    '3': { short: 'И3', name: 'Пользователи только в национальном мессенджере' },
    '4': { short: 'И4', name: 'Служащие органов управления образованием, пишущие еженедельно' },
  },
  report: {
    title: (region, roadmap) => `${region} — дорожная карта ${roadmap}`,
    asOf: (date, week) => `Отчёт на ${date}${week ? `, данные за неделю по ${week}` : ''}`,
    stage: (stage, target, due, inForce) =>
      inForce
        ? `этап ${stage} (с ${due}), цель ${target}`
        : `этап ${stage} наступит ${due}, цель ${target}`,
    baselineTarget: 'макс. 2024/25',
    municipality: 'Муниципалитет',
    regionTotal: 'Итого по региону',
    conditionalFootnote: '* Цель в силе после утверждения нормативных правовых актов.',
    gapFootnote: '✓ — цель выполнена; ✗ N — не выполнена, N — сколько человек не хватает до цели.',
    baselineFootnote:
      '† Базовое значение 2024/25 не задано: задайте --baseline-1 / --baseline-2 или --baseline FILE (команда baseline).',
    ownBaselineFootnote: '° Муниципалитет сравнивается со своим базовым значением.',
    upcomingFootnote: '» Этап ещё не наступил: показано, выполнена ли уже его цель.',
    baselineColumn: 'база',
    noDenominatorFootnote:
      'н/д⁰ — знаменатель равен 0: в статформах нет государственных и муниципальных организаций этих типов.',
    countsFootnote: 'a/b — числитель и знаменатель доли.',
    abbreviations: (list) => `Сокращения: ${list}.`,
  },
  explain: {
    title: (indicator, name, where) => `${indicator} ${name} — ${where}`,
    numerator: 'числитель',
    denominator: 'знаменатель',
    share: 'доля',
    rows: (n) => `строк: ${n}`,
    publicOnly: 'государственные и муниципальные',
    withPrivate: 'все, включая частные',
    fields: {
      staffWriting: 'работники, пишущие сообщения (мониторинг)',
      studentsActive: 'обучающиеся, активные (мониторинг)',
      parentsActive: 'родители, активные (мониторинг)',
      usersVk: 'пользователи в VK Мессенджере (мониторинг)',
      usersTotal: 'пользователи, всего (мониторинг)',
      staff: 'численность работников (статформы)',
      students: 'численность обучающихся (статформы)',
    },
    types: {
      school: 'ОО',
      preschool: 'ДОО',
      spo: 'СПО',
      dod: 'ДО',
      authority: 'органы управления',
      subordinate: 'подведомственные',
    },
    roles: {
      staff: 'работники',
      students: 'обучающиеся',
      parents: 'родители',
      users: 'пользователи',
      vkUsers: 'из них в VK Мессенджере',
      officials: 'служащие',
    },
    parentsRule:
      'Родителей столько же, сколько обучающихся: родители считаются по ОО, ДОО, СПО и ДО, обучающиеся — без ДОО.',
    verdict: (target, stage, status) => `цель этапа ${stage}: ${target} → ${status}`,
    gap: 'не хватает',
    ownBaseline: 'своё базовое значение',
    upcoming: (due) => `этап наступит ${due}`,
  },
  csv: {
    municipality: 'Муниципалитет',
    level: 'Уровень',
    levels: { municipality: 'муниципалитет', regional: 'региональный', total: 'итого' },
    numerator: 'числитель',
    denominator: 'знаменатель',
    share: 'доля, %',
    target: 'цель, %',
    status: 'статус',
    gap: 'не хватает',
  },
};
