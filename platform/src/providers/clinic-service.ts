import { defineAbilityFor, requireCan, subject, type Actor } from "../access/index.js";
import { createTenantAuditService } from "../audit/index.js";
import type { ClinicView } from "../context.js";
import { NotFoundError, ValidationError } from "../errors/index.js";
import { ClinicStore } from "./clinic-store.js";
import { parseClinicInput, slugify } from "./provider-inputs.js";
import { reindex } from "./provider-steps.js";
import type { ProviderDeps, ProviderTenant } from "./provider-types.js";
import { toClinicView } from "./provider-views.js";
import { uniqueSlug } from "./unique-slug.js";

/** Clinics and locations where doctors practise. */
export class ClinicService {
  constructor(private readonly deps: ProviderDeps) {}

  async list(tenant: ProviderTenant, actor: Actor): Promise<ClinicView[]> {
    const ability = defineAbilityFor(actor);
    if (!ability.can("read", "Clinic")) throw new NotFoundError();
    const rows = await this.deps.withTenant(tenant, (scope) => new ClinicStore(scope).list());
    return rows.filter((c) => ability.can("read", subject("Clinic", { ...c }))).map(toClinicView);
  }

  async get(tenant: ProviderTenant, actor: Actor, id: string): Promise<ClinicView> {
    const ability = defineAbilityFor(actor);
    const c = await this.deps.withTenant(tenant, (scope) => new ClinicStore(scope).find(id));
    if (!c) throw new NotFoundError("No such clinic.");
    requireCan(ability, "read", "Clinic", c);
    return toClinicView(c);
  }

  /** Adds (no `id`) or updates a clinic; re-indexes the published doctors who practise there. */
  async save(tenant: ProviderTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
    const v = parseClinicInput(input);
    const ability = defineAbilityFor(actor);
    let notified = false;
    const id = await this.deps.withTenant(tenant, async (scope) => {
      const store = new ClinicStore(scope);
      const existing = v.id ? await store.find(v.id) : null;
      if (v.id && !existing) throw new NotFoundError("No such clinic.");
      requireCan(ability, existing ? "update" : "create", "Clinic", existing ?? {});
      let slug: string;
      if (v.slug) {
        if (await store.slugTaken(v.slug, v.id)) throw new ValidationError("Please check the highlighted fields.", [{ field: "slug", message: "Another clinic uses this slug" }]);
        slug = v.slug;
      } else {
        slug = existing?.slug ?? (await uniqueSlug(scope.db, "clinics", slugify(v.name, "clinic"), v.id));
      }
      const { id: _ignored, slug: _s, ...rest } = v;
      const write = { ...rest, slug };
      const id = existing ? (await store.update(existing.id, write), existing.id) : await store.insert(write);
      await createTenantAuditService(scope).record({ actorType: "user", actorId: actor.userId, action: "clinic.saved", subjectType: "clinic", subjectId: id, outcome: "success", metadata: { created: !existing } });
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
