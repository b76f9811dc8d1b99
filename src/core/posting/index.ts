export * from './types.js';
export { decide } from './engine.js';
export { evaluate, factsOf, holds } from './condition.js';
export { validatePostingDefinition, postingDefinitionSchema, postingJsonSchema, postingSchemaFileText } from './schema.js';
export { precheckDraft, type PrecheckContext, type PrecheckFinding, type PrecheckResult, type ProposedFact, type FindingKind } from './precheck.js';
export { isPostingRequest } from './intent.js';
export { checkDefinition } from './check-definition.js';
export * from './session.js';
