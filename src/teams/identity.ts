import type { TurnContext } from 'botbuilder';

/** Who sent this activity: the Azure AD object id when Teams provides it, else the channel user id. */
export interface Actor {
  id: string;
  name?: string;
  /** From the member look-up (Teams activities do not carry it). */
  upn?: string;
  email?: string;
}

/** Where the turn's sender, once identified by the member look-up, is kept for the rest of the turn. */
export const ACTOR_KEY = Symbol('mediawijs.actor');

/** The sender with their UPN and e-mail when this turn identified them (see member-identity.ts), else as the activity names them. */
export function actorOf(context: TurnContext): Actor {
  const resolved = context.turnState.get<Actor | undefined>(ACTOR_KEY);
  if (resolved) {
    const actor: Actor = { id: resolved.id };
    if (resolved.name) actor.name = resolved.name;
    if (resolved.upn) actor.upn = resolved.upn;
    if (resolved.email) actor.email = resolved.email;
    return actor;
  }
  return actorFromActivity(context);
}

/** Whether this turn's member look-up failed (so names in a mapping file could not be matched). */
export function identityUnverified(context: TurnContext): boolean {
  return context.turnState.get<{ identity?: string } | undefined>(ACTOR_KEY)?.identity === 'failed';
}

/** The sender as the activity names them: ids and display name only. */
export function actorFromActivity(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: '' };
  const actor: Actor = { id: from.aadObjectId || from.id };
  if (from.name) actor.name = from.name;
  const upn = (from as { userPrincipalName?: string }).userPrincipalName;
  if (upn) actor.upn = upn;
  return actor;
}
