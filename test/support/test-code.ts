import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';

/** A section of the small test code below ("t:<id>"), under one heading, for staff. */
export const testSection = (id: string, text: string): Section => ({ id: `t:${id}`, org: 't', headingPath: ['Regels'], audience: ['medewerkers'], text });

/** A small code of "Testbestuur" with the given sections, for retrieval unit tests. */
export const testCode = (sections: Section[]): KnowledgeDocument =>
  ({ org: 't', organisation: 'Testbestuur', title: 'Code', version: '1', sections }) as unknown as KnowledgeDocument;
