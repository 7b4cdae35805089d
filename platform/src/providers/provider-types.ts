import type { Knex } from "knex";
import type { DiscoveryServices, ProviderAdminServices } from "../context.js";
import type { TenantDbRef, TenantUnitOfWork } from "../db/index.js";
import type { MessageChannel, RateLimiter } from "../identity/index.js";
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
    /** Links the provider to an existing staff user with this email (the demo doctor's own account). */
    userEmail?: string;
  }[];
}

export type ApplicationServices = Pick<DiscoveryServices, "applicationForm" | "apply" | "describeApplication" | "resubmitApplication">;

export interface ProviderServices {
  /** The admin app's facade for one signed-in staff user. */
  admin(tenant: ProviderTenant, actor: import("../access/index.js").Actor): ProviderAdminServices;
  /** The application half of the public discovery facade. */
  applications(tenant: ProviderTenant): ApplicationServices;
  /** Idempotent bulk import (by slug) for seeds and benchmarks; refreshes the search index. */
  importDirectory(tenant: ProviderTenant, seed: DirectorySeed, opts?: { onProgress?: (done: number, total: number) => void }): Promise<{ doctors: number }>;
}

/** The collaborators every provider service shares. */
export interface ProviderDeps {
  db: Knex;
  withTenant: TenantUnitOfWork;
  storage: FileStorage;
  messages: MessageChannel;
  linkBase: (host: string) => string;
  indexer: SearchIndexer;
  /** Called after a commit that wrote directory events (kicks the relay). */
  directoryChanged: (tenant: TenantDbRef) => void;
  /** Limits the public application form (per tenant and per applicant email); none when absent. */
  rateLimiter?: RateLimiter;
}
