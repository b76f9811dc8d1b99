import { findLeaderEntry, lookupLeaderKey, peopleOfLeader, type LeaderMapping } from './leader-mapping.js';
import { toPerson, type Person, type Routing, type UserRef } from './types.js';

/** Someone a leidinggevende is responsible for, named as the source names them (object id, UPN or e-mail). */
export interface LedPerson {
  member: string;
  team?: string;
  name?: string;
}

/** Finds who receives a user's doubts, and (the same notion, the other way round) whom a leader leads. */
export interface LeaderDirectory {
  resolve(user: UserRef): Promise<Routing>;
  /**
   * The people whose doubts would go to this user as leidinggevende; undefined when the user is
   * nobody's leidinggevende. Used by "onboarding overzicht".
   */
  peopleOf(user: UserRef): Promise<LedPerson[] | undefined>;
}

/** A manager as an external directory (Microsoft Graph) reports it. */
export interface ManagerPerson {
  id: string;
  upn?: string;
  name?: string;
}

/** An organisation directory that knows each user's manager (implemented in src/infra/graph-manager.ts). */
export interface ManagerDirectory {
  /** The user's manager, or undefined when none is set. Throws when the directory cannot be asked. */
  getManager(user: UserRef): Promise<ManagerPerson | undefined>;
  /** The user's direct reports (empty when none). Throws when the directory cannot be asked. */
  getDirectReports?(user: UserRef): Promise<ManagerPerson[]>;
}

export type LeaderSourceName = 'mapping' | 'graph';

export interface LeaderDirectoryOptions {
  mapping?: LeaderMapping;
  manager?: ManagerDirectory;
  /** Which source to ask first; default mapping, then Graph. */
  order?: LeaderSourceName[];
}

/**
 * Combines the board's mapping file and the Graph manager lookup. The mapping always supplies
 * the Communicatie contact and, when it knows the leader, their deputy.
 */
export function createLeaderDirectory(options: LeaderDirectoryOptions): LeaderDirectory {
  const order = options.order ?? ['mapping', 'graph'];
  const { mapping, manager } = options;
  return {
    async resolve(user) {
      const notes: string[] = [];
      const routing = (source: Routing['source'], leader?: Person, deputy?: Person): Routing => {
        const r: Routing = { source, notes };
        if (leader) r.leader = leader;
        if (deputy && deputy.key !== leader?.key) r.deputy = deputy;
        if (mapping?.communicatie) r.communicatie = mapping.communicatie;
        return r;
      };
      for (const source of order) {
        if (source === 'mapping' && mapping) {
          const key = lookupLeaderKey(mapping, user);
          if (key === 'self') return routing('self', toPerson(user));
          const entry = key ? mapping.leaders.get(key) : undefined;
          if (entry) return routing('mapping', entry.person, entry.deputy ? mapping.leaders.get(entry.deputy)?.person : undefined);
          notes.push('mapping: user not listed');
        }
        if (source === 'graph' && manager) {
          try {
            const found = await manager.getManager(user);
            if (found) {
              const leader = toPerson(found);
              const entry = mapping ? findLeaderEntry(mapping, leader) : undefined;
              const deputyKey = entry?.deputy;
              const deputy = deputyKey && mapping ? mapping.leaders.get(deputyKey)?.person : undefined;
              // Keep the object id Graph gave us; the mapping may only know the UPN.
              return routing('graph', { ...entry?.person, ...leader, name: leader.name ?? entry?.person.name }, deputy);
            }
            notes.push('graph: no manager');
          } catch (error) {
            notes.push(`graph: ${(error as Error).name}`);
          }
        }
      }
      return routing('none');
    },
    async peopleOf(user) {
      let people: LedPerson[] | undefined;
      const add = (p: LedPerson) => {
        people ??= [];
        if (!people.some((q) => q.member === p.member)) people.push(p);
      };
      if (mapping) {
        for (const p of peopleOfLeader(mapping, user) ?? []) add(p);
        // "users: x: self" makes x their own leidinggevende, for doubts and so for the overview.
        if (lookupLeaderKey(mapping, user) === 'self') add({ member: user.id, ...(user.name ? { name: user.name } : {}) });
      }
      if (manager?.getDirectReports && order.includes('graph')) {
        try {
          for (const r of await manager.getDirectReports(user)) add({ member: r.id, ...(r.name ? { name: r.name } : {}) });
        } catch {
          // Graph unavailable: the mapping's answer (if any) stands, as for routing.
        }
      }
      return people;
    },
  };
}

/** Everyone is their own leidinggevende: for the local Playground demo with a single user. */
export function createSelfLeaderDirectory(): LeaderDirectory {
  return {
    resolve: async (user) => ({ source: 'self', leader: toPerson(user), notes: [] }),
    // The demo user leads exactly one person: themselves, so the overview shows their own progress.
    peopleOf: async (user) => [{ member: user.id, ...(user.name ? { name: user.name } : {}) }],
  };
}
