import { ConfigError } from './config-error.js';

/**
 * TENANT_ORGS, checked for src/config.ts (it stays the one place where the environment is read;
 * this file only keeps it under 300 lines): one deployment serving several school boards, each
 * Teams tenant with its own board, e.g. `<tenant-id>=oog,<tenant-id>=konot`.
 */

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ORG_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Which boards a deployment serves, and for which tenants. */
export interface TenantSettings {
  /** Tenant id (lower case) → organisation id; undefined for a single-board deployment (ORG). */
  tenantOrgs: Readonly<Record<string, string>> | undefined;
  /** The tenants whose activities are accepted; empty = any (local mode only). */
  allowedTenants: readonly string[];
}

export interface TenantInput {
  TENANT_ORGS: string;
  ALLOWED_TENANTS: string;
  /** ORG as written in the environment (before its default), to refuse it beside TENANT_ORGS. */
  rawOrg: string;
  LEADER_MAPPING_FILE: string;
  deployed: boolean;
  knownOrgs: readonly string[] | undefined;
}

export function tenantSettings(e: TenantInput): TenantSettings {
  const allowed = e.ALLOWED_TENANTS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const badTenant = allowed.find((t) => !GUID.test(t));
  if (badTenant) throw new ConfigError('ALLOWED_TENANTS', `"${badTenant}" is not a tenant id (GUID); use a comma-separated list`);
  const tenantOrgs = e.TENANT_ORGS === '' ? undefined : parseTenantOrgs(e.TENANT_ORGS, e.knownOrgs);
  if (!tenantOrgs) {
    if (e.deployed && allowed.length === 0) throw new ConfigError('ALLOWED_TENANTS', 'is required when BOT_ID is set');
    return { tenantOrgs: undefined, allowedTenants: allowed };
  }
  if (e.rawOrg !== '') throw new ConfigError('ORG', 'cannot be set together with TENANT_ORGS, which names the board of each tenant; leave ORG empty');
  if (e.LEADER_MAPPING_FILE !== '' && !e.LEADER_MAPPING_FILE.includes('{org}')) {
    throw new ConfigError('LEADER_MAPPING_FILE', 'must contain {org} when TENANT_ORGS is set (e.g. /etc/mediawijs/leaders.{org}.yaml), so each board has its own mapping');
  }
  // Without ALLOWED_TENANTS every listed tenant is allowed; with it, only those of its tenants that have a board.
  const withoutBoard = allowed.find((t) => tenantOrgs[t] === undefined);
  if (withoutBoard) throw new ConfigError('ALLOWED_TENANTS', `tenant "${withoutBoard}" has no board in TENANT_ORGS`);
  return { tenantOrgs, allowedTenants: allowed.length > 0 ? allowed : Object.keys(tenantOrgs) };
}

function parseTenantOrgs(value: string, knownOrgs: readonly string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [tenant = '', org = '', ...rest] = entry.split('=').map((s) => s.trim().toLowerCase());
    if (rest.length > 0 || !GUID.test(tenant) || !ORG_ID.test(org)) {
      throw new ConfigError('TENANT_ORGS', `"${entry}" is not <tenant-id>=<organisation id>; use a comma-separated list such as <tenant-id>=oog,<tenant-id>=konot`);
    }
    if (map[tenant] !== undefined) throw new ConfigError('TENANT_ORGS', `tenant "${tenant}" is listed twice`);
    if (knownOrgs && !knownOrgs.includes(org)) throw new ConfigError('TENANT_ORGS', `unknown organisation "${org}"; choose one of ${knownOrgs.join(', ')}`);
    map[tenant] = org;
  }
  if (Object.keys(map).length === 0) throw new ConfigError('TENANT_ORGS', 'lists no tenant; leave it empty for a single board (ORG)');
  return map;
}

/** The organisation ids a deployment serves, each once, in the order first named. */
export function boardOrgs(config: { org: string | undefined; tenantOrgs: Readonly<Record<string, string>> | undefined }): string[] {
  if (!config.tenantOrgs) return config.org ? [config.org] : [];
  return [...new Set(Object.values(config.tenantOrgs))];
}
