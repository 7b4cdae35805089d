// The marketplace directory: a read model in the platform schema of partner-hospital doctors
// listed on the marketplace, fed from each hospital's outbox.
import type { Knex } from "knex";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import type { Logger } from "../observability/index.js";
import type { TenantStore } from "../tenancy/index.js";
import { createDirectoryRelayImpl } from "./directory-relay.js";

/**
 * Moves `directory.provider_changed` outbox events from hospital schemas into
 * `platform.directory_entries` (the marketplace's read model). At-least-once, idempotent.
 */
export interface DirectoryRelay {
  /** Processes the tenant's pending directory events now; resolves with how many. */
  drain(tenant: TenantDbRef): Promise<number>;
  /** Drains every active hospital tenant. */
  drainAll(): Promise<number>;
  /** Kicks a drain soon without waiting (after a commit); errors are logged. */
  kick(tenant: TenantDbRef): void;
  /** Sweeps every `intervalMs` (a safety net for kicks lost to a crash); returns stop. */
  start(intervalMs: number): () => void;
}

/** Builds the relay that feeds `platform.directory_entries` from hospitals' outboxes. */
export function createDirectoryRelay(deps: { db: Knex; withTenant: TenantUnitOfWork; tenants: TenantStore; logger: Logger; linkBase: (host: string) => string; onChanged?: () => void }): DirectoryRelay {
  return createDirectoryRelayImpl(deps);
}
