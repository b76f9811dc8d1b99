import { describe, expect, it } from 'vitest';
import { isDoubtRequest } from '../../src/core/doubts/doubt-intent.js';

describe('isDoubtRequest', () => {
  const positives = [
    'ik twijfel of ik dit mag delen',
    'Ik weet niet of ik dit mag posten, kan ik het aan mijn leidinggevende vragen?',
    'ik ben er niet zeker van of ik die foto mag plaatsen',
    'Ik vraag me af of deze video online kan',
    'Kan ik dit voorleggen aan mijn teamleider?',
    'ik wil dit bericht graag aan mijn leidinggevende laten zien, kan dat? stuur het naar mijn leidinggevende',
    'Ik weet eigenlijk niet zeker of dit bericht kan',
    'ik durf dit niet te posten',
    'Wil je dit aan mijn directeur vragen?',
  ];
  const negatives = [
    'Wat moet ik doen bij twijfel?',
    'wat moet ik doen als ik twijfel over een foto?',
    'Wie is mijn leidinggevende?',
    'Mag ik foto\'s van leerlingen op Instagram zetten?',
    'mijn vragen',
    'hoi',
    '',
    'Wat zegt de code over privacy van leerlingen?',
  ];
  it.each(positives)('recognises "%s"', (text) => expect(isDoubtRequest(text)).toBe(true));
  it.each(negatives)('does not treat "%s" as a doubt request', (text) => expect(isDoubtRequest(text)).toBe(false));
});
