// The words the exports use: header names, organisation type spellings,
// ownership, total-row labels, municipality spellings. Built-in per SPEC 4;
// a config adds to them (it never removes a built-in word).
import type { OrgType } from '../domain/organisations.js';
import { normalizeText } from './values.js';

export const MONITORING_COLUMNS = {
  municipality: ['Муниципалитет', 'Муниципальное образование', 'МО', 'municipality'],
  oktmo: ['ОКТМО', 'oktmo'],
  orgId: ['ИНН', 'ID организации', 'org_id', 'inn'],
  orgName: ['Организация', 'Наименование организации', 'organization', 'org_name'],
  orgType: ['Тип организации', 'Тип ОО', 'org_type'],
  ownership: ['Форма собственности', 'ownership'],
  week: ['Неделя', 'week'],
  staffWriting: ['Работники, пишущие сообщения', 'staff_writing'],
  studentsActive: ['Обучающиеся, активные', 'students_active'],
  parentsActive: ['Родители, активные', 'parents_active'],
  usersVk: ['Пользователи в VK Мессенджере', 'users_vk'],
  usersTotal: ['Пользователи, всего', 'users_total'],
} as const;

export const HEADCOUNT_COLUMNS = {
  municipality: MONITORING_COLUMNS.municipality,
  oktmo: MONITORING_COLUMNS.oktmo,
  orgId: MONITORING_COLUMNS.orgId,
  orgName: MONITORING_COLUMNS.orgName,
  orgType: MONITORING_COLUMNS.orgType,
  ownership: MONITORING_COLUMNS.ownership,
  staff: ['Работники', 'Численность работников', 'staff'],
  students: ['Обучающиеся', 'Численность обучающихся', 'Воспитанники', 'students'],
} as const;

export type MonitoringColumn = keyof typeof MONITORING_COLUMNS;
export type HeadcountColumn = keyof typeof HEADCOUNT_COLUMNS;
export type FileKind = 'monitoring' | 'headcounts';

export const REQUIRED_COLUMNS: { monitoring: MonitoringColumn[]; headcounts: HeadcountColumn[] } = {
  monitoring: [
    'municipality',
    'orgType',
    'staffWriting',
    'studentsActive',
    'parentsActive',
    'usersVk',
    'usersTotal',
  ],
  headcounts: ['municipality', 'orgType', 'staff', 'students'],
};

/** The snake_case names of the fields, as SPEC and the config use them. */
export const FIELD_KEYS: Record<MonitoringColumn | HeadcountColumn, string> = {
  municipality: 'municipality',
  oktmo: 'oktmo',
  orgId: 'org_id',
  orgName: 'org_name',
  orgType: 'org_type',
  ownership: 'ownership',
  week: 'week',
  staffWriting: 'staff_writing',
  studentsActive: 'students_active',
  parentsActive: 'parents_active',
  usersVk: 'users_vk',
  usersTotal: 'users_total',
  staff: 'staff',
  students: 'students',
};

export const ORG_TYPE_NAMES: Record<OrgType, readonly string[]> = {
  school: ['school', 'ОО', 'школа', 'общеобразовательная'],
  preschool: ['preschool', 'ДОО', 'детский сад', 'дошкольная'],
  spo: ['spo', 'СПО', 'колледж', 'техникум'],
  dod: ['dod', 'ДО', 'УДО', 'дополнительного образования'],
  authority: ['authority', 'ОУО', 'РОИВ', 'ОМСУ', 'орган управления образованием'],
  subordinate: ['subordinate', 'подведомственная'],
};

export const PRIVATE_OWNERSHIP = ['частная', 'private'];
export const TOTAL_ROW_LABELS = ['Итого', 'Всего', 'Итого по региону', 'Total'];
/**
 * The built-in labels also open longer ones: "Итого по Республике Тыва",
 * "Всего по региону:", and "Общий итог" of an Excel pivot table.
 */
export const TOTAL_ROW_START = /^(итого|всего|total|общий итог)(\s|:|$)/;
export const REGIONAL_LEVEL_NAMES = ['Региональный уровень'];
export const DEFAULT_REGION = 'Республика Тыва';

/** Additions a config makes to the built-in words (SPEC 4, the config issue). */
export interface VocabularyAdditions {
  region?: string;
  columns?: {
    monitoring?: Partial<Record<string, string[]>>;
    headcounts?: Partial<Record<string, string[]>>;
  };
  orgTypes?: Partial<Record<OrgType, string[]>>;
  privateOwnership?: string[];
  municipalities?: Record<string, string[]>;
  totalRowLabels?: string[];
}

/** The words in force for a run, normalised for lookup. */
export interface Vocabulary {
  region: string;
  columns: Record<FileKind, Record<string, string[]>>;
  orgTypes: Map<string, OrgType>;
  orgTypeSpellings: string[];
  privateOwnership: Set<string>;
  totalRowLabels: Set<string>;
  /** Normalised spelling → canonical municipality name. */
  municipalityAliases: Map<string, string>;
}

/** Header names compare case-insensitively, trimmed, spaces collapsed, ё = е. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function buildVocabulary(additions: VocabularyAdditions = {}): Vocabulary {
  const columns: Vocabulary['columns'] = { monitoring: {}, headcounts: {} };
  for (const [kind, builtIn] of [
    ['monitoring', MONITORING_COLUMNS],
    ['headcounts', HEADCOUNT_COLUMNS],
  ] as const) {
    for (const [field, names] of Object.entries(builtIn)) {
      const key = FIELD_KEYS[field as MonitoringColumn];
      const extra = additions.columns?.[kind]?.[key] ?? additions.columns?.[kind]?.[field] ?? [];
      columns[kind][field] = [...names, ...extra];
    }
  }
  const orgTypes = new Map<string, OrgType>();
  const orgTypeSpellings: string[] = [];
  for (const [code, names] of Object.entries(ORG_TYPE_NAMES) as [OrgType, readonly string[]][]) {
    for (const name of [...names, ...(additions.orgTypes?.[code] ?? [])]) {
      orgTypes.set(normalizeText(name), code);
      orgTypeSpellings.push(name);
    }
  }
  const municipalityAliases = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(additions.municipalities ?? {})) {
    for (const spelling of spellings) municipalityAliases.set(normalizeText(spelling), canonical);
  }
  return {
    region: additions.region ?? DEFAULT_REGION,
    columns,
    orgTypes,
    orgTypeSpellings,
    privateOwnership: new Set(
      [...PRIVATE_OWNERSHIP, ...(additions.privateOwnership ?? [])].map(normalizeText),
    ),
    totalRowLabels: new Set(
      [...TOTAL_ROW_LABELS, ...(additions.totalRowLabels ?? [])].map((l) =>
        normalizeText(l).replace(/:$/, ''),
      ),
    ),
    municipalityAliases,
  };
}
