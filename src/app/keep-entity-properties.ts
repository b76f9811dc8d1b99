import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * botframework-connector 4.23 serialises every outgoing entity with its `Entity` mapper, which knows
 * only `type`, `text` and `mentioned`: the schema.org Message entity that gives Teams its "AI
 * generated" label and citations would reach Teams as `{ type }` alone. `Activity.entities` already
 * declares that entities keep additional properties; this makes the `Entity` mapper agree, once,
 * for the one copy of the connector the bot uses. Mentions serialise as before.
 */
export function keepEntityProperties(): void {
  const mappers = require('botframework-connector/lib/connectorApi/models/mappers.js') as { Entity?: { type: { additionalProperties?: unknown } } };
  if (mappers.Entity && !mappers.Entity.type.additionalProperties) mappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
}
