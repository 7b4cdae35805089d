import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import { AuditService } from "./audit-service.js";
import { PlatformAuditStore, TenantAuditStore } from "./audit-store.js";
import type { AuditEntry, AuditRecord, PlatformAuditEntry, PlatformAuditRecord } from "./audit-types.js";

export type TenantAuditService = AuditService<AuditEntry, AuditRecord>;
export type PlatformAuditService = AuditService<PlatformAuditEntry, PlatformAuditRecord>;

/**
 * The audit log of the tenant `scope` belongs to. Appends join the scope's transaction,
 * so an entry commits or rolls back with the change it records.
 */
export function createTenantAuditService(scope: TenantScope, opts: { now?: () => Date } = {}): TenantAuditService {
  return new AuditService({ store: new TenantAuditStore(scope), scope: "tenant", now: opts.now });
}

/**
 * The platform audit log (console actions). Give it a transaction to record an entry
 * atomically with the change; given the pooled knex, each append is its own transaction.
 */
export function createPlatformAuditService(db: Knex, opts: { now?: () => Date } = {}): PlatformAuditService {
  return new AuditService({ store: new PlatformAuditStore(db), scope: "platform", now: opts.now });
}
