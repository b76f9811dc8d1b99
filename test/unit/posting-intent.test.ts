import { describe, expect, it } from 'vitest';
import { isPostingRequest } from '../../src/core/posting/intent.js';

describe('isPostingRequest', () => {
  it.each([
    'mag ik dit posten?',
    'Mag ik een foto van mijn klas op insta zetten',
    'kan ik dit tweeten',
    'mag ik dit delen op facebook',
    'Kan ik deze video uploaden naar YouTube?',
    'Ik wil een filmpje van de musical op TikTok zetten, mag dat?',
    'Mag ik reageren op een ouder die op Facebook klaagt?',
    'Kun je mijn bericht checken voordat ik het plaats?',
    'Controleer dit bericht even',
    'mag ik deze blog publiceren',
    'Mag ik dit posten? Een foto van het schoolplein, maar ik twijfel nog',
  ])('recognises "%s"', (text) => {
    expect(isPostingRequest(text)).toBe(true);
  });

  it.each([
    'wie is verantwoordelijk voor wat ik post',
    'Wat zegt de code over WhatsApp met ouders?',
    'Wat mag ik wel en niet delen over leerlingen?',
    'Hoe werkt de privacy-instelling van Instagram?',
    'Mag ik in de les mijn telefoon gebruiken?',
    'Wanneer moet ik de leidinggevende inschakelen?',
    'hoi',
    '',
    // Contact, not publishing: answered from the code, without a posting form.
    'moeder van een leerling stuurt me een vriendschapsverzoek op fb, mag ik die accepteren?',
    'Mag ik een volgverzoek van een leerling op Instagram accepteren?',
  ])('leaves "%s" to the question answerer', (text) => {
    expect(isPostingRequest(text)).toBe(false);
  });
});
