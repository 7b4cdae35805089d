import type { Knex } from "knex";
import { z } from "zod";
import { defineAbilityFor, requireCan, subject, type Actor } from "../access/index.js";
import { createPlatformAuditService, createTenantAuditService } from "../audit/index.js";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { SupportAccessStore, type SupportGrantRecord } from "./support-access-store.js";

const RequestInput = z.object({
  purpose: z.enum(["incident", "data_fix", "onboarding", "other"]),
  hours: z.coerce.number().int().min(1, "At least 1 hour").max(8, "At most 8 hours"),
});

export interface PlatformAdminRef {
  id: string;
  email: string;
}

/**
 * Time-limited support access: a platform admin asks, the tenant's admin approves or
 * denies, and only an approved, unexpired grant lets the platform admin read that
 * tenant's (non-clinical) data. Each step is written to the tenant's and the platform's
 * audit logs.
 */
export class SupportAccessService {
  constructor(private readonly deps: { db: Knex; withTenant: TenantUnitOfWork; now?: () => Date }) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** A platform admin asks a tenant for access. */
  async request(admin: PlatformAdminRef, tenant: TenantDbRef, raw: unknown): Promise<SupportGrantRecord> {
    const parsed = RequestInput.safeParse(raw);
    if (!parsed.success) throw new ValidationError("Please check the highlighted fields.", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
    const grant = await this.deps.withTenant(tenant, async (scope) => {
      const g = await new SupportAccessStore(scope).insert({ platformAdminId: admin.id, platformAdminLabel: admin.email, ...parsed.data });
      await createTenantAuditService(scope).record({ actorType: "platform_admin", actorId: admin.id, action: "support_access.requested", subjectType: "support_grant", subjectId: g.id, outcome: "success", metadata: { purpose: g.purpose, hours: g.hours } });
      return g;
    });
    await createPlatformAuditService(this.deps.db).record({ actorType: "platform_admin", actorId: admin.id, action: "support_access.requested", subjectType: "support_grant", subjectId: grant.id, outcome: "success", tenantId: tenant.id, metadata: { purpose: grant.purpose, hours: grant.hours } });
    return grant;
  }

  /** The tenant's grants, for its admin (needs `read SupportGrant`). */
  async listForTenant(tenant: TenantDbRef, actor: Actor): Promise<SupportGrantRecord[]> {
    const ability = defineAbilityFor(actor);
    if (!ability.can("read", "SupportGrant")) throw new NotFoundError();
    return this.deps.withTenant(tenant, (scope) => new SupportAccessStore(scope).list());
  }

  /** Approve (starting the clock), deny, or revoke a grant. */
  async decide(tenant: TenantDbRef, actor: Actor, grantId: string, decision: "grant" | "deny" | "revoke"): Promise<SupportGrantRecord> {
    const ability = defineAbilityFor(actor);
    const updated = await this.deps.withTenant(tenant, async (scope) => {
      const store = new SupportAccessStore(scope);
      const g = await store.find(grantId);
      if (!g) throw new NotFoundError("No such request.");
      requireCan(ability, "update", "SupportGrant", g);
      const allowed = decision === "revoke" ? g.status === "granted" : g.status === "requested";
      if (!allowed) throw new DomainError("conflict", `This request is already ${g.status}.`);
      const status = decision === "grant" ? "granted" : decision === "deny" ? "denied" : "revoked";
      const expiresAt = decision === "grant" ? new Date(this.now().getTime() + g.hours * 3600_000) : decision === "revoke" ? this.now() : null;
      await store.decide(g.id, { status, decidedBy: actor.userId, expiresAt });
      const action = decision === "grant" ? "support_access.granted" : decision === "deny" ? "support_access.denied" : "support_access.revoked";
      await createTenantAuditService(scope).record({ actorType: "user", actorId: actor.userId, action, subjectType: "support_grant", subjectId: g.id, outcome: "success", metadata: { decision } });
      return (await store.find(g.id)) as SupportGrantRecord;
    });
    await createPlatformAuditService(this.deps.db).record({
      actorType: "system",
      action: decision === "grant" ? "support_access.granted" : decision === "deny" ? "support_access.denied" : "support_access.revoked",
      subjectType: "support_grant",
      subjectId: updated.id,
      outcome: "success",
      tenantId: tenant.id,
      metadata: { decision },
    });
    return updated;
  }

  /** The platform admin's own requests on one tenant. */
  async listForAdmin(admin: PlatformAdminRef, tenant: TenantDbRef): Promise<SupportGrantRecord[]> {
    return this.deps.withTenant(tenant, (scope) => new SupportAccessStore(scope).list({ platformAdminId: admin.id }));
  }

  /**
   * The staff directory of a tenant, for a platform admin holding an approved,
   * unexpired grant there; `not_found` otherwise (the tenant's data stays invisible).
   */
  async staffDirectory(admin: PlatformAdminRef, tenant: TenantDbRef) {
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new SupportAccessStore(scope);
      const grant = await store.activeFor(admin.id, this.now());
      const ability = defineAbilityFor(
        { userId: admin.id, tenantId: tenant.id, kind: "platform_admin", roles: ["platform_admin"], clinicIds: [], supportGrant: grant?.expiresAt ? { tenantId: tenant.id, expiresAt: grant.expiresAt } : null },
        { now: this.now() },
      );
      const staff = await store.staffDirectory();
      const visible = staff.filter((s) => ability.can("read", subject("StaffUser", { id: s.id, roles: s.roles, clinicIds: [], status: s.status })));
      if (!grant || (staff.length > 0 && visible.length === 0)) throw new NotFoundError("No approved support access for this tenant.");
      await createTenantAuditService(scope).record({ actorType: "platform_admin", actorId: admin.id, action: "support_access.used", subjectType: "support_grant", subjectId: grant.id, outcome: "success", metadata: { view: "staff_directory" } });
      return { grant, staff: visible };
    });
  }
}
