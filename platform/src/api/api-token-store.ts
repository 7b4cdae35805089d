import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const TOKENS = "api_tokens";

export type ApiTokenKind = "access" | "refresh";

export interface ApiTokenRecord {
  tokenHash: string;
  kind: ApiTokenKind;
  userId: string;
  familyId: string;
  tenantId: string;
  client: string | null;
  expiresAt: Date;
  createdAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  token_hash: string;
  kind: ApiTokenKind;
  user_id: string;
  family_id: string;
  tenant_id: string;
  client: string | null;
  expires_at: Date;
  created_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

function toRecord(r: ApiTokenRow): ApiTokenRecord {
  return {
    tokenHash: r.token_hash,
    kind: r.kind,
    userId: r.user_id,
    familyId: r.family_id,
    tenantId: r.tenant_id,
    client: r.client,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
  };
}

/** The API access and refresh tokens of one tenant, stored as SHA-256 hashes only. */
export class ApiTokenStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async insert(t: Omit<ApiTokenRecord, "createdAt" | "usedAt" | "revokedAt">): Promise<void> {
    await this.db(TOKENS).insert({
      token_hash: t.tokenHash,
      kind: t.kind,
      user_id: t.userId,
      family_id: t.familyId,
      tenant_id: t.tenantId,
      client: t.client,
      expires_at: t.expiresAt,
    });
  }

  async find(tokenHash: string): Promise<ApiTokenRecord | null> {
    const r = await this.db(TOKENS).where({ token_hash: tokenHash }).first<ApiTokenRow | undefined>();
    return r ? toRecord(r) : null;
  }

  /** Reads a token and locks its row, so two rotations of one refresh token run one after the other. */
  async findForUpdate(tokenHash: string): Promise<ApiTokenRecord | null> {
    const r = await this.db(TOKENS).where({ token_hash: tokenHash }).forUpdate().first<ApiTokenRow | undefined>();
    return r ? toRecord(r) : null;
  }

  /** Marks a refresh token rotated; false when it already was. */
  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    const n = await this.db(TOKENS).where({ token_hash: tokenHash, kind: "refresh" }).whereNull("used_at").update({ used_at: at });
    return n === 1;
  }

  /** Revokes every live token of a family; returns how many it revoked. */
  async revokeFamily(familyId: string, at: Date): Promise<number> {
    return this.db(TOKENS).where({ family_id: familyId }).whereNull("revoked_at").update({ revoked_at: at });
  }
}
