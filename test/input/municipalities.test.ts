// SPEC 3: municipality names match after normalisation; the regional level
// is its own row; an unknown name gets the closest known ones.
import { describe, expect, it } from 'vitest';
import { MunicipalityIndex, municipalityKey } from '../../src/input/municipalities.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';

describe('municipalityKey', () => {
  it('г. Кызыл = Город Кызыл = городской округ город Кызыл ≠ Кызылский кожуун', () => {
    const kyzyl = municipalityKey('г. Кызыл');
    for (const spelling of [
      'Город Кызыл',
      'городской округ город Кызыл',
      'г.Кызыл',
      'г Кызыл',
      'Кызыл',
      '  Г.  КЫЗЫЛ ',
      'Городской округ «Город Кызыл»',
    ]) {
      expect(municipalityKey(spelling), spelling).toBe(kyzyl);
    }
    expect(municipalityKey('Кызылский кожуун')).not.toBe(kyzyl);
    expect(municipalityKey('Кызылский кожуун')).toBe(municipalityKey('Кызылский район'));
  });

  it('Тоджинский = Тоджинский кожуун = муниципальный район «Тоджинский кожуун»', () => {
    const key = municipalityKey('Тоджинский кожуун');
    expect(municipalityKey('Тоджинский')).toBe(key);
    expect(municipalityKey('муниципальный район «Тоджинский кожуун»')).toBe(key);
    expect(municipalityKey('Тоджинский муниципальный район')).toBe(key);
    expect(municipalityKey('Тоджинский муниципальный округ')).toBe(key);
  });

  it('dash variants are one dash', () => {
    const key = municipalityKey('Каа-Хемский кожуун');
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']) {
      expect(municipalityKey(`Каа${dash}Хемский кожуун`), `U+${dash.codePointAt(0)}`).toBe(key);
    }
    expect(municipalityKey('Каа - Хемский кожуун')).toBe(key);
  });

  it('ё = е, and quotes are dropped', () => {
    expect(municipalityKey('Чёдинский')).toBe(municipalityKey('Чединский кожуун'));
    expect(municipalityKey('"Пий-Хемский кожуун"')).toBe(municipalityKey('Пий-Хемский'));
  });

  it('keeps names apart that differ by more than the generic words', () => {
    expect(municipalityKey('Барун-Хемчикский кожуун')).not.toBe(
      municipalityKey('Дзун-Хемчикский кожуун'),
    );
    expect(municipalityKey('г. Ак-Довурак')).not.toBe(municipalityKey('г. Кызыл'));
  });
});

describe('MunicipalityIndex', () => {
  const build = () => {
    const index = new MunicipalityIndex(buildVocabulary());
    for (const name of ['г. Кызыл', 'Кызылский кожуун', 'Тоджинский кожуун', 'Республика Тыва'])
      index.add(name, undefined);
    return index;
  };

  it('keeps the headcount file spelling as the name', () => {
    const index = build();
    expect(index.byName('городской округ город Кызыл')?.name).toBe('г. Кызыл');
    expect(index.byName('Тоджинский')?.name).toBe('Тоджинский кожуун');
    expect(index.byName('Кызылский район')?.name).toBe('Кызылский кожуун');
  });

  it('knows the regional level as Республика Тыва and Региональный уровень', () => {
    const index = build();
    const regional = index.byName('Региональный уровень');
    expect(regional).toEqual({ name: 'Республика Тыва', level: 'regional' });
    expect(index.byName('РЕСПУБЛИКА ТЫВА')).toBe(regional);
    expect(index.all().filter((m) => m.level === 'regional')).toHaveLength(1);
  });

  it('names the region after the vocabulary when the headcounts say Региональный уровень', () => {
    const index = new MunicipalityIndex(buildVocabulary());
    expect(index.add('Региональный уровень', undefined)).toEqual({
      name: 'Республика Тыва',
      level: 'regional',
    });
  });

  it('suggests the closest known names for an unknown one', () => {
    const index = build();
    expect(index.byName('Тоджа')).toBeUndefined();
    expect(index.closest('Тоджинскийй кожуун')[0]).toBe('Тоджинский кожуун');
    expect(index.closest('Кызыльский')[0]).toBe('Кызылский кожуун');
    expect(index.closest('Кызыл-Мажалык').length).toBeGreaterThan(0);
    expect(index.closest('Кызыл-Мажалык').length).toBeLessThanOrEqual(3);
  });

  it('matches by OKTMO code, also an 11-digit code by its 8-digit municipality prefix', () => {
    const index = new MunicipalityIndex(buildVocabulary());
    index.add('г. Кызыл', '93701000');
    expect(index.byCode('93701000')?.name).toBe('г. Кызыл');
    expect(index.byCode('93701000001')?.name).toBe('г. Кызыл');
    expect(index.byCode('93610000')).toBeUndefined();
  });

  it('uses config aliases for names normalisation cannot match', () => {
    const index = new MunicipalityIndex(
      buildVocabulary({ municipalities: { 'Тоджинский кожуун': ['Тоджа'] } }),
    );
    index.add('Тоджинский кожуун', undefined);
    expect(index.byName('Тоджа')?.name).toBe('Тоджинский кожуун');
  });
});
