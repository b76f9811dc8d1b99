import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The person the Playground chats as. Journeys that need ids (e.g. a leader mapping in which the
 * local user is their own leidinggevende) take them from here.
 */
export const LOCAL_USER = {
  id: 'user-id-0',
  name: 'Sanne de Vries',
  givenName: 'Sanne',
  surname: 'de Vries',
  email: 'sanne.devries@school.example.nl',
  aadObjectId: '5b0e6f1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  tenantId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
} as const;

/** A colleague in the mock team, for journeys that need a second person. */
export const COLLEAGUE = {
  id: 'user-id-1',
  name: 'Mehmet Yilmaz',
  givenName: 'Mehmet',
  surname: 'Yilmaz',
  email: 'mehmet.yilmaz@school.example.nl',
  aadObjectId: '9c8b7a6f-5e4d-4c3b-a2f1-0e9d8c7b6a54',
} as const;

// The Playground's config schema wants at least five other users in the mock team.
const OTHER_USERS = [
  COLLEAGUE,
  { id: 'user-id-2', name: 'Fleur Jansen', givenName: 'Fleur', surname: 'Jansen', email: 'fleur.jansen@school.example.nl', aadObjectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  { id: 'user-id-3', name: 'Daan Bakker', givenName: 'Daan', surname: 'Bakker', email: 'daan.bakker@school.example.nl', aadObjectId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' },
  { id: 'user-id-4', name: 'Noor El Amrani', givenName: 'Noor', surname: 'El Amrani', email: 'noor.elamrani@school.example.nl', aadObjectId: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f' },
  { id: 'user-id-5', name: 'Pieter Visser', givenName: 'Pieter', surname: 'Visser', email: 'pieter.visser@school.example.nl', aadObjectId: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80' },
];

function person(p: { id: string; name: string; givenName: string; surname: string; email: string; aadObjectId: string }, indent: string): string {
  return [
    `id: ${p.id}`,
    `name: ${p.name}`,
    `userPrincipleName: ${p.email}`,
    `aadObjectId: ${p.aadObjectId}`,
    `givenName: ${p.givenName}`,
    `surname: ${p.surname}`,
    `email: ${p.email}`,
  ].join(`\n${indent}`);
}

/** Writes the Playground's mock Teams context (its YAML config format, version 0.1.1) and returns the path. */
export function writePlaygroundConfig(dir: string): string {
  const file = path.join(dir, 'playground.yml');
  const yaml = `version: "0.1.1"
tenantId: ${LOCAL_USER.tenantId}
bot:
  id: 00000000-0000-0000-0000-000000000011
  name: Mediawijs
currentUser:
  ${person(LOCAL_USER, '  ')}
users:
${OTHER_USERS.map((u) => `  - ${person(u, '    ')}`).join('\n')}
personalChat:
  id: personal-chat-mediawijs
groupChat:
  id: group-chat-mediawijs
  name: Sectie Nederlands
team:
  id: team-mediawijs
  name: Team OOG
  aadGroupId: 7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d
  channels:
    - id: channel-algemeen
      name: Algemeen
`;
  writeFileSync(file, yaml);
  return file;
}
