// Test-only: providers, specialties and clinics written straight into a tenant schema, then
// indexed, so search and directory tests do not depend on the onboarding workflow.
import type { TenantDbRef } from "../db/index.js";
import type { Platform } from "../create-platform.js";

export interface FixtureDoctor {
  slug: string;
  name: string;
  gender?: "female" | "male" | "other";
  specialties: string[];
  clinics: string[];
  feeRupees?: number;
  years?: number;
  languages?: string[];
  modes?: ("in_clinic" | "video")[];
  conditions?: string[];
  qualifications?: string[];
  bio?: string;
  rating?: number | null;
  published?: boolean;
  listed?: boolean;
  photoKey?: string | null;
}

export const FIXTURE_SPECIALTIES = [
  { slug: "cardiology", name: "Cardiology", synonyms: ["heart doctor", "cardiologist", "heart specialist"] },
  { slug: "dermatology", name: "Dermatology", synonyms: ["skin doctor", "dermatologist", "skin specialist"] },
  { slug: "pediatrics", name: "Pediatrics", synonyms: ["child doctor", "paediatrician", "pediatrician"] },
  { slug: "orthopedics", name: "Orthopedics", synonyms: ["bone doctor", "orthopaedic surgeon"] },
];

/** Bengaluru clinics a few kilometres apart, and one in Mumbai. */
export const FIXTURE_CLINICS = [
  { slug: "indiranagar", name: "Indiranagar Clinic", locality: "Indiranagar", city: "Bengaluru", lat: 12.9719, lng: 77.6412 },
  { slug: "koramangala", name: "Koramangala Clinic", locality: "Koramangala", city: "Bengaluru", lat: 12.9352, lng: 77.6245 },
  { slug: "whitefield", name: "Whitefield Clinic", locality: "Whitefield", city: "Bengaluru", lat: 12.9698, lng: 77.75 },
  { slug: "andheri", name: "Andheri Clinic", locality: "Andheri", city: "Mumbai", lat: 19.1136, lng: 72.8697 },
];

/** Writes the fixture specialties and clinics (idempotent). */
export async function seedCatalogue(platform: Platform, tenant: TenantDbRef): Promise<void> {
  await platform.withTenant(tenant, async ({ db }) => {
    for (const s of FIXTURE_SPECIALTIES) await db("specialties").insert({ slug: s.slug, name: s.name, synonyms: s.synonyms }).onConflict("slug").ignore();
    for (const c of FIXTURE_CLINICS) {
      await db("clinics")
        .insert({ slug: c.slug, name: c.name, address_line: `1 Main Road, ${c.locality}`, locality: c.locality, city: c.city, latitude: c.lat, longitude: c.lng, time_zone: "Asia/Kolkata" })
        .onConflict("slug")
        .ignore();
    }
  });
}

/** Inserts doctors (and the catalogue) and indexes them; returns slug -> provider id. */
export async function seedDoctors(platform: Platform, tenant: TenantDbRef, doctors: FixtureDoctor[], opts: { notifyDirectory?: boolean } = {}): Promise<Record<string, string>> {
  await seedCatalogue(platform, tenant);
  return platform.withTenant(tenant, async (scope) => {
    const { db } = scope;
    const ids: Record<string, string> = {};
    for (const d of doctors) {
      const published = d.published ?? true;
      const [row] = await db("providers")
        .insert({
          slug: d.slug,
          name: d.name,
          gender: d.gender ?? null,
          registration_number: `REG-${d.slug}`,
          registration_council: "Karnataka Medical Council",
          qualifications: d.qualifications ?? ["MBBS"],
          years_experience: d.years ?? 5,
          languages: d.languages ?? ["English"],
          fee_minor: (d.feeRupees ?? 500) * 100,
          currency: "INR",
          modes: d.modes ?? ["in_clinic"],
          bio: d.bio ?? null,
          conditions: d.conditions ?? [],
          photo_key: d.photoKey ?? null,
          status: published ? "approved" : "submitted",
          published,
          published_at: published ? new Date() : null,
          marketplace_listed: published && (d.listed ?? false),
          rating_avg: d.rating ?? null,
          rating_count: d.rating ? 10 : 0,
        })
        .returning<{ id: string }[]>("id");
      const id = (row as { id: string }).id;
      ids[d.slug] = id;
      const specs = await db("specialties").whereIn("slug", d.specialties).select<{ id: string; slug: string }[]>("id", "slug");
      for (const s of specs) await db("provider_specialties").insert({ provider_id: id, specialty_id: s.id, is_primary: s.slug === d.specialties[0] });
      const clinics = await db("clinics").whereIn("slug", d.clinics).select<{ id: string }[]>("id");
      for (const c of clinics) await db("provider_clinics").insert({ provider_id: id, clinic_id: c.id });
    }
    await platform.search.indexer.refresh(scope, Object.values(ids), opts);
    return ids;
  });
}

/** Changes a doctor's publication or listing the way the admin console would, and reindexes. */
export async function setPublication(platform: Platform, tenant: TenantDbRef, providerId: string, state: { published: boolean; listed?: boolean }, opts: { notifyDirectory?: boolean } = {}): Promise<void> {
  await platform.withTenant(tenant, async (scope) => {
    await scope.db("providers").where({ id: providerId }).update({
      published: state.published,
      status: "approved",
      marketplace_listed: state.published && (state.listed ?? false),
      updated_at: new Date(),
    });
    await platform.search.indexer.refresh(scope, [providerId], opts);
  });
}

/** A tenant reference with the fields discovery needs. */
export function discoveryTenant(t: TenantDbRef & { name: string; kind: "hospital" | "marketplace" }, primaryHost = `${t.slug}.test`) {
  return { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name, kind: t.kind, primaryHost };
}
