// Municipality names as people write them. "г. Кызыл", "Город Кызыл" and
// "городской округ город Кызыл" are one municipality; "Кызылский кожуун" is
// another (SPEC 3).
import type { Municipality } from '../domain/organisations.js';
import { normalizeText } from './values.js';
import { REGIONAL_LEVEL_NAMES, type Vocabulary } from './vocabulary.js';

const GENERIC_WORDS =
  /(^|\s)(городской округ|муниципальный район|муниципальный округ|город|г\.?|район|кожуун)(?=\s|$)/g;

/** The key two spellings of one municipality share. */
export function municipalityKey(name: string): string {
  let text = normalizeText(name)
    .replace(/(^|\s)г\.(?=\S)/g, '$1г. ')
    // "Каа - Хемский", typed by hand, is "Каа-Хемский".
    .replace(/ ?- ?/g, '-');
  // Apply twice: removing one word can bring the next to a word boundary.
  text = text.replace(GENERIC_WORDS, ' ').replace(GENERIC_WORDS, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}

/** Spellings whose keys are remembered: more than a country has municipalities. */
const KEYS_LIMIT = 50_000;

/** The municipalities of the headcount file, and how other spellings find them. */
export class MunicipalityIndex {
  private readonly byKey = new Map<string, Municipality>();
  private readonly byOktmo = new Map<string, Municipality>();
  private readonly regionalKeys: Set<string>;
  /** Keys of the spellings seen: a national file repeats a few thousand names in every group. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly vocabulary: Vocabulary) {
    this.regionalKeys = new Set([vocabulary.region, ...REGIONAL_LEVEL_NAMES].map(municipalityKey));
  }

  /** The config's name for a spelling, when it gives one. */
  private aliasOf(name: string): string | undefined {
    const aliases = this.vocabulary.municipalityAliases;
    return aliases.size === 0 ? undefined : aliases.get(normalizeText(name));
  }

  /** The canonical key of a spelling: through config aliases, then normalisation. */
  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = municipalityKey(this.aliasOf(name) ?? name);
      if (this.regionalKeys.has(key)) key = '\u0000regional';
      if (this.keys.size < KEYS_LIMIT) this.keys.set(name, key);
    }
    return key;
  }

  isRegional(name: string): boolean {
    return this.keyOf(name) === '\u0000regional';
  }

  /** Registers a name from the headcount file; the first spelling seen names it. */
  add(name: string, oktmo: string | undefined): Municipality {
    const key = this.keyOf(name);
    let municipality = this.byKey.get(key);
    if (!municipality) {
      const canonical = this.aliasOf(name);
      municipality =
        key === '\u0000regional'
          ? { name: this.vocabulary.region, level: 'regional' }
          : { name: canonical ?? name.trim().replace(/\s+/g, ' '), level: 'municipality' };
      this.byKey.set(key, municipality);
    }
    if (oktmo && !this.byOktmo.has(oktmo)) this.byOktmo.set(oktmo, municipality);
    return municipality;
  }

  byName(name: string): Municipality | undefined {
    return this.byKey.get(this.keyOf(name));
  }

  /** By OKTMO code, exactly or by the municipality's 8-digit prefix. */
  byCode(oktmo: string): Municipality | undefined {
    return (
      this.byOktmo.get(oktmo) ??
      (oktmo.length > 8 ? this.byOktmo.get(oktmo.slice(0, 8)) : undefined)
    );
  }

  all(): Municipality[] {
    return [...this.byKey.values()];
  }

  /** The known names closest to an unknown one, best first; names far behind the best are left out. */
  closest(name: string, count = 3): string[] {
    const key = municipalityKey(name);
    const ranked = this.all()
      .map((m) => ({ name: m.name, distance: editDistance(key, municipalityKey(m.name)) }))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'ru'));
    const best = ranked[0]?.distance ?? 0;
    return ranked
      .filter((m) => m.distance <= best + 3)
      .slice(0, count)
      .map((m) => m.name);
  }
}
