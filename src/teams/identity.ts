import type { TurnContext } from 'botbuilder';

/** Who sent this activity: the Azure AD object id when Teams provides it, else the channel user id. */
export interface Actor {
  id: string;
  name?: string;
  upn?: string;
}

export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: '' };
  const actor: Actor = { id: from.aadObjectId || from.id };
  if (from.name) actor.name = from.name;
  const upn = (from as { userPrincipalName?: string }).userPrincipalName;
  if (upn) actor.upn = upn;
  return actor;
}
