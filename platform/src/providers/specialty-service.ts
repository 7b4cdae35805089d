import { defineAbilityFor, requireCan, subject, type Actor } from "../access/index.js";
import { createTenantAuditService } from "../audit/index.js";
import type { SpecialtyView } from "../context.js";
import { NotFoundError, ValidationError } from "../errors/index.js";
import { parseSpecialtyInput, slugify } from "./provider-inputs.js";
import { reindex } from "./provider-steps.js";
import type { ProviderDeps, ProviderTenant } from "./provider-types.js";
import { toSpecialtyView } from "./provider-views.js";
import { SpecialtyStore } from "./specialty-store.js";
import { uniqueSlug } from "./unique-slug.js";

/** The tenant's managed list of specialties (with the synonyms patients type). */
export class SpecialtyService {
  constructor(private readonly deps: ProviderDeps) {}

  /** Every specialty, with its count of published doctors. */
  async list(tenant: ProviderTenant, actor: Actor): Promise<SpecialtyView[]> {
    const ability = defineAbilityFor(actor);
    if (!ability.can("read", "Specialty")) throw new NotFoundError();
    const rows = await this.deps.withTenant(tenant, (scope) => new SpecialtyStore(scope).list());
    return rows.filter((s) => ability.can("read", subject("Specialty", { ...s }))).map(toSpecialtyView);
  }

  /** Adds (no `id`) or updates a specialty; re-indexes the published doctors who have it. */
  async save(tenant: ProviderTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
    const v = parseSpecialtyInput(input);
    const ability = defineAbilityFor(actor);
    let notified = false;
    const id = await this.deps.withTenant(tenant, async (scope) => {
      const store = new SpecialtyStore(scope);
      const existing = v.id ? await store.find(v.id) : null;
      if (v.id && !existing) throw new NotFoundError("No such specialty.");
      requireCan(ability, existing ? "update" : "create", "Specialty", existing ?? {});
      if (await store.findByName(v.name, v.id)) throw new ValidationError("Please check the highlighted fields.", [{ field: "name", message: "A specialty with this name already exists" }]);
      let slug: string;
      if (v.slug) {
        if (await store.slugTaken(v.slug, v.id)) throw new ValidationError("Please check the highlighted fields.", [{ field: "slug", message: "Another specialty uses this slug" }]);
        slug = v.slug;
      } else {
        // The slug is shared vocabulary across tenants: keep it when the name is edited.
        slug = existing?.slug ?? (await uniqueSlug(scope.db, "specialties", slugify(v.name, "specialty"), v.id));
      }
      const write = { slug, name: v.name, synonyms: v.synonyms.filter((s) => s !== v.name.toLowerCase()), description: v.description, active: v.active };
      const id = existing ? (await store.update(existing.id, write), existing.id) : await store.insert(write);
      await createTenantAuditService(scope).record({ actorType: "user", actorId: actor.userId, action: "specialty.saved", subjectType: "specialty", subjectId: id, outcome: "success", metadata: { created: !existing, slug } });
      if (existing) {
        const affected = await store.publishedProviders(id);
        notified = await reindex(scope, tenant, this.deps.indexer, affected.map((p) => ({ id: p.id, publishedBefore: true, publishedAfter: true, listedBefore: p.listed, listedAfter: p.listed })));
      }
      return id;
    });
    if (notified) this.deps.directoryChanged(tenant);
    return { id };
  }
}
