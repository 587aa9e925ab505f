// Municipalities in alphabetical order, as Russian readers expect it: the
// order of ICU's Russian collator (Intl.Collator('ru')), and, for names it
// ranks equal (a soft hyphen apart), the order of their code units, so that
// the order of the input never shows in a report.
//
// Creating an ICU collator loads its collation data, about 10 ms: on the
// bundled fixtures a tenth of the run. Most names need none of it. A
// collator compares two strings letter by letter first, ignoring case and
// accents (its primary level), and looks at accents and case only when the
// letters are all equal. For the letters, digits and punctuation of
// PRIMARY_ORDER that first comparison is done here, by their rank in that
// list; names equal at that level, or holding any other character, go to the
// collator, created on first use. test/domain/names.test.ts holds the ranks
// and the comparison to the collator's.

/**
 * Characters in the collator's primary order; characters in one group are
 * equal at that level (a letter's cases, е and ё). Kept to characters that
 * are one collation element each: № (which the collator reads as "No") and
 * Latin letters (ranked after Cyrillic in Russian) are left to the collator.
 */
export const PRIMARY_ORDER: readonly string[] = [
  ' ',
  '-',
  ',',
  '.',
  "'",
  '"',
  '«',
  '»',
  '(',
  ')',
  '/',
  ...'0123456789',
  ...'абвгд',
  'еёЕЁ',
  ...'жзийклмнңоөпрстуүфхцчшщъыьэюя',
].map((group) =>
  group.length === 1 && group.toUpperCase() !== group ? group + group.toUpperCase() : group,
);

/** Rank + 1 by UTF-16 code unit; 0 for a character left to the collator. */
const RANK = (() => {
  const ranks = new Uint8Array(0x500);
  PRIMARY_ORDER.forEach((group, rank) => {
    for (const char of group) ranks[char.charCodeAt(0)] = rank + 1;
  });
  return ranks;
})();

let collator: Intl.Collator | undefined;

/** The collator's comparison of a and b; the order of code units for names it ranks equal. */
function collated(a: string, b: string): number {
  collator ??= new Intl.Collator('ru');
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Negative when name a comes first, positive when b does, 0 only for the same name. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const rankA = x < 0x500 ? (RANK[x] as number) : 0;
    const rankB = y < 0x500 ? (RANK[y] as number) : 0;
    if (rankA === 0 || rankB === 0) return collated(a, b);
    if (rankA !== rankB) {
      // Decided here if the rest of both names is ranked too.
      return ranked(a, i + 1) && ranked(b, i + 1) ? rankA - rankB : collated(a, b);
    }
  }
  // Equal letters as far as the shorter name goes: the shorter comes first,
  // unless case or accents are all that differ.
  return a.length !== b.length && ranked(a, length) && ranked(b, length)
    ? a.length - b.length
    : collated(a, b);
}

/** Whether every character of text from `from` on has a rank. */
function ranked(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x500 || RANK[code] === 0) return false;
  }
  return true;
}
