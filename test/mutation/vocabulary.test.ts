// The words in force without a config are the built-in ones and nothing
// more (they show in messages: the accepted organisation types), a config's
// total-row label keeps a colon inside it, and suggestions stop at three.
import { describe, expect, it } from 'vitest';
import { MunicipalityIndex } from '../../src/input/municipalities.js';
import { normalizeText } from '../../src/input/values.js';
import {
  buildVocabulary,
  ORG_TYPE_NAMES,
  PRIVATE_OWNERSHIP,
  TOTAL_ROW_LABELS,
} from '../../src/input/vocabulary.js';

describe('buildVocabulary', () => {
  it('without a config holds exactly the built-in words', () => {
    const vocabulary = buildVocabulary();
    const spellings = Object.values(ORG_TYPE_NAMES).flat();
    expect(vocabulary.orgTypeSpellings).toEqual(spellings);
    expect([...vocabulary.orgTypes.keys()]).toEqual(spellings.map(normalizeText));
    expect([...vocabulary.privateOwnership]).toEqual(PRIVATE_OWNERSHIP.map(normalizeText));
    expect([...vocabulary.totalRowLabels]).toEqual(TOTAL_ROW_LABELS.map(normalizeText));
  });

  it('adds a config’s words after the built-in ones; a total-row label keeps a colon inside', () => {
    const vocabulary = buildVocabulary({
      orgTypes: { school: ['Гимназия'] },
      totalRowLabels: ['Сумма: все районы:'],
    });
    expect(vocabulary.orgTypeSpellings[ORG_TYPE_NAMES.school.length]).toBe('Гимназия');
    expect(vocabulary.orgTypes.get('гимназия')).toBe('school');
    expect(vocabulary.orgTypeSpellings).toHaveLength(
      Object.values(ORG_TYPE_NAMES).flat().length + 1,
    );
    expect([...vocabulary.totalRowLabels].at(-1)).toBe('сумма: все районы');
  });
});

describe('MunicipalityIndex.closest', () => {
  it('suggests three names at most, nearest first, ties by name', () => {
    const index = new MunicipalityIndex(buildVocabulary());
    for (const name of ['Саа-Хем', 'Каа-Хем', 'Даа-Хем', 'Баа-Хем']) index.add(name, undefined);
    expect(index.closest('Хаа-Хем')).toEqual(['Баа-Хем', 'Даа-Хем', 'Каа-Хем']);
  });
});
