import { randomUUID } from "node:crypto";
import { createTenantAuditService } from "../audit/index.js";
import { ValidationError } from "../errors/index.js";
import { ClinicStore } from "./clinic-store.js";
import { ProviderStore } from "./provider-store.js";
import type { DirectorySeed, ProviderDeps, ProviderTenant } from "./provider-types.js";
import { ReviewEventStore } from "./review-event-store.js";
import { SpecialtyStore } from "./specialty-store.js";

const CHUNK = 200;

/**
 * Bulk import for seeds and benchmarks, idempotent by slug: missing specialties and
 * clinics are added, existing doctors are skipped. Doctors go in chunks (one transaction
 * and a few multi-row inserts each), published ones as approved + published; the search
 * index is refreshed per chunk and the marketplace relay kicked once at the end.
 */
export async function importDirectory(deps: ProviderDeps, tenant: ProviderTenant, seed: DirectorySeed, opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<{ doctors: number }> {
  const { specialtyIds, clinicIds } = await deps.withTenant(tenant, async (scope) => ({
    specialtyIds: await new SpecialtyStore(scope).ensureBySlug(seed.specialties.map((s) => ({ slug: s.slug, name: s.name, synonyms: [...new Set(s.synonyms.map((x) => x.toLowerCase()))], description: s.description ?? null, active: true }))),
    clinicIds: await new ClinicStore(scope).ensureBySlug(seed.clinics.map((c) => ({ ...c, state: c.state || null, postcode: c.postcode || null, phone: c.phone || null, active: true }))),
  }));
  const total = seed.doctors.length;
  let imported = 0;
  let anyListed = false;
  for (let start = 0; start < total; start += CHUNK) {
    const chunk = seed.doctors.slice(start, start + CHUNK);
    const told = await deps.withTenant(tenant, async (scope) => {
      const store = new ProviderStore(scope);
      const existing = await store.existingSlugs(chunk.map((d) => d.slug));
      const fresh = chunk.filter((d) => !existing.has(d.slug));
      if (!fresh.length) return false;
      const users = await store.staffIdsByEmail(fresh.flatMap((d) => (d.userEmail ? [d.userEmail] : [])));
      const rows = fresh.map((d) => {
        const sIds = d.specialtySlugs.map((s) => specialtyIds.get(s)).filter((x): x is string => Boolean(x));
        const cIds = d.clinicSlugs.map((c) => clinicIds.get(c)).filter((x): x is string => Boolean(x));
        if (!sIds.length) throw new ValidationError(`Doctor ${d.slug} names no known specialty.`, [{ field: `doctors.${d.slug}.specialtySlugs`, message: "Unknown specialty" }]);
        const listed = tenant.kind === "hospital" && d.published && d.marketplaceListed;
        return {
          id: randomUUID(),
          slug: d.slug,
          userId: d.userEmail ? (users.get(d.userEmail.toLowerCase()) ?? null) : null,
          status: d.published ? ("approved" as const) : ("submitted" as const),
          published: d.published,
          listed,
          profile: {
            name: d.name,
            gender: d.gender,
            email: d.email.toLowerCase(),
            phone: null,
            registrationNumber: d.registrationNumber,
            registrationCouncil: d.registrationCouncil,
            qualifications: d.qualifications,
            yearsExperience: d.yearsExperience,
            languages: d.languages,
            feeMinor: d.feeMinor,
            currency: d.currency,
            modes: d.modes,
            bio: d.bio,
            conditions: d.conditions,
            specialtyIds: [...new Set(sIds)],
            primarySpecialtyId: sIds[0]!,
            clinicIds: [...new Set(cIds)],
          },
        };
      });
      const insertedIds = new Set(await store.bulkInsert(rows));
      const inserted = rows.filter((r) => insertedIds.has(r.id));
      // The signed-in doctor's actor carries users.provider_id: link both ways.
      await store.linkUsers(inserted.flatMap((r) => (r.userId ? [{ userId: r.userId, providerId: r.id }] : [])));
      imported += inserted.length;
      await new ReviewEventStore(scope).addMany(inserted.map((r) => ({ providerId: r.id, actorId: null, actorLabel: "Import", kind: "imported" as const, body: r.published ? "Imported as approved and published" : "Imported for review" })));
      // One audit record per chunk: the import is one system action, the timeline has the per-doctor rows.
      await createTenantAuditService(scope).record({ actorType: "system", action: "provider.imported", subjectType: "provider_import", subjectId: null, outcome: "success", metadata: { doctors: inserted.length, published: inserted.filter((r) => r.published).length } });
      // The directory only needs to hear about doctors listed on it (nothing was there before).
      const listed = inserted.filter((r) => r.listed).map((r) => r.id);
      const unlisted = inserted.filter((r) => r.published && !r.listed).map((r) => r.id);
      if (listed.length) await deps.indexer.refresh(scope, listed, { notifyDirectory: true });
      if (unlisted.length) await deps.indexer.refresh(scope, unlisted, { notifyDirectory: false });
      return listed.length > 0;
    });
    anyListed ||= told;
    opts.onProgress?.(Math.min(start + chunk.length, total), total);
  }
  if (anyListed) deps.directoryChanged(tenant);
  return { doctors: imported };
}
