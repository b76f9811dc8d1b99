import { user, type TestUser } from './activities.js';

/** Two Teams tenants of one deployment (TENANT_ORGS), each with a leidinggevende and a teacher. */
export const TENANT_A = 'aaaaaaaa-1111-4111-8111-00000000000a';
export const TENANT_B = 'bbbbbbbb-2222-4222-8222-00000000000b';

export const leaderA = user('leider-a', 0x41, TENANT_A);
export const teacherA = user('docent-a', 0x42, TENANT_A);
export const leaderB = user('leider-b', 0x51, TENANT_B);
export const teacherB = user('docent-b', 0x52, TENANT_B);

/** A leidinggevende mapping file with one leader (`baas`) for one team of `members`. */
export function leaderMapping(leader: TestUser, name: string, members: TestUser[]): string {
  return [
    'version: 1',
    'leaders:',
    `  baas: { name: ${name}, id: ${leader.aadObjectId} }`,
    'teams:',
    `  - { name: Team ${name}, leader: baas, members: [${members.map((m) => m.aadObjectId).join(', ')}] }`,
    '',
  ].join('\n');
}
