import { describe, expect, it } from 'vitest';
import { boardOrgs, ConfigError, loadConfig } from '../../src/config.js';

const opts = { rootDir: '/repo', knownOrgs: ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'] };
const GUID = '00000000-1111-2222-3333-444444444444';
const TENANT = '11111111-2222-3333-4444-555555555555';

describe('loadConfig', () => {
  it('uses embedded defaults for a local run', () => {
    const c = loadConfig({}, opts);
    expect(c).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978, org: 'oog', dataDir: '/repo/data', allowedTenants: [] });
    expect(c.reminderWorkingDays).toBe(2);
    expect(c.retentionMonths).toBe(12);
    expect(c.graph).toBeUndefined();
    expect(c.selfLeader).toBe(false);
    expect(loadConfig({ SELF_LEADER: 'true' }, opts).selfLeader).toBe(true);
    expect(c.answerThread).toBe('auto');
    expect(loadConfig({ ANSWER_THREAD: ' Main ' }, opts).answerThread).toBe('main');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.bot)).toBe(true);
  });

  it('runs deployed on all interfaces with auth settings', () => {
    const c = loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's', ALLOWED_TENANTS: `${TENANT.toUpperCase()}, ${GUID}`, ORG: 'Konot', DATA_DIR: '/var/mw' }, opts);
    expect(c).toMatchObject({ mode: 'deployed', host: '0.0.0.0', org: 'konot', dataDir: '/var/mw', allowedTenants: [TENANT, GUID] });
  });

  it('serves a board per tenant with TENANT_ORGS, allowing those tenants (or the ones ALLOWED_TENANTS keeps)', () => {
    const tenantOrgs = `${TENANT.toUpperCase()}=oog, ${GUID}=Konot`;
    const c = loadConfig({ TENANT_ORGS: tenantOrgs, LEADER_MAPPING_FILE: 'cfg/leaders.{org}.yaml' }, opts);
    expect(c).toMatchObject({ org: undefined, tenantOrgs: { [TENANT]: 'oog', [GUID]: 'konot' }, allowedTenants: [TENANT, GUID], leaderMappingFile: '/repo/cfg/leaders.{org}.yaml' });
    expect(boardOrgs(c)).toEqual(['oog', 'konot']);
    expect(boardOrgs(loadConfig({ ORG: 'kopwerk' }, opts))).toEqual(['kopwerk']);
    // Deployed, TENANT_ORGS is the list of tenants; ALLOWED_TENANTS may narrow it (e.g. to pause one).
    const deployed = { BOT_ID: GUID, BOT_PASSWORD: 's', TENANT_ORGS: tenantOrgs };
    expect(loadConfig(deployed, opts).allowedTenants).toEqual([TENANT, GUID]);
    expect(loadConfig({ ...deployed, ALLOWED_TENANTS: GUID }, opts).allowedTenants).toEqual([GUID]);
    // One board on a single-tenant registration: its own tenant.
    expect(loadConfig({ ...deployed, TENANT_ORGS: `${TENANT}=oog`, BOT_TENANT_ID: TENANT.toUpperCase() }, opts).tenantOrgs).toEqual({ [TENANT]: 'oog' });
  });

  it('accepts any channel locally, only msteams when deployed, and the emulator only when allowed', () => {
    const deployed = { BOT_ID: GUID, BOT_PASSWORD: 's', ALLOWED_TENANTS: TENANT };
    expect(loadConfig({}, opts).allowedChannels).toEqual([]);
    expect(loadConfig(deployed, opts).allowedChannels).toEqual(['msteams']);
    expect(loadConfig({ ...deployed, ALLOW_EMULATOR: 'true' }, opts).allowedChannels).toEqual(['msteams', 'emulator']);
    expect(loadConfig(deployed, opts).openIdMetadataUrl).toBeUndefined();
    expect(loadConfig({ ...deployed, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:1/openid' }, opts).openIdMetadataUrl).toBe('http://127.0.0.1:1/openid');
  });

  it.each([
    [{ BOT_OPENID_METADATA_URL: 'not a url' }, 'BOT_OPENID_METADATA_URL'],
    [{ ALLOW_EMULATOR: 'misschien' }, 'ALLOW_EMULATOR'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ORG: 'onbekend' }, 'ORG'],
    [{ ORG: '../etc' }, 'ORG'],
    [{ BOT_ID: 'not-a-guid', BOT_PASSWORD: 'x', ALLOWED_TENANTS: TENANT }, 'BOT_ID'],
    [{ BOT_ID: GUID, ALLOWED_TENANTS: TENANT }, 'BOT_PASSWORD'],
    [{ BOT_ID: GUID, BOT_PASSWORD: 'x' }, 'ALLOWED_TENANTS'],
    [{ BOT_PASSWORD: 'x' }, 'BOT_ID'],
    [{ ALLOWED_TENANTS: 'contoso' }, 'ALLOWED_TENANTS'],
    [{ BOT_TENANT_ID: 'x' }, 'BOT_TENANT_ID'],
    [{ GRAPH_CLIENT_ID: 'id' }, 'GRAPH_TENANT_ID'],
    [{ GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: 'id' }, 'GRAPH_CLIENT_SECRET'],
    [{ REMINDER_WORKING_DAYS: '0' }, 'REMINDER_WORKING_DAYS'],
    [{ RETENTION_MONTHS: 'twaalf' }, 'RETENTION_MONTHS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ANSWER_THREAD: 'both' }, 'ANSWER_THREAD'],
    [{ SELF_LEADER: 'misschien' }, 'SELF_LEADER'],
    [{ BOT_ID: GUID, BOT_PASSWORD: 'x', ALLOWED_TENANTS: TENANT, SELF_LEADER: 'true' }, 'SELF_LEADER'],
    [{ SWEEP_INTERVAL_MINUTES: '-5' }, 'SWEEP_INTERVAL_MINUTES'],
    [{ TENANT_ORGS: 'oog' }, 'TENANT_ORGS'],
    [{ TENANT_ORGS: `${TENANT}=onbekend` }, 'TENANT_ORGS'],
    [{ TENANT_ORGS: `${TENANT}=oog,${TENANT.toUpperCase()}=konot` }, 'TENANT_ORGS'],
    [{ TENANT_ORGS: `${TENANT}=oog=konot` }, 'TENANT_ORGS'],
    [{ TENANT_ORGS: ' , ' }, 'TENANT_ORGS'],
    [{ TENANT_ORGS: `${TENANT}=oog`, ORG: 'oog' }, 'ORG'],
    [{ TENANT_ORGS: `${TENANT}=oog`, ALLOWED_TENANTS: GUID }, 'ALLOWED_TENANTS'],
    [{ TENANT_ORGS: `${TENANT}=oog`, LEADER_MAPPING_FILE: 'leaders.yaml' }, 'LEADER_MAPPING_FILE'],
    // A single-tenant registration cannot serve a second tenant's board.
    [{ BOT_ID: GUID, BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT, TENANT_ORGS: `${TENANT}=oog,${GUID}=konot` }, 'BOT_TENANT_ID'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
  });
});
