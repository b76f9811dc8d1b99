const STOP_WORDS = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'in', 'op', 'met', 'te', 'bij', 'over', 'aan', 'dat', 'die']);
// Labels that open an appendix or letter say nothing about its topic.
const LABEL_WORDS = new Set(['betreft', 'bijlage', 'aanvulling']);

/** Short, readable id part for an unnumbered heading: "Hou privé en werk gescheiden" → "hou-prive", "Don’ts:" → "donts". */
export function slugify(heading: string): string {
  const words = heading
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const topical = meaningful.length > 1 ? meaningful.filter((word, index) => index > 0 || !LABEL_WORDS.has(word)) : meaningful;
  const [first, second] = topical.length > 0 ? topical : words;
  if (!first) return 'sectie';
  return first.length < 4 && second ? `${first}-${second}` : first;
}
