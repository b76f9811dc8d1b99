import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/core/knowledge/citation.js';
import type { Section } from '../../src/core/knowledge/types.js';

const doc = { organisation: 'Konot', title: 'Social Media Protocol' };
const section = (headingPath: string[], rule?: string): Section => ({ id: 'x:1', org: 'x', headingPath, audience: ['medewerkers'], text: 't', ...(rule ? { rule } : {}) });

describe('formatCitation', () => {
  it.each([
    [section(['3 Richtlijnen', '3.1 Richtlijnen sociale media voor medewerkers'], '8'), 'Konot, Social Media Protocol, 3.1 Richtlijnen sociale media voor medewerkers, regel 8'],
    [section(['In de praktijk', 'Don’ts:']), 'Konot, Social Media Protocol, Don’ts'],
    [section([], '4'), 'Konot, Social Media Protocol, regel 4'],
    [section([]), 'Konot, Social Media Protocol'],
  ])('cites %j', (s, expected) => {
    expect(formatCitation(doc, s)).toBe(expected);
  });
});
