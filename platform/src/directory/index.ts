// CONTRACT (owned by the search helper). Stub until implemented.
import type { Knex } from "knex";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import type { Logger } from "../observability/index.js";
import type { TenantStore } from "../tenancy/index.js";

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

export function createDirectoryRelay(_deps: { db: Knex; withTenant: TenantUnitOfWork; tenants: TenantStore; logger: Logger; linkBase: (host: string) => string }): DirectoryRelay {
  return { drain: async () => 0, drainAll: async () => 0, kick: () => undefined, start: () => () => undefined };
}
