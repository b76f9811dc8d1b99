import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { codeLead, type CodeLead } from '../answers/answer-card.js';
import { DRAFT_INPUT_ID, MEDIA_INPUT_ID, POSTING_VERBS } from './posting-actions.js';

export type StartLead = CodeLead;

/**
 * First card of "Mag ik dit posten?": paste the draft (optional) and say whether a photo or video
 * comes with it. Started from a natural request ("mag ik een foto van mijn klas op insta zetten"),
 * it first quotes what the code says about it, so the user has an answer before any question.
 */
export function postingStartCard(organisation: string, lead?: StartLead, draft?: string): AdaptiveCard {
  const intro: CardElement[] = lead
    ? [
        ...codeLead(lead),
        textBlock('Mag jouw bericht online? Plak het hieronder of beschrijf wat je wilt posten, dan stel ik een paar korte vragen.', { weight: 'Bolder', spacing: 'Medium' }),
      ]
    : [
        textBlock('Mag ik dit posten?', { size: 'Large', weight: 'Bolder' }),
        textBlock(
          `Plak je bericht hieronder, of beschrijf wat je wilt posten (dat mag ook gewoon in de chat). ` +
            `Ik kijk eerst mee en stel daarna een paar korte vragen. ` +
            `Het antwoord komt uit de code sociale media van ${organisation}.`,
        ),
      ];
  return card(
    [
      ...intro,
      {
        type: 'Input.Text',
        id: DRAFT_INPUT_ID,
        isMultiline: true,
        maxLength: 5000,
        placeholder: 'Je bericht of wat je wilt posten (mag ook leeg blijven)',
        label: 'Je bericht',
        // Back from "Controleer mijn bericht": what the teacher pasted is still there.
        ...(draft ? { value: draft } : {}),
      },
      { type: 'Input.Toggle', id: MEDIA_INPUT_ID, title: 'Er zit een foto of video bij', value: 'false', valueOn: 'true', valueOff: 'false' },
      textBlock('Je bericht wordt niet bewaard.', { size: 'Small', isSubtle: true }),
    ],
    [
      submit('Controleer mijn bericht', POSTING_VERBS.draft, {}, { style: 'positive' }),
      submit('Sla over', POSTING_VERBS.skipDraft, {}, { associatedInputs: 'none' }),
    ],
  );
}

