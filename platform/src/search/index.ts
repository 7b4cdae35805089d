// Doctor search: the `provider_search` read model of each tenant, and the discovery facade
// (search, profiles, photos, facets) that the patient app and the public API use.
import type { Knex } from "knex";
import type { DiscoveryServices } from "../context.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import type { FileStorage } from "../storage/index.js";
import { createDiscovery } from "./discovery-service.js";
import { SearchIndexStore } from "./search-index-store.js";
import { SearchCache } from "./search-cache.js";
import { parseSearchQuery } from "./search-query.js";

export { SearchCache, SEARCH_CHANGED_CHANNEL } from "./search-cache.js";

export { DIRECTORY_TOPIC } from "./search-index-store.js";
export { parseSearchQuery, searchQueryToParams, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "./search-query.js";
export { toCardView } from "./discovery-service.js";
export type { StoredCard } from "./search-store.js";

/** A tenant as the discovery side needs it. */
export type DiscoveryTenant = TenantDbRef & { name: string; kind: "hospital" | "marketplace"; primaryHost: string };

/** Rebuilds the search read model (`provider_search`) for providers, inside the caller's tenant transaction. */
export interface SearchIndexer {
  /**
   * Rebuilds the `provider_search` row of each provider from providers, specialties and
   * clinics: upserts it when the provider is published, deletes it otherwise. With
   * `notifyDirectory`, also writes one `directory.provider_changed` outbox event per
   * provider (same transaction) so the marketplace directory catches up.
   */
  refresh(scope: TenantScope, providerIds: string[], opts?: { notifyDirectory?: boolean }): Promise<void>;
}

export interface SearchServices {
  indexer: SearchIndexer;
  /** The search side of the patient app's discovery facade. */
  discovery(tenant: DiscoveryTenant): Pick<DiscoveryServices, "search" | "getDoctor" | "doctorPhoto" | "facets">;
  /** Cached answers read from `source` (a tenant schema, or `platform` for the directory) are stale. */
  invalidate(source: string): void;
  /** Hears other processes' changes (Postgres NOTIFY); until then, and while it is down, only this process's own changes invalidate. */
  listen(databaseUrl: string, log: { warn(obj: object, msg: string): void }): Promise<void>;
  close(): Promise<void>;
  /** Hit and miss counts, for the benchmark. */
  cacheStats(): { hits: number; misses: number };
}

/** The directory's source name in the cache: the schema its table lives in. */
export const DIRECTORY_SOURCE = "platform";

/** Builds the search indexer and the per-tenant discovery facade. */
export function createSearchServices(deps: { db: Knex; withTenant: TenantUnitOfWork; storage: FileStorage; cacheTtlMs?: number }): SearchServices {
  const cache = new SearchCache({ ttlMs: deps.cacheTtlMs ?? 0 });
  return {
    indexer: {
      async refresh(scope, providerIds, opts = {}) {
        const ids = [...new Set(providerIds)];
        if (!ids.length) return;
        const store = new SearchIndexStore(scope);
        await store.rebuild(ids);
        if (opts.notifyDirectory) await store.insertDirectoryEvents(ids);
        // Before the commit, so no answer read from the old rows is cached afterwards in
        // this process; other processes hear the trigger's NOTIFY at commit.
        cache.invalidate(scope.tenant.schema);
      },
    },
    discovery: (tenant) => {
      const d = createDiscovery(deps, tenant);
      const sources = tenant.kind === "marketplace" ? [tenant.schema, DIRECTORY_SOURCE] : [tenant.schema];
      return {
        ...d,
        search: async (params) => {
          const q = parseSearchQuery(params);
          return cache.getOrLoad(sources, `${tenant.schema}|search|${JSON.stringify(q)}`, () => d.searchParsed(q));
        },
        facets: () => cache.getOrLoad(sources, `${tenant.schema}|facets`, () => d.facets()),
      };
    },
    invalidate: (source) => cache.invalidate(source),
    listen: (url, log) => cache.listen(url, log),
    close: () => cache.close(),
    cacheStats: () => ({ hits: cache.hits, misses: cache.misses }),
  };
}
