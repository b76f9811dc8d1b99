import { z } from 'zod';

/**
 * One line of the reviewed vocabulary: when a question contains one of `words`
 * (informal, slang, near-synonyms), also look for the code's own `code` terms.
 */
export interface VocabularyGroup {
  words: string[];
  code: string[];
}

/** A theme (platforms, images, consent, ...) of the vocabulary, as reviewed by communications staff. */
export interface VocabularyTheme {
  theme: string;
  /** True when a question using these words is about social media / online conduct at all. */
  domain: boolean;
  groups: VocabularyGroup[];
}

/** The informal vocabulary and synonym lists that retrieval expands questions with. */
export interface Vocabulary {
  themes: VocabularyTheme[];
}

const groupSchema = z.object({
  words: z.array(z.coerce.string().min(1)).min(1),
  code: z.array(z.coerce.string().min(1)).default([]),
});

const themeSchema = z.object({
  theme: z.string().min(1),
  domain: z.boolean().default(false),
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
  return { themes: result.data.themes };
}

/** Combines several vocabulary files into one. */
export function mergeVocabularies(parts: readonly Vocabulary[]): Vocabulary {
  return { themes: parts.flatMap((p) => p.themes) };
}
