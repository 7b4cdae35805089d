import { randomUUID } from "node:crypto";
import { accessibleWhere, canOn, defineAbilityFor, requireCan, type Action, type Actor, type AppAbility } from "../access/index.js";
import { createTenantAuditService } from "../audit/index.js";
import type { ProviderDetailView, ProviderStatus, ProviderSummaryView, UploadedFile } from "../context.js";
import type { TenantScope } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { ProviderDocumentStore } from "./provider-document-store.js";
import { checkUploads, providerFileKey, storeDocuments, withTenantFiles, type FileWriter } from "./provider-files.js";
import { parseProviderInput, parseRequirementInput, slugify } from "./provider-inputs.js";
import { checkProfileReferences, newApplicationToken, recordStep, reindex, type StepActor } from "./provider-steps.js";
import { PROVIDER_STATUSES, ProviderStore, type ProviderRecord } from "./provider-store.js";
import type { ProviderDeps, ProviderTenant } from "./provider-types.js";
import { humanise, toChecklist, toEditableView, toEventView, toSummaryView } from "./provider-views.js";
import { ReviewEventStore } from "./review-event-store.js";
import { uniqueSlug } from "./unique-slug.js";

const PAGE_SIZE = 20;
const REVIEWABLE: readonly ProviderStatus[] = ["submitted", "in_review"];

/** What the ability rules see of a provider. */
export function providerSubject(p: ProviderRecord) {
  return { id: p.id, status: p.status, published: p.published, marketplaceListed: p.marketplaceListed, clinicIds: p.clinicIds };
}

/** A required free-text field (note, message, reason): trimmed, 1-2000 characters. */
function requiredText(value: unknown, field: string, message: string): string {
  const s = typeof value === "string" ? value.trim() : "";
  if (!s) throw new ValidationError(message, [{ field, message }]);
  if (s.length > 2000) throw new ValidationError("At most 2000 characters.", [{ field, message: "At most 2000 characters" }]);
  return s;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || (typeof value === "string" && !value.trim())) return null;
  return requiredText(value, field, "");
}

interface StepContext {
  scope: TenantScope;
  store: ProviderStore;
  provider: ProviderRecord;
  by: StepActor;
  files: FileWriter;
  /** Marks the directory as told (kick the relay after the commit). */
  notified(told: boolean): void;
}

/**
 * Provider onboarding for staff: the review queue, profiles, documents and the workflow
 * (submitted -> in_review -> changes_requested -> submitted ... -> approved | rejected,
 * then published, listed). Each step checks the actor's ability on the loaded record and
 * writes a timeline row and an audit record in the same transaction.
 */
export class ProviderService {
  constructor(private readonly deps: ProviderDeps) {}

  /** Loads (and locks) the provider, checks `action` on it, runs `work` with files and directory bookkeeping. */
  private async step<T>(tenant: ProviderTenant, actor: Actor, id: string, action: Action, work: (ctx: StepContext) => Promise<T>): Promise<T> {
    const ability = defineAbilityFor(actor);
    let notify = false;
    const result = await withTenantFiles(this.deps.withTenant, this.deps.storage, tenant, async (scope, files) => {
      const store = new ProviderStore(scope);
      const provider = await store.find(id, { lock: true });
      if (!provider) throw new NotFoundError("No such doctor.");
      requireCan(ability, action, "Provider", providerSubject(provider));
      const by: StepActor = { type: "user", id: actor.userId, label: (await store.userName(actor.userId)) ?? "Staff" };
      return work({ scope, store, provider, by, files, notified: (told) => void (notify ||= told) });
    });
    if (notify) this.deps.directoryChanged(tenant);
    return result;
  }

  async list(tenant: ProviderTenant, actor: Actor, filter: { status?: string | null; q?: string | null; page?: number }) {
    const ability = defineAbilityFor(actor);
    const status = PROVIDER_STATUSES.includes(filter.status as ProviderStatus) ? (filter.status as ProviderStatus) : null;
    const q = typeof filter.q === "string" && filter.q.trim() ? filter.q.trim().slice(0, 100) : null;
    const page = Number.isInteger(Number(filter.page)) && Number(filter.page) >= 1 ? Number(filter.page) : 1;
    const visible = accessibleWhere(ability, "read", "Provider", { id: "p.id", status: "p.status", published: "p.published", marketplaceListed: "p.marketplace_listed" });
    const r = await this.deps.withTenant(tenant, (scope) => new ProviderStore(scope).list({ status, q, page, pageSize: PAGE_SIZE, visible }));
    return { items: r.items.map(toSummaryView) as ProviderSummaryView[], total: r.total, page, pageCount: Math.max(1, Math.ceil(r.total / PAGE_SIZE)), counts: r.counts };
  }

  async get(tenant: ProviderTenant, actor: Actor, id: string): Promise<ProviderDetailView> {
    const ability = defineAbilityFor(actor);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new ProviderStore(scope);
      const p = await store.find(id);
      if (!p) throw new NotFoundError("No such doctor.");
      requireCan(ability, "read", "Provider", providerSubject(p));
      const docs = new ProviderDocumentStore(scope);
      const requirements = await docs.requirements();
      const documents = (await docs.listFor(p.id)).filter((d) => canOn(ability, "read", "ProviderDocument", { id: d.id, providerId: d.providerId, kind: d.kind }));
      const timeline = (await new ReviewEventStore(scope).listFor(p.id)).map(toEventView);
      const documentsComplete = await store.documentsComplete(p.id);
      const missing = missingForApproval(requirements, documents);
      return {
        ...toSummaryView({ ...p, specialties: [], documentsComplete }),
        specialties: await this.specialtyNames(scope, p.specialtyIds),
        profile: toEditableView(p),
        hasPhoto: Boolean(p.photoKey),
        decisionReason: p.decisionReason,
        checklist: toChecklist(requirements, documents),
        timeline,
        allowed: allowedActions(ability, tenant, p, missing.length === 0),
      };
    });
  }

  private async specialtyNames(scope: TenantScope, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await scope.db("specialties").whereIn("id", ids).select("id", "name");
    const byId = new Map(rows.map((r: { id: string; name: string }) => [r.id, r.name]));
    return ids.map((i) => byId.get(i)).filter((n): n is string => Boolean(n));
  }

  /** An admin enters an applicant; starts `submitted` (source `admin`). */
  async create(tenant: ProviderTenant, actor: Actor, input: Record<string, unknown>, uploads: UploadedFile[]): Promise<{ id: string }> {
    const profile = parseProviderInput(input, { emailRequired: false });
    const ability = defineAbilityFor(actor);
    requireCan(ability, "create", "Provider", {});
    const id = randomUUID();
    await withTenantFiles(this.deps.withTenant, this.deps.storage, tenant, async (scope, files) => {
      const docs = new ProviderDocumentStore(scope);
      const kinds = new Set((await docs.requirements()).map((r) => r.kind));
      const checked = checkUploads(uploads, kinds, { photo: true });
      await checkProfileReferences(scope, profile, null);
      const store = new ProviderStore(scope);
      const slug = await uniqueSlug(scope.db, "providers", slugify(profile.name, "doctor"));
      const photoKey = checked.photo ? providerFileKey(tenant.id, id) : null;
      await store.insert({ id, slug, profile, source: "admin", status: "submitted", applicationTokenHash: null, photoKey });
      if (checked.photo && photoKey) await files.put(photoKey, checked.photo.bytes, checked.photo.contentType);
      await storeDocuments(scope, files, id, checked.documents, actor.userId);
      const label = (await store.userName(actor.userId)) ?? "Staff";
      await recordStep(scope, { providerId: id, actor: { type: "user", id: actor.userId, label }, kind: "created", action: "provider.created", metadata: { documents: checked.documents.length, photo: Boolean(checked.photo) } });
    });
    return { id };
  }

  /** Replaces the editable profile (any status); re-indexes a published doctor. */
  async update(tenant: ProviderTenant, actor: Actor, id: string, input: Record<string, unknown>): Promise<void> {
    const profile = parseProviderInput(input, { emailRequired: false });
    await this.step(tenant, actor, id, "update", async ({ scope, store, provider, by, notified }) => {
      await checkProfileReferences(scope, profile, provider.id);
      await store.updateProfile(provider.id, profile);
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "updated", action: "provider.updated", metadata: { status: provider.status } });
      notified(await reindex(scope, tenant, this.deps.indexer, [{ id: provider.id, publishedBefore: provider.published, publishedAfter: provider.published, listedBefore: provider.marketplaceListed, listedAfter: provider.marketplaceListed }]));
    });
  }

  /** Adds checklist documents (and optionally a new photo). */
  async uploadDocuments(tenant: ProviderTenant, actor: Actor, id: string, uploads: UploadedFile[]): Promise<void> {
    await this.step(tenant, actor, id, "update", async ({ scope, store, provider, by, files, notified }) => {
      const kinds = new Set((await new ProviderDocumentStore(scope).requirements()).map((r) => r.kind));
      const checked = checkUploads(uploads, kinds, { photo: true });
      if (!checked.photo && !checked.documents.length) throw new ValidationError("Choose a file to upload.", [{ field: "files", message: "Choose a file to upload" }]);
      if (checked.photo) {
        const key = providerFileKey(tenant.id, provider.id);
        await files.put(key, checked.photo.bytes, checked.photo.contentType);
        await store.patch(provider.id, { photoKey: key });
        if (provider.photoKey) files.deleteAfterCommit(provider.photoKey);
        await recordStep(scope, { providerId: provider.id, actor: by, kind: "updated", body: "New photo", action: "provider.updated", metadata: { photo: true } });
        notified(await reindex(scope, tenant, this.deps.indexer, [{ id: provider.id, publishedBefore: provider.published, publishedAfter: provider.published, listedBefore: provider.marketplaceListed, listedAfter: provider.marketplaceListed }]));
      }
      for (const d of await storeDocuments(scope, files, provider.id, checked.documents, actor.userId)) {
        await recordStep(scope, { providerId: provider.id, actor: by, kind: "document_uploaded", body: humanise(d.kind), action: "provider.document_uploaded", metadata: { documentId: d.id, kind: d.kind }, subjectType: "provider_document", subjectId: d.id });
      }
    });
  }

  /** Accepts or rejects one document, with an optional note for the applicant. */
  async setDocumentStatus(tenant: ProviderTenant, actor: Actor, id: string, documentId: string, status: "accepted" | "rejected", note?: string | null): Promise<void> {
    if (status !== "accepted" && status !== "rejected") throw new ValidationError("Choose accept or reject.", [{ field: "status", message: "Choose accept or reject" }]);
    const text = optionalText(note, "note");
    await this.step(tenant, actor, id, "update", async ({ scope, provider, by }) => {
      const docs = new ProviderDocumentStore(scope);
      const doc = await docs.find(provider.id, documentId);
      if (!doc) throw new NotFoundError("No such document.");
      requireCan(defineAbilityFor(actor), "update", "ProviderDocument", { id: doc.id, providerId: doc.providerId, kind: doc.kind });
      await docs.setStatus(doc.id, status, text, actor.userId);
      await recordStep(scope, {
        providerId: provider.id,
        actor: by,
        kind: status === "accepted" ? "document_accepted" : "document_rejected",
        body: text ? `${humanise(doc.kind)}: ${text}` : humanise(doc.kind),
        action: "provider.document_reviewed",
        metadata: { documentId: doc.id, kind: doc.kind, status },
        subjectType: "provider_document",
        subjectId: doc.id,
      });
    });
  }

  /** The stored bytes of one document of this tenant's provider. */
  async downloadDocument(tenant: ProviderTenant, actor: Actor, id: string, documentId: string): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
    const ability = defineAbilityFor(actor);
    const doc = await this.deps.withTenant(tenant, async (scope) => {
      const p = await new ProviderStore(scope).find(id);
      if (!p) throw new NotFoundError("No such doctor.");
      requireCan(ability, "read", "Provider", providerSubject(p));
      const d = await new ProviderDocumentStore(scope).find(p.id, documentId);
      if (!d) throw new NotFoundError("No such document.");
      requireCan(ability, "read", "ProviderDocument", { id: d.id, providerId: d.providerId, kind: d.kind });
      return d;
    });
    const file = await this.deps.storage.get(doc.storageKey);
    if (!file) throw new NotFoundError("The file is no longer available.");
    return { bytes: file.bytes, contentType: doc.contentType, filename: doc.originalName };
  }

  /** Assigns (or, with null, removes) the reviewer: `submitted` becomes `in_review`. */
  async assignReviewer(tenant: ProviderTenant, actor: Actor, id: string, reviewerId: string | null): Promise<void> {
    await this.step(tenant, actor, id, "update", async ({ scope, store, provider, by }) => {
      if (!["submitted", "in_review", "changes_requested"].includes(provider.status)) throw new DomainError("conflict", `A ${provider.status.replace("_", " ")} application has no reviewer to assign.`);
      if (reviewerId) {
        const reviewers = await store.reviewers();
        const reviewer = reviewers.find((r) => r.id === reviewerId);
        if (!reviewer) throw new ValidationError("Choose a reviewer from the list.", [{ field: "reviewerId", message: "Choose a reviewer from the list" }]);
        await store.patch(provider.id, { reviewerId, status: provider.status === "submitted" ? "in_review" : provider.status });
        await recordStep(scope, { providerId: provider.id, actor: by, kind: "reviewer_assigned", body: reviewer.name, action: "provider.reviewer_assigned", metadata: { reviewerId, status: provider.status === "submitted" ? "in_review" : provider.status } });
      } else {
        await store.patch(provider.id, { reviewerId: null, status: provider.status === "in_review" ? "submitted" : provider.status });
        await recordStep(scope, { providerId: provider.id, actor: by, kind: "reviewer_removed", action: "provider.reviewer_assigned", metadata: { reviewerId: null } });
      }
    });
  }

  async addNote(tenant: ProviderTenant, actor: Actor, id: string, body: string): Promise<void> {
    const text = requiredText(body, "body", "Write a note.");
    await this.step(tenant, actor, id, "update", async ({ scope, provider, by }) => {
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "note", body: text, action: "provider.note_added" });
    });
  }

  /** Sends the application back to the applicant, emailing what to fix and a fresh private link. */
  async requestChanges(tenant: ProviderTenant, actor: Actor, id: string, message: string): Promise<void> {
    const text = requiredText(message, "message", "Tell the applicant what to fix.");
    const sent = await this.step(tenant, actor, id, "update", async ({ scope, store, provider, by }) => {
      if (!REVIEWABLE.includes(provider.status)) throw new DomainError("conflict", `Changes can only be requested on an application under review (this one is ${provider.status.replace("_", " ")}).`);
      if (!provider.email) throw new DomainError("conflict", "This applicant has no email address to send the request to; add one to the profile first.");
      const { token, hash } = newApplicationToken();
      await store.patch(provider.id, { status: "changes_requested", applicationTokenHash: hash });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "changes_requested", body: text, action: "provider.changes_requested", metadata: { status: "changes_requested" } });
      return { email: provider.email, name: provider.name, token };
    });
    const link = `${this.deps.linkBase(tenant.primaryHost)}/join/${sent.token}`;
    await this.deps.messages.send({
      tenantSlug: tenant.slug,
      channel: "email",
      recipient: sent.email,
      subject: `${tenant.name}: please update your application`,
      body: `Dear ${sent.name},\n\nThank you for applying to ${tenant.name}. Our reviewer asks for the following before we can continue:\n\n${text}\n\nUpdate your application here (this link is private to you):\n${link}\n`,
    });
  }

  /** Approves an application under review whose required documents are all accepted. */
  async approve(tenant: ProviderTenant, actor: Actor, id: string, note?: string | null): Promise<void> {
    const text = optionalText(note, "note");
    await this.step(tenant, actor, id, "approve", async ({ scope, store, provider, by }) => {
      if (!REVIEWABLE.includes(provider.status)) throw new DomainError("conflict", `Only an application under review can be approved (this one is ${provider.status.replace("_", " ")}).`);
      const docs = new ProviderDocumentStore(scope);
      const requirements = await docs.requirements();
      const missing = missingForApproval(requirements, await docs.listFor(provider.id));
      if (missing.length) {
        throw new DomainError("conflict", `These required documents are missing or not accepted yet: ${missing.map((m) => m.label).join(", ")}.`, { missing: missing.map((m) => m.kind) });
      }
      await store.patch(provider.id, { status: "approved", decisionReason: text, decidedAt: new Date() });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "approved", body: text, action: "provider.approved", metadata: { status: "approved" } });
    });
  }

  /** Ends an application under review; the applicant (when they gave an email) is told the reason. */
  async reject(tenant: ProviderTenant, actor: Actor, id: string, reason: string): Promise<void> {
    const text = requiredText(reason, "reason", "Give the reason for rejecting.");
    const applicant = await this.step(tenant, actor, id, "approve", async ({ scope, store, provider, by }) => {
      if (!REVIEWABLE.includes(provider.status)) throw new DomainError("conflict", `Only an application under review can be rejected (this one is ${provider.status.replace("_", " ")}).`);
      await store.patch(provider.id, { status: "rejected", decisionReason: text, decidedAt: new Date() });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "rejected", body: text, action: "provider.rejected", metadata: { status: "rejected" } });
      return { email: provider.email, name: provider.name };
    });
    if (!applicant.email) return;
    await this.deps.messages.send({
      tenantSlug: tenant.slug,
      channel: "email",
      recipient: applicant.email,
      subject: `${tenant.name}: your application`,
      body: `Dear ${applicant.name},\n\nThank you for applying to ${tenant.name}. We are unable to approve your application:\n\n${text}\n\nIf you have questions, please reply to the hospital directly.\n`,
    });
  }

  async publish(tenant: ProviderTenant, actor: Actor, id: string): Promise<void> {
    await this.step(tenant, actor, id, "publish", async ({ scope, store, provider, by, notified }) => {
      if (provider.status !== "approved") throw new DomainError("conflict", "Only an approved doctor can be published.");
      if (provider.published) throw new DomainError("conflict", "This doctor is already published.");
      await store.patch(provider.id, { published: true, publishedAt: new Date() });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "published", action: "provider.published" });
      notified(await reindex(scope, tenant, this.deps.indexer, [{ id: provider.id, publishedBefore: false, publishedAfter: true, listedBefore: false, listedAfter: false }]));
    });
  }

  /** Hides the doctor from search at once, and from the marketplace. */
  async unpublish(tenant: ProviderTenant, actor: Actor, id: string): Promise<void> {
    await this.step(tenant, actor, id, "publish", async ({ scope, store, provider, by, notified }) => {
      if (!provider.published) throw new DomainError("conflict", "This doctor is not published.");
      await store.patch(provider.id, { published: false, marketplaceListed: false });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: "unpublished", action: "provider.unpublished", metadata: { delisted: provider.marketplaceListed } });
      notified(await reindex(scope, tenant, this.deps.indexer, [{ id: provider.id, publishedBefore: true, publishedAfter: false, listedBefore: provider.marketplaceListed, listedAfter: false }]));
    });
  }

  /** Hospitals only: lists or delists a published doctor in the marketplace directory. */
  async setMarketplaceListing(tenant: ProviderTenant, actor: Actor, id: string, listed: boolean): Promise<void> {
    await this.step(tenant, actor, id, "publish", async ({ scope, store, provider, by, notified }) => {
      if (tenant.kind !== "hospital") throw new DomainError("conflict", "Only a partner hospital lists its doctors on the marketplace.");
      if (listed && !provider.published) throw new DomainError("conflict", "Publish the doctor before listing them on the marketplace.");
      if (provider.marketplaceListed === listed) return;
      await store.patch(provider.id, { marketplaceListed: listed });
      await recordStep(scope, { providerId: provider.id, actor: by, kind: listed ? "marketplace_listed" : "marketplace_delisted", action: listed ? "provider.marketplace_listed" : "provider.marketplace_delisted" });
      notified(await reindex(scope, tenant, this.deps.indexer, [{ id: provider.id, publishedBefore: provider.published, publishedAfter: provider.published, listedBefore: provider.marketplaceListed, listedAfter: listed }]));
    });
  }

  /** Staff who may review applications. */
  async listReviewers(tenant: ProviderTenant, actor: Actor): Promise<{ id: string; name: string }[]> {
    if (!defineAbilityFor(actor).can("update", "Provider")) throw new NotFoundError();
    return this.deps.withTenant(tenant, (scope) => new ProviderStore(scope).reviewers());
  }

  async listDocumentRequirements(tenant: ProviderTenant, actor: Actor) {
    if (!defineAbilityFor(actor).can("read", "Provider")) throw new NotFoundError();
    const rows = await this.deps.withTenant(tenant, (scope) => new ProviderDocumentStore(scope).requirements());
    return rows.map((r) => ({ kind: r.kind, label: r.label, required: r.required }));
  }

  /** The checklist is tenant policy: changing it needs `update` on the tenant. */
  async saveDocumentRequirement(tenant: ProviderTenant, actor: Actor, input: Record<string, unknown>): Promise<void> {
    const v = parseRequirementInput(input);
    requireCan(defineAbilityFor(actor), "update", "Tenant", { id: tenant.id });
    await this.deps.withTenant(tenant, async (scope) => {
      const outcome = await new ProviderDocumentStore(scope).saveRequirement(v);
      await createTenantAuditService(scope).record({ actorType: "user", actorId: actor.userId, action: "document_requirement.saved", subjectType: "document_requirement", subjectId: v.kind, outcome: "success", metadata: { kind: v.kind, required: v.required, created: outcome === "created" } });
    });
  }
}

/** Required checklist items whose latest document is missing or not accepted. */
export function missingForApproval(requirements: { kind: string; label: string; required: boolean }[], documents: { kind: string; status: string }[]): { kind: string; label: string }[] {
  const latest = new Map<string, string>();
  for (const d of documents) if (!latest.has(d.kind)) latest.set(d.kind, d.status); // newest first
  return requirements.filter((r) => r.required && latest.get(r.kind) !== "accepted").map((r) => ({ kind: r.kind, label: r.label }));
}

function allowedActions(ability: AppAbility, tenant: ProviderTenant, p: ProviderRecord, documentsAccepted: boolean): ProviderDetailView["allowed"] {
  const s = providerSubject(p);
  const reviewable = REVIEWABLE.includes(p.status);
  const canPublish = canOn(ability, "publish", "Provider", s);
  return {
    review: reviewable && canOn(ability, "update", "Provider", s),
    approve: reviewable && documentsAccepted && canOn(ability, "approve", "Provider", s),
    publish: p.status === "approved" && !p.published && canPublish,
    unpublish: p.published && canPublish,
    listOnMarketplace: tenant.kind === "hospital" && p.published && canPublish,
  };
}
