import { z } from 'zod';

/**
 * One line of the reviewed vocabulary: when a question contains one of `words`
 * (informal, slang, near-synonyms), also look for the code's own `code` terms.
 */
export interface VocabularyGroup {
  words: string[];
  code: string[];
  /** How much a question word of this group says about the topic (overrides the theme's weight). */
  weight?: number;
}

/** Who a theme's words refer to, for the audience prior (same names as section audiences). */
export type VocabularyAudience = 'medewerkers' | 'leerlingen' | 'leidinggevenden' | 'ouders';

/** A theme (platforms, images, consent, ...) of the vocabulary, as reviewed by communications staff. */
export interface VocabularyTheme {
  theme: string;
  /** True when a question using these words is about social media / online conduct at all. */
  domain: boolean;
  /**
   * How much a question word of this theme says about the topic, 0..1 (default 1). Words that only
   * point at the code itself ("code", "protocol") or at social media in general ("online", "insta")
   * are in nearly every section, so they count little.
   */
  weight?: number;
  /** When set, the words of this theme name a group of people (pupils, parents, staff). */
  audience?: VocabularyAudience;
  /**
   * True when the words name a tool or an operation on it (a platform, an account, a post, a photo)
   * rather than a topic of the code: "hoe maak ik een account?" asks for a manual, not a rule.
   */
  tool?: boolean;
  groups: VocabularyGroup[];
}

/** The informal vocabulary and synonym lists that retrieval expands questions with. */
export interface Vocabulary {
  themes: VocabularyTheme[];
}

const groupSchema = z.object({
  words: z.array(z.coerce.string().min(1)).min(1),
  code: z.array(z.coerce.string().min(1)).default([]),
  weight: z.number().min(0).max(1).optional(),
});

const themeSchema = z.object({
  theme: z.string().min(1),
  domain: z.boolean().default(false),
  weight: z.number().min(0).max(1).optional(),
  audience: z.enum(['medewerkers', 'leerlingen', 'leidinggevenden', 'ouders']).optional(),
  tool: z.boolean().default(false),
  groups: z.array(groupSchema).default([]),
});

const fileSchema = z.object({ themes: z.array(themeSchema) });

/** An empty vocabulary: retrieval then relies on stemming, compounds and typo tolerance only. */
export const EMPTY_VOCABULARY: Vocabulary = { themes: [] };

/**
 * Validates one parsed vocabulary file (`knowledge/vocabulary/*.yaml`).
 * Throws an Error with a Dutch message naming the file when the shape is wrong.
 */
export function parseVocabulary(raw: unknown, source = 'vocabulaire'): Vocabulary {
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new Error(`Woordenlijst ${source} is ongeldig${where ? ` bij ${where}` : ''}: ${issue?.message ?? 'onbekende fout'}`);
  }
  return {
    themes: result.data.themes.map((t) => ({
      theme: t.theme,
      domain: t.domain,
      ...(t.weight !== undefined ? { weight: t.weight } : {}),
      ...(t.audience ? { audience: t.audience } : {}),
      ...(t.tool ? { tool: true } : {}),
      groups: t.groups.map((g) => ({ words: g.words, code: g.code, ...(g.weight !== undefined ? { weight: g.weight } : {}) })),
    })),
  };
}

/** Combines several vocabulary files into one. */
export function mergeVocabularies(parts: readonly Vocabulary[]): Vocabulary {
  return { themes: parts.flatMap((p) => p.themes) };
}
