import { signInNames, toPerson, type Person, type Routing, type UserRef } from './types.js';

/**
 * What the bot has learned about people from Teams' member look-up (or Graph): Teams activities
 * carry only object ids, while a mapping file names people mostly by UPN or e-mail. Implemented
 * over the store by the shell; absent in tests that need no names.
 */
export interface KnownIdentities {
  /** The object id of the person with this UPN or e-mail address (any case), once the bot has looked them up. */
  objectIdFor(signInName: string): Promise<string | undefined>;
  /** The UPN and e-mail address last reported for this object id. */
  profileOf(id: string): Promise<Pick<UserRef, 'upn' | 'email'> | undefined>;
}

/** A person named by UPN/e-mail only gets their object id as key once known, so delivery and access work by id. */
export async function withKnownId(person: Person, identities: KnownIdentities | undefined): Promise<Person> {
  if (person.id || !person.upn || !identities) return person;
  const id = await identities.objectIdFor(person.upn);
  return id ? toPerson({ ...person, id }) : person;
}

/** The routing with every person upgraded by {@link withKnownId}. */
export async function withKnownIds(routing: Routing, identities: KnownIdentities | undefined): Promise<Routing> {
  if (!identities) return routing;
  const upgraded: Routing = { ...routing };
  if (routing.leader) upgraded.leader = await withKnownId(routing.leader, identities);
  if (routing.deputy) upgraded.deputy = await withKnownId(routing.deputy, identities);
  if (routing.communicatie) upgraded.communicatie = await withKnownId(routing.communicatie, identities);
  return upgraded;
}

/**
 * The user with the sign-in names learned earlier filled in, for when they are not at hand (the
 * periodic sweep routing a doubt whose asker's look-up failed at the time).
 */
export async function withProfile(user: UserRef, identities: KnownIdentities | undefined): Promise<UserRef> {
  if (!identities || signInNames(user).length > 0) return user;
  const profile = await identities.profileOf(user.id);
  if (!profile) return user;
  const filled: UserRef = { ...user };
  if (profile.upn) filled.upn = profile.upn;
  if (profile.email) filled.email = profile.email;
  return filled;
}
