// CONTRACT (owned by the search helper). Stub until implemented.
import type { Knex } from "knex";
import type { DiscoveryServices } from "../context.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import type { FileStorage } from "../storage/index.js";

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
}

export function createSearchServices(_deps: { db: Knex; withTenant: TenantUnitOfWork; storage: FileStorage }): SearchServices {
  const todo = async (): Promise<never> => {
    throw new Error("search: not implemented yet");
  };
  return { indexer: { refresh: async () => undefined }, discovery: () => ({ search: todo, getDoctor: todo, doctorPhoto: todo, facets: todo }) };
}
