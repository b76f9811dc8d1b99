import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/core/privacy/redact.js';

describe('redactPersonalData', () => {
  const cases: Array<[string, string, string, Array<[string, string]>]> = [
    ['mobile with dash', 'Bel me op 06-12345678 graag', 'Bel me op [telefoonnummer verwijderd] graag', [['phone', '06-12345678']]],
    ['mobile with spaces', 'nummer 06 12 34 56 78.', 'nummer [telefoonnummer verwijderd].', [['phone', '06 12 34 56 78']]],
    ['landline', 'School: 050-3123456', 'School: [telefoonnummer verwijderd]', [['phone', '050-3123456']]],
    ['international', 'App +31 6 12345678 of 0031612345678', 'App [telefoonnummer verwijderd] of [telefoonnummer verwijderd]', [['phone', '+31 6 12345678'], ['phone', '0031612345678']]],
    ['e-mail', 'Mail ouder.jansen@gmail.com even', 'Mail [e-mailadres verwijderd] even', [['email', 'ouder.jansen@gmail.com']]],
    ['both', 'a@b.nl en 0612345678', '[e-mailadres verwijderd] en [telefoonnummer verwijderd]', [['email', 'a@b.nl'], ['phone', '0612345678']]],
    ['a date is not a phone number', 'Op 12-05-2026 om 14:30', 'Op 12-05-2026 om 14:30', []],
    ['a short number is not a phone number', 'Groep 8 had 120 leerlingen', 'Groep 8 had 120 leerlingen', []],
    ['a postcode is not a phone number', '9712 AB Groningen', '9712 AB Groningen', []],
    ['a year range is not a phone number', 'schooljaar 2025-2026', 'schooljaar 2025-2026', []],
    ['nothing to find', 'Mag ik deze foto delen?', 'Mag ik deze foto delen?', []],
  ];
  it.each(cases)('%s', (_name, input, text, removed) => {
    const result = redactPersonalData(input);
    expect(result.text).toBe(text);
    expect(result.removed.map((r) => [r.kind, r.value])).toEqual(removed);
  });
});
