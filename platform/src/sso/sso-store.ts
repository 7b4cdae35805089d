import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import type { TenantRole } from "../identity/index.js";

const PROVIDERS = "sso_providers";
const IDENTITIES = "sso_identities";
const LOGIN_STATES = "sso_login_states";

/** Maps values of one ID-token claim (e.g. `groups`) to our staff roles. */
export interface RoleMapping {
  claim: string;
  map: Record<string, StaffRole>;
}

export type StaffRole = Exclude<TenantRole, "patient">;

/** A configured provider, secret included: stays inside the service. */
export interface SsoProviderRecord {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedEmailDomains: string[];
  roleMapping: RoleMapping;
  defaultRole: StaffRole | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SsoIdentityRecord {
  issuer: string;
  subject: string;
  userId: string;
  providerId: string;
  linkedAt: Date;
}

export interface SsoLoginStateRecord {
  id: string;
  stateHash: string;
  providerId: string;
  codeVerifier: string;
  nonce: string;
  browserBinding: string;
  redirectUri: string;
  returnTo: string;
  expiresAt: Date;
  consumedAt: Date | null;
}

interface ProviderRow {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  allowed_email_domains: string[];
  role_mapping: RoleMapping;
  default_role: StaffRole | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

interface LoginStateRow {
  id: string;
  state_hash: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  browser_binding: string;
  redirect_uri: string;
  return_to: string;
  expires_at: Date;
  consumed_at: Date | null;
}

function toProvider(r: ProviderRow): SsoProviderRecord {
  return {
    id: r.id,
    name: r.name,
    issuer: r.issuer,
    clientId: r.client_id,
    clientSecret: r.client_secret,
    allowedEmailDomains: r.allowed_email_domains,
    roleMapping: r.role_mapping,
    defaultRole: r.default_role,
    enabled: r.enabled,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toLoginState(r: LoginStateRow): SsoLoginStateRecord {
  return {
    id: r.id,
    stateHash: r.state_hash,
    providerId: r.provider_id,
    codeVerifier: r.code_verifier,
    nonce: r.nonce,
    browserBinding: r.browser_binding,
    redirectUri: r.redirect_uri,
    returnTo: r.return_to,
    expiresAt: r.expires_at,
    consumedAt: r.consumed_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SSO providers, linked IdP identities and pending sign-ins of one tenant. */
export class SsoStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  // Providers

  async listProviders(): Promise<SsoProviderRecord[]> {
    const rows = await this.db(PROVIDERS).orderBy([{ column: "name" }, { column: "created_at" }]);
    return (rows as ProviderRow[]).map(toProvider);
  }

  async findProvider(id: string): Promise<SsoProviderRecord | null> {
    // A malformed id is simply not found (and never reaches Postgres as a cast error).
    if (!UUID.test(id)) return null;
    const row = await this.db(PROVIDERS).where({ id }).first<ProviderRow | undefined>();
    return row ? toProvider(row) : null;
  }

  async insertProvider(p: Omit<SsoProviderRecord, "id" | "createdAt" | "updatedAt">): Promise<string> {
    const [row] = await this.db(PROVIDERS)
      .insert({
        name: p.name,
        issuer: p.issuer,
        client_id: p.clientId,
        client_secret: p.clientSecret,
        allowed_email_domains: p.allowedEmailDomains,
        role_mapping: JSON.stringify(p.roleMapping),
        default_role: p.defaultRole,
        enabled: p.enabled,
      })
      .returning<{ id: string }[]>("id");
    return (row as { id: string }).id;
  }

  async updateProvider(id: string, p: Omit<SsoProviderRecord, "id" | "createdAt" | "updatedAt">): Promise<void> {
    await this.db(PROVIDERS)
      .where({ id })
      .update({
        name: p.name,
        issuer: p.issuer,
        client_id: p.clientId,
        client_secret: p.clientSecret,
        allowed_email_domains: p.allowedEmailDomains,
        role_mapping: JSON.stringify(p.roleMapping),
        default_role: p.defaultRole,
        enabled: p.enabled,
        updated_at: this.db.fn.now(),
      });
  }

  // Identities

  async findIdentity(issuer: string, subject: string): Promise<SsoIdentityRecord | null> {
    const r = await this.db(IDENTITIES).where({ issuer, subject }).first<
      { issuer: string; subject: string; user_id: string; provider_id: string; linked_at: Date } | undefined
    >();
    return r ? { issuer: r.issuer, subject: r.subject, userId: r.user_id, providerId: r.provider_id, linkedAt: r.linked_at } : null;
  }

  /** How many IdP identities are linked to `userId`. */
  async countIdentitiesOfUser(userId: string): Promise<number> {
    const [row] = await this.db(IDENTITIES).where({ user_id: userId }).count<{ count: string }[]>("* as count");
    return Number(row?.count ?? 0);
  }

  async insertIdentity(i: { issuer: string; subject: string; userId: string; providerId: string }): Promise<void> {
    await this.db(IDENTITIES).insert({ issuer: i.issuer, subject: i.subject, user_id: i.userId, provider_id: i.providerId });
  }

  // Login states

  async insertLoginState(s: Omit<SsoLoginStateRecord, "id" | "consumedAt">): Promise<void> {
    await this.db(LOGIN_STATES).insert({
      state_hash: s.stateHash,
      provider_id: s.providerId,
      code_verifier: s.codeVerifier,
      nonce: s.nonce,
      browser_binding: s.browserBinding,
      redirect_uri: s.redirectUri,
      return_to: s.returnTo,
      expires_at: s.expiresAt,
    });
  }

  async findLoginState(stateHash: string): Promise<SsoLoginStateRecord | null> {
    const row = await this.db(LOGIN_STATES).where({ state_hash: stateHash }).first<LoginStateRow | undefined>();
    return row ? toLoginState(row) : null;
  }

  /** Marks a login state used; false when another request got there first. */
  async consumeLoginState(id: string): Promise<boolean> {
    const n = await this.db(LOGIN_STATES).where({ id }).whereNull("consumed_at").update({ consumed_at: this.db.fn.now() });
    return n === 1;
  }

  /** Removes login states that expired before `before`; they are useless after expiry. */
  async deleteExpiredLoginStates(before: Date): Promise<number> {
    return this.db(LOGIN_STATES).where("expires_at", "<", before).delete();
  }
}
