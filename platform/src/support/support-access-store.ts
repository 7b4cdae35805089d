import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const GRANTS = "support_access_grants";
const USERS = "users";
const ROLES = "user_roles";

export type SupportPurpose = "incident" | "data_fix" | "onboarding" | "other";
export type GrantStatus = "requested" | "granted" | "denied" | "revoked";

export interface SupportGrantRecord {
  id: string;
  platformAdminId: string;
  platformAdminLabel: string;
  purpose: SupportPurpose;
  hours: number;
  status: GrantStatus;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  expiresAt: Date | null;
}

function toGrant(r: Record<string, unknown>): SupportGrantRecord {
  return {
    id: r.id as string,
    platformAdminId: r.platform_admin_id as string,
    platformAdminLabel: r.platform_admin_label as string,
    purpose: r.purpose as SupportPurpose,
    hours: r.hours as number,
    status: r.status as GrantStatus,
    requestedAt: r.requested_at as Date,
    decidedBy: (r.decided_by as string) ?? null,
    decidedAt: (r.decided_at as Date) ?? null,
    expiresAt: (r.expires_at as Date) ?? null,
  };
}

/** Support-access grants of one tenant (in its own schema). */
export class SupportAccessStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async insert(g: { platformAdminId: string; platformAdminLabel: string; purpose: SupportPurpose; hours: number }): Promise<SupportGrantRecord> {
    const [row] = await this.db(GRANTS)
      .insert({ platform_admin_id: g.platformAdminId, platform_admin_label: g.platformAdminLabel, purpose: g.purpose, hours: g.hours })
      .returning("*");
    return toGrant(row);
  }

  async find(id: string): Promise<SupportGrantRecord | null> {
    const r = await this.db(GRANTS).where({ id }).first();
    return r ? toGrant(r) : null;
  }

  async list(filter: { platformAdminId?: string } = {}): Promise<SupportGrantRecord[]> {
    const q = this.db(GRANTS).orderBy("requested_at", "desc").limit(100);
    if (filter.platformAdminId) q.where({ platform_admin_id: filter.platformAdminId });
    return (await q).map(toGrant);
  }

  async decide(id: string, patch: { status: GrantStatus; decidedBy: string; expiresAt: Date | null }): Promise<void> {
    await this.db(GRANTS).where({ id }).update({ status: patch.status, decided_by: patch.decidedBy, decided_at: this.db.fn.now(), expires_at: patch.expiresAt });
  }

  async activeFor(platformAdminId: string, now: Date): Promise<SupportGrantRecord | null> {
    const r = await this.db(GRANTS).where({ platform_admin_id: platformAdminId, status: "granted" }).where("expires_at", ">", now).orderBy("expires_at", "desc").first();
    return r ? toGrant(r) : null;
  }

  /** The staff directory a support engineer may see: names, roles, status; no patients. */
  async staffDirectory(): Promise<{ id: string; name: string; roles: string[]; status: string }[]> {
    const rows = await this.db(`${USERS} as u`)
      .where("u.kind", "staff")
      .orderBy("u.name")
      .select("u.id", "u.name", "u.status", this.db.raw(`coalesce((select array_agg(r.role order by r.role) from ${ROLES} r where r.user_id = u.id), '{}') as roles`));
    return rows.map((r: Record<string, unknown>) => ({ id: r.id as string, name: r.name as string, status: r.status as string, roles: r.roles as string[] }));
  }
}
