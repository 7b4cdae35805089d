import type { Knex } from "knex";
import { mapPgError } from "../errors/index.js";
import { quoteIdent } from "./identifiers.js";

/** What the unit of work needs to know about a tenant to reach its data. */
export interface TenantDbRef {
  id: string;
  slug: string;
  schema: string;
  role: string;
  cluster: string;
}

/** A transaction that is already scoped to one tenant's role and schema. */
export interface TenantScope {
  readonly tenant: TenantDbRef;
  readonly db: Knex.Transaction;
}

/** Maps a tenant's cluster name to the pooled knex handle for that cluster. */
export interface ClusterRegistry {
  get(cluster: string): Knex;
}

/** A registry with one cluster, `default`; other names are refused loudly. */
export function singleClusterRegistry(db: Knex): ClusterRegistry {
  return {
    get(cluster) {
      if (cluster !== "default") throw new Error(`Unknown Postgres cluster ${JSON.stringify(cluster)}`);
      return db;
    },
  };
}

/**
 * The statement that opens every tenant transaction. Built only from identifiers that
 * `quoteIdent` validated, so it can run as one parameter-free, multi-statement round trip.
 * `SET LOCAL` ends with the transaction (commit or rollback), so a pooled connection
 * never carries a tenant's role or search_path into the next request.
 */
export function tenantPreamble(tenant: Pick<TenantDbRef, "schema" | "role">, statementTimeoutMs = 15_000): string {
  return (
    `set local role ${quoteIdent(tenant.role)}; ` +
    `set local search_path = ${quoteIdent(tenant.schema)}; ` +
    `set local statement_timeout = ${Math.trunc(statementTimeoutMs)}`
  );
}

export type TenantUnitOfWork = <T>(tenant: TenantDbRef, work: (scope: TenantScope) => Promise<T>) => Promise<T>;

/**
 * The only way to reach a tenant's tables: opens a transaction on the tenant's cluster,
 * switches to the tenant's NOLOGIN role and schema as its first statement, runs `work`,
 * and commits (or rolls back on error). Postgres itself refuses anything outside the
 * tenant's schema.
 */
export function createTenantUnitOfWork(clusters: ClusterRegistry, opts: { statementTimeoutMs?: number } = {}): TenantUnitOfWork {
  return async function withTenant<T>(tenant: TenantDbRef, work: (scope: TenantScope) => Promise<T>): Promise<T> {
    const preamble = tenantPreamble(tenant, opts.statementTimeoutMs);
    const db = clusters.get(tenant.cluster);
    try {
      return await db.transaction(async (trx) => {
        await trx.raw(preamble);
        return work({ tenant, db: trx });
      });
    } catch (err) {
      throw mapPgError(err);
    }
  };
}
