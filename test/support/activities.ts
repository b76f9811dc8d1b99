import type { TeamsMember } from './fake-connector.js';

/** Builders for Teams-like activities as the Teams channel sends them. */
export interface TestUser {
  id: string;
  aadObjectId: string;
  name: string;
  conversationId: string;
  /** The user's Teams tenant; TENANT unless a test plays several tenants. */
  tenant?: string;
}

export const TENANT = '11111111-2222-3333-4444-555555555555';

export function user(name: string, n: number, tenant?: string): TestUser {
  const hex = n.toString(16).padStart(12, '0');
  return { id: `29:user-${name}`, aadObjectId: `aaaaaaaa-0000-0000-0000-${hex}`, name, conversationId: `a:personal-${name}`, ...(tenant ? { tenant } : {}) };
}

/**
 * The user as Teams' member look-up describes them (TeamsChannelAccount): the UPN and e-mail that
 * activities never carry. `email` defaults to the UPN, as in most tenants.
 */
export function teamsMember(from: TestUser, upn: string, email = upn): TeamsMember {
  const [givenName, ...rest] = from.name.split(' ');
  return {
    id: from.id,
    name: from.name,
    aadObjectId: from.aadObjectId,
    userPrincipalName: upn,
    email,
    givenName: givenName ?? from.name,
    surname: rest.join(' '),
    tenantId: from.tenant ?? TENANT,
    userRole: 'user',
  };
}

let seq = 0;

function base(from: TestUser, serviceUrl: string, tenant = from.tenant ?? TENANT): Record<string, unknown> {
  return {
    id: `act-${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:mediawijs', name: 'Mediawijs' },
    conversation: { id: from.conversationId, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    locale: 'nl-NL',
  };
}

export function message(from: TestUser, text: string, serviceUrl: string, tenant?: string): Record<string, unknown> {
  return { ...base(from, serviceUrl, tenant), type: 'message', text, textFormat: 'plain' };
}

/** An Action.Submit click: a message without text whose value carries the card data. */
export function submit(from: TestUser, value: Record<string, unknown>, serviceUrl: string): Record<string, unknown> {
  return { ...base(from, serviceUrl), type: 'message', value };
}

/** An Action.Execute click (adaptiveCard/action invoke). */
export function execute(from: TestUser, verb: string, data: Record<string, unknown>, serviceUrl: string, replyToId?: string): Record<string, unknown> {
  return {
    ...base(from, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function installed(from: TestUser, serviceUrl: string): Record<string, unknown> {
  return {
    ...base(from, serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:mediawijs' }, { id: from.id, aadObjectId: from.aadObjectId }],
  };
}

/** The installationUpdate Teams sends (together with a conversationUpdate) when a user adds the app. */
export function installation(from: TestUser, serviceUrl: string): Record<string, unknown> {
  return { ...base(from, serviceUrl), type: 'installationUpdate', action: 'add' };
}
