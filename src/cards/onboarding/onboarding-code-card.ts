import type { KnowledgeDocument, Section } from '../../core/knowledge/types.js';
import { ONBOARDING_VERBS } from '../../core/onboarding/actions.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { verbatim } from '../shared/quote.js';

/** A part of the code under one top-level heading, in document order. */
export interface CodeChapter {
  title: string;
  sections: Section[];
}

/** The code split by its top-level headings; text before the first heading is "Begin van de code". */
export function codeChapters(knowledge: KnowledgeDocument): CodeChapter[] {
  const chapters: CodeChapter[] = [];
  for (const section of knowledge.sections) {
    const title = section.headingPath[0]?.trim().replace(/\s*:\s*$/, '') || 'Begin van de code';
    const last = chapters.at(-1);
    if (last && last.title === title) last.sections.push(section);
    else chapters.push({ title, sections: [section] });
  }
  return chapters;
}

const backToFinish = () => submit('Terug naar de afronding', ONBOARDING_VERBS.resume, {}, { style: 'positive' });

/**
 * Before confirming, the teacher can read the whole code: its chapters, each opened as a card
 * with every passage word for word (one chapter per card keeps each card well under Teams' size limit).
 */
export function codeContentsCard(knowledge: KnowledgeDocument): AdaptiveCard {
  const chapters = codeChapters(knowledge);
  const version = knowledge.version ? ` (versie ${knowledge.version})` : '';
  return card(
    [
      textBlock(`${knowledge.title} van ${knowledge.organisation}${version}`, { size: 'Medium', weight: 'Bolder' }),
      textBlock('Kies een deel om het helemaal te lezen.'),
      ...chapters.map(
        (c, i): CardElement => ({
          type: 'Container',
          separator: i > 0,
          selectAction: { type: 'Action.Submit', title: c.title, data: { verb: ONBOARDING_VERBS.readCode, chapter: i } },
          items: [textBlock(`📖 ${c.title}`, { color: 'Accent' }), textBlock(`${c.sections.length} ${c.sections.length === 1 ? 'stuk' : 'stukken'}`, { size: 'Small', isSubtle: true, spacing: 'None' })],
        }),
      ),
    ],
    [submit('Begin bij deel 1', ONBOARDING_VERBS.readCode, { chapter: 0 }), backToFinish()],
  );
}

/** One chapter, word for word, with its sub-headings and rule numbers, and a way on. */
export function codeChapterCard(knowledge: KnowledgeDocument, index: number): AdaptiveCard {
  const chapters = codeChapters(knowledge);
  const chapter = chapters[index];
  if (!chapter) return codeContentsCard(knowledge);
  const body: CardElement[] = [
    textBlock(`Deel ${index + 1} van ${chapters.length}`, { size: 'Small', isSubtle: true, weight: 'Bolder' }),
    textBlock(chapter.title, { size: 'Medium', weight: 'Bolder' }),
  ];
  let heading = '';
  for (const s of chapter.sections) {
    const sub = s.headingPath.slice(1).join(' › ');
    if (sub && sub !== heading) body.push(textBlock(sub, { weight: 'Bolder', spacing: 'Medium' }));
    heading = sub;
    if (s.rule) body.push(textBlock(`Regel ${s.rule}`, { size: 'Small', weight: 'Bolder', spacing: 'Small' }));
    body.push(verbatim(s.text));
  }
  const actions = [];
  if (index + 1 < chapters.length) actions.push(submit('Volgend deel', ONBOARDING_VERBS.readCode, { chapter: index + 1 }));
  actions.push(submit('Alle delen', ONBOARDING_VERBS.readCode, {}), backToFinish());
  return card(body, actions);
}
