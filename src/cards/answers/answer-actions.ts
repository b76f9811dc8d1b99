import { z } from 'zod';

/** Verbs of the answer cards (👍/👎) and the "Bedoel je…?" card, declared here only. */
export const FEEDBACK_VERB = 'feedback';
/** "Bedoel je…?" button: opens one of the offered passages. */
export const CHOOSE_CANDIDATE_VERB = 'answer.choose';

/** The card carries only the remembered answer's id: the question is looked up server-side. */
export const feedbackPayload = z.object({ answerId: z.string().max(100), rating: z.enum(['up', 'down']) });
export const choosePayload = z.object({ answerId: z.string().max(100), sectionId: z.string().max(200) });
