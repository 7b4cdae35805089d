// CONTRACT (owned by the providers helper). Stub until implemented.
import type { Knex } from "knex";
import type { Actor } from "../access/index.js";
import type { DiscoveryServices, ProviderAdminServices } from "../context.js";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import type { MessageChannel } from "../identity/index.js";
import type { SearchIndexer } from "../search/index.js";
import type { FileStorage } from "../storage/index.js";

/** A tenant with what links and marketplace rules need. */
export type ProviderTenant = TenantDbRef & { name: string; kind: "hospital" | "marketplace"; primaryHost: string };

/** Bulk data for the demo seed and the search benchmark (see provisioning/src/demo-doctors.ts). */
export interface DirectorySeed {
  specialties: { slug: string; name: string; synonyms: string[]; description?: string }[];
  clinics: {
    slug: string;
    name: string;
    addressLine: string;
    locality: string;
    city: string;
    state: string;
    postcode: string;
    latitude: number;
    longitude: number;
    timeZone: string;
    phone: string;
    facilities: string[];
    openingHours: Record<string, [string, string][]>;
  }[];
  doctors: {
    slug: string;
    name: string;
    gender: "female" | "male";
    email: string;
    registrationNumber: string;
    registrationCouncil: string;
    qualifications: string[];
    yearsExperience: number;
    languages: string[];
    feeMinor: number;
    currency: "INR";
    modes: ("in_clinic" | "video")[];
    bio: string;
    conditions: string[];
    specialtySlugs: string[];
    clinicSlugs: string[];
    /** Approved and published (otherwise left `submitted` in the review queue). */
    published: boolean;
    /** Hospitals only: also listed in the marketplace directory. */
    marketplaceListed: boolean;
  }[];
}

export interface ProviderServices {
  /** The admin app's facade for one signed-in staff user. */
  admin(tenant: ProviderTenant, actor: Actor): ProviderAdminServices;
  /** The application half of the public discovery facade. */
  applications(tenant: ProviderTenant): Pick<DiscoveryServices, "applicationForm" | "apply" | "describeApplication" | "resubmitApplication">;
  /** Idempotent bulk import (by slug) for seeds and benchmarks; refreshes the search index. */
  importDirectory(tenant: ProviderTenant, seed: DirectorySeed, opts?: { onProgress?: (done: number, total: number) => void }): Promise<{ doctors: number }>;
}

export function createProviderServices(_deps: {
  db: Knex;
  withTenant: TenantUnitOfWork;
  storage: FileStorage;
  messages: MessageChannel;
  linkBase: (host: string) => string;
  indexer: SearchIndexer;
  /** Called after a commit that wrote directory events (kicks the relay). */
  directoryChanged: (tenant: TenantDbRef) => void;
}): ProviderServices {
  const todo = async (): Promise<never> => {
    throw new Error("providers: not implemented yet");
  };
  const todoFacade = new Proxy({}, { get: () => todo });
  return { admin: () => todoFacade as ProviderAdminServices, applications: () => todoFacade as ReturnType<ProviderServices["applications"]>, importDirectory: todo };
}
