import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('dutch');
const stemCache = new Map<string, string>();
const keyCache = new Map<string, readonly string[]>();

/**
 * Folds forms Snowball leaves apart: apostrophe plurals after a vowel ("fotos" → "foto")
 * and diminutives ("filmpje(s)" → "film", "berichtje" → "bericht").
 */
function foldSurface(word: string): string {
  let w = word;
  if (w.length >= 5 && /[aeiouy]s$/.test(w) && !/(ees|ies|oos|aas|uus)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 7) {
    const dim = /^(.{3,}?)(etjes|etje|tjes|tje|pjes|pje|jes|je)$/.exec(w);
    if (dim?.[1] && !/(ie|ij)$/.test(dim[1]) && dim[2] !== undefined) w = dim[1];
  }
  return w;
}

/** Snowball Dutch stem of one normalised word (after folding plurals and diminutives). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer.stem(foldSurface(word));
    stemCache.set(word, s);
  }
  return s;
}

/**
 * The words a diminutive may come from. The suffix is ambiguous ("tweet-je", "kaart-je" but
 * "vrouw-tje", "film-pje", "man-n-etje"), so every reading is offered; only the ones the code or a
 * stored question contains will ever match.
 */
function diminutiveBases(word: string): string[] {
  const m = /^(.{3,})(je|jes)$/.exec(word);
  if (!m) return [];
  const stemPart = m[1]!;
  const bases = [stemPart];
  if (/[tp]$/.test(stemPart) && stemPart.length >= 4) bases.push(stemPart.slice(0, -1));
  const etje = /^(.{2,}?)(.)\2et$/.exec(stemPart);
  if (etje) bases.push(etje[1]! + etje[2]!);
  return bases.filter((b) => b.length >= 3);
}

/**
 * All index keys of a word. Snowball does not unify Dutch verb and noun forms
 * ("deelt"/"delen", "plaats"/"plaatsen", "gepost"/"posten"), so a word gets the stems of its
 * plausible base forms too; two words match when their key sets intersect.
 */
export function wordKeys(word: string): readonly string[] {
  const cached = keyCache.get(word);
  if (cached) return cached;
  const bases = new Set<string>([word]);
  const folded = foldSurface(word);
  bases.add(folded);
  if (folded.length >= 5 && /[td]$/.test(folded)) bases.add(folded.slice(0, -1));
  // A noun in -heid shares the stem of its adjective: onveiligheid/onveilig, verlegenheid/verlegen.
  if (folded.length >= 9 && folded.endsWith('heid')) bases.add(folded.slice(0, -4));
  // Dutch spells a stem-final v as f at the end of a syllable: blijft/blijven, geeft/geven.
  for (const base of Array.from(bases)) {
    if (base.length >= 4 && /[^f]f$/.test(base)) bases.add(`${base.slice(0, -1)}v`);
  }
  if (folded.length >= 6 && folded.startsWith('ge') && /[td]$/.test(folded)) {
    bases.add(folded.slice(2, -1));
    bases.add(folded.slice(2));
  }
  for (const base of diminutiveBases(word)) bases.add(base);
  const keys = new Set<string>();
  for (const base of bases) {
    keys.add(stemmer.stem(base));
    if (base.length >= 3 && !/(en|e)$/.test(base)) keys.add(stemmer.stem(`${base}en`));
  }
  const out = [stem(word), ...[...keys].filter((k) => k !== stem(word) && k.length >= 3)];
  keyCache.set(word, out);
  return out;
}
