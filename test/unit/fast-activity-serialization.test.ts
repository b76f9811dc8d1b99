import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { keepEntityProperties } from '../../src/app/keep-entity-properties.js';
import { serializeActivitiesFast } from '../../src/app/fast-activity-serialization.js';
import { answerCard } from '../../src/cards/answers/answer-card.js';

const require = createRequire(import.meta.url);
const connector = createRequire(require.resolve('botframework-connector'));
const mappers = connector('botframework-connector/lib/connectorApi/models/mappers.js') as Record<string, { type: object }>;
const core = connector('@azure/core-client') as { createSerializer(mappers: object, isXML?: boolean): { serialize(mapper: object, value: unknown, name?: string): unknown } };

keepEntityProperties();
// The library's own result, taken before the fast path is installed: the reference to match.
const reference = core.createSerializer(mappers, false);
const originalSerialize = Object.getPrototypeOf(reference).serialize as (this: unknown, mapper: object, value: unknown, name?: string) => unknown;
const librarySerialize = (value: unknown) => originalSerialize.call(reference, { ...mappers['Activity'], required: true }, value, 'activity');

const account = { id: '29:1abc', name: 'Juf Anna', aadObjectId: 'aad-1', role: 'user' };
const samples: Record<string, unknown>[] = [
  {
    type: 'message',
    from: { id: '28:bot', name: 'Mediawijs' },
    recipient: account,
    conversation: { id: 'a:1conv', conversationType: 'personal', tenantId: 't1', isGroup: false },
    replyToId: 'act-1',
    serviceUrl: 'https://smba.example/',
    channelId: 'msteams',
    locale: 'nl-NL',
    timestamp: new Date('2026-01-02T03:04:05.678Z'),
    summary: 'Antwoord uit de code sociale media',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x', extra: undefined }], nullish: null } }],
    entities: [
      { type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '', additionalType: ['AIGeneratedContent'], citation: [{ '@type': 'Claim', position: 1 }] },
      { type: 'mention', text: '<at>Anna</at>', mentioned: account },
    ],
    channelData: { feedbackLoopEnabled: true, tenant: { id: 't1' } },
    text: undefined,
    value: null,
    unknownTopLevel: 'dropped by the mapper',
    relatesTo: { activityId: 'a', user: account, bot: account, conversation: { id: 'c' }, channelId: 'msteams', serviceUrl: 'https://s/' },
    suggestedActions: { to: ['a', 'b'], actions: [{ type: 'imBack', title: 'Ja', value: 'ja' }] },
    textHighlights: [{ text: 'x', occurrence: 1 }],
    importance: 'normal',
    expiration: new Date('2027-01-01T00:00:00Z'),
  },
  { type: 'typing' },
  { type: 'invokeResponse', value: { status: 200, body: {} } },
  { type: 'message', text: 'Hallo', inputHint: 'acceptingInput', membersAdded: [account, null], reactionsAdded: [{ type: 'like' }] },
];

describe('fast Activity serialization', () => {
  serializeActivitiesFast();
  const fast = core.createSerializer(mappers, false);
  const serialize = (value: unknown) => fast.serialize({ ...mappers['Activity'], required: true }, value, 'activity');

  it('gives the JSON the library gives, property for property and in the same order', () => {
    samples.push({ ...(samples[0] as object), attachments: [answerCardAttachment()] });
    for (const sample of samples) {
      expect(JSON.stringify(serialize(sample))).toBe(JSON.stringify(librarySerialize(sample)));
    }
  });

  it('leaves values it does not handle (wrong types, date strings) to the library, errors included', () => {
    const odd = [
      { type: 'message', timestamp: '2026-01-02T03:04:05Z' },
      { type: 'message', text: new String('boxed') },
      { type: 'message', attachments: 'not a list' },
      { type: 'message', text: 42 },
      { type: 'message', from: 'not an account' },
    ];
    for (const value of odd) {
      let expected: unknown;
      let actual: unknown;
      try {
        expected = JSON.stringify(librarySerialize(value));
      } catch (error) {
        expected = (error as Error).message;
      }
      try {
        actual = JSON.stringify(serialize(value));
      } catch (error) {
        actual = (error as Error).message;
      }
      expect(actual).toBe(expected);
    }
  });
});

function answerCardAttachment(): unknown {
  const section = { id: 'oog:1.1', title: 'Foto’s', path: ['1', '1.1'], text: 'Vraag toestemming.', headings: [] };
  const card = answerCard({ section, quote: 'Vraag toestemming.', citation: 'Code, 1.1' } as never, [], 'answer-1', 'leidinggevende');
  return card;
}
