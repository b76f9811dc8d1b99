import { z } from 'zod';
import { signInNames, toPerson, type Person, type UserRef } from './types.js';
import { invalid, parseWith, problem, type Parsed } from '../shared/parsed.js';

/**
 * The board's leader mapping file (YAML or JSON), e.g.
 *
 * ```yaml
 * version: 1
 * communicatie: { name: Afdeling Communicatie, upn: communicatie@bestuur.nl }
 * leaders:
 *   anna: { name: Anna de Vries, upn: anna@bestuur.nl, deputy: piet }
 *   piet: { name: Piet Jansen, upn: piet@bestuur.nl, id: <AAD object id> }
 * teams:
 *   - name: OBS De Linde
 *     leader: anna
 *     members: [jan@bestuur.nl, <AAD object id>]
 * users:
 *   kim@bestuur.nl: piet      # a single person, wins over team membership
 *   demo-user-id: self        # this user is their own leidinggevende (Playground demo)
 * ```
 * Users are named by user principal name or e-mail address (contains "@") or Azure AD object id;
 * every name matches case-insensitively against what Teams' member look-up reports.
 */
export interface LeaderMapping {
  communicatie?: Person;
  leaders: Map<string, { person: Person; deputy?: string }>;
  /** Lower-cased UPN or object id → leader key, or 'self'. */
  users: Map<string, string>;
  /** Team name per member, for messages. */
  teamOf: Map<string, string>;
}

const nonEmpty = z.string({ invalid_type_error: 'moet tekst zijn', required_error: 'ontbreekt' }).trim().min(1, 'mag niet leeg zijn');
const upn = nonEmpty.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'moet een e-mailadres/user principal name zijn (naam@domein.nl)');

const personSchema = z
  .object({ name: nonEmpty.optional(), upn: upn.optional(), id: nonEmpty.optional() }, { invalid_type_error: 'moet een persoon zijn met name, upn en/of id' })
  .strict()
  .refine((p) => p.upn !== undefined || p.id !== undefined, 'heeft een upn of id nodig');

const leaderSchema = z
  .object({ name: nonEmpty.optional(), upn: upn.optional(), id: nonEmpty.optional(), deputy: nonEmpty.optional() }, { invalid_type_error: 'moet een leidinggevende zijn met name, upn en/of id' })
  .strict()
  .refine((p) => p.upn !== undefined || p.id !== undefined, 'heeft een upn of id nodig');

/** The file's shape; exported so tools can document or check it. */
export const leaderMappingSchema = z
  .object(
    {
      version: z.literal(1, { errorMap: () => ({ message: 'moet 1 zijn' }) }),
      communicatie: personSchema.optional(),
      leaders: z.record(leaderSchema, { invalid_type_error: 'moet een lijst van leidinggevenden zijn (sleutel: korte naam)' }).default({}),
      teams: z
        .array(
          z.object({ name: nonEmpty, leader: nonEmpty, members: z.array(nonEmpty, { invalid_type_error: 'moet een lijst zijn' }).default([]) }).strict(),
          { invalid_type_error: 'moet een lijst van teams zijn' },
        )
        .default([]),
      users: z.record(nonEmpty, { invalid_type_error: 'moet een lijst zijn van gebruiker: leidinggevende' }).default({}),
    },
    { invalid_type_error: 'het bestand moet een object met version, leaders, teams en users zijn' },
  )
  .strict();

/** Checks a mapping file's data and resolves all references; stops at the first broken reference. */
export function validateLeaderMapping(data: unknown): Parsed<LeaderMapping> {
  const parsed = parseWith(leaderMappingSchema, data);
  if (!parsed.ok) return parsed;
  const m = parsed.value;
  const leaders = new Map<string, { person: Person; deputy?: string }>();
  for (const [key, l] of Object.entries(m.leaders)) {
    if (key === 'self') return invalid(problem(`leaders.${key}`, '"self" is gereserveerd; kies een andere naam'));
    const entry: { person: Person; deputy?: string } = { person: toPerson(l) };
    if (l.deputy !== undefined) entry.deputy = l.deputy;
    leaders.set(key, entry);
  }
  for (const [key, l] of leaders) {
    if (l.deputy === undefined) continue;
    if (!leaders.has(l.deputy)) return invalid(problem(`leaders.${key}.deputy`, `"${l.deputy}" staat niet onder leaders`));
    if (l.deputy === key) return invalid(problem(`leaders.${key}.deputy`, 'een leidinggevende kan niet zijn eigen vervanger zijn'));
  }

  const users = new Map<string, string>();
  const teamOf = new Map<string, string>();
  for (const [i, team] of m.teams.entries()) {
    if (!leaders.has(team.leader)) return invalid(problem(`teams[${i}].leader`, `"${team.leader}" staat niet onder leaders`));
    for (const [j, member] of team.members.entries()) {
      const id = member.toLowerCase();
      const existing = users.get(id);
      if (existing !== undefined && existing !== team.leader) {
        return invalid(problem(`teams[${i}].members[${j}]`, `"${member}" staat ook in team "${teamOf.get(id)}" met een andere leidinggevende; zet deze persoon onder users`));
      }
      users.set(id, team.leader);
      teamOf.set(id, team.name);
    }
  }
  const direct = new Set<string>();
  for (const [user, leader] of Object.entries(m.users)) {
    const id = user.toLowerCase();
    if (direct.has(id)) return invalid(problem(`users.${user}`, 'staat dubbel in users'));
    if (leader !== 'self' && !leaders.has(leader)) return invalid(problem(`users.${user}`, `"${leader}" staat niet onder leaders (of gebruik "self")`));
    direct.add(id);
    users.set(id, leader);
  }
  const mapping: LeaderMapping = { leaders, users, teamOf };
  if (m.communicatie) mapping.communicatie = toPerson(m.communicatie);
  return { ok: true, value: mapping };
}

/** The mapping's answer for one user: leader key, 'self', or undefined. Object id first, then UPN, then e-mail. */
export function lookupLeaderKey(mapping: LeaderMapping, user: UserRef): string | undefined {
  for (const name of [user.id.toLowerCase(), ...signInNames(user)]) {
    const key = mapping.users.get(name);
    if (key !== undefined) return key;
  }
  return undefined;
}

/** Whether a person named in the mapping is this user: by object id, or by UPN/e-mail against either of theirs. */
export function isSamePerson(named: Pick<Person, 'id' | 'upn'>, user: Pick<UserRef, 'id' | 'upn' | 'email'>): boolean {
  if (named.id && user.id && named.id.toLowerCase() === user.id.toLowerCase()) return true;
  const name = named.upn?.toLowerCase();
  return name !== undefined && signInNames(user).includes(name);
}

/** The mapping entry of a leader found elsewhere (e.g. Graph), matched on object id, UPN or e-mail. */
export function findLeaderEntry(mapping: LeaderMapping, person: Person & { email?: string }): { person: Person; deputy?: string } | undefined {
  const asUser = { id: person.id ?? '', ...(person.upn ? { upn: person.upn } : {}), ...(person.email ? { email: person.email } : {}) };
  for (const entry of mapping.leaders.values()) if (isSamePerson(entry.person, asUser)) return entry;
  return undefined;
}

/** The mapping's keys (leader keys) under which this user is listed as a leader, matched on object id, UPN or e-mail. */
export function leaderKeysOf(mapping: LeaderMapping, user: UserRef): string[] {
  const keys: string[] = [];
  for (const [key, entry] of mapping.leaders) if (isSamePerson(entry.person, user)) keys.push(key);
  return keys;
}

/**
 * The people a leader is leidinggevende of, as written in the mapping (lower-cased object id or
 * UPN) with their team when known. Undefined when the user is not a leader in the mapping.
 */
export function peopleOfLeader(mapping: LeaderMapping, user: UserRef): Array<{ member: string; team?: string }> | undefined {
  const keys = leaderKeysOf(mapping, user);
  if (keys.length === 0) return undefined;
  const people: Array<{ member: string; team?: string }> = [];
  for (const [member, leader] of mapping.users) {
    if (!keys.includes(leader)) continue;
    const team = mapping.teamOf.get(member);
    people.push(team ? { member, team } : { member });
  }
  return people;
}
