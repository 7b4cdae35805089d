import { randomUUID } from "node:crypto";
import type { ApplicationView, UploadedFile } from "../context.js";
import { DomainError, NotFoundError } from "../errors/index.js";
import { ClinicStore } from "./clinic-store.js";
import { ProviderDocumentStore } from "./provider-document-store.js";
import { checkUploads, providerFileKey, storeDocuments, withTenantFiles } from "./provider-files.js";
import { parseProviderInput, slugify } from "./provider-inputs.js";
import { applicationReference, checkProfileReferences, hashApplicationToken, newApplicationToken, recordStep } from "./provider-steps.js";
import { ProviderStore } from "./provider-store.js";
import type { ApplicationServices, ProviderDeps, ProviderTenant } from "./provider-types.js";
import { toEditableView } from "./provider-views.js";
import { ReviewEventStore } from "./review-event-store.js";
import { SpecialtyStore } from "./specialty-store.js";
import { uniqueSlug } from "./unique-slug.js";

// The public form takes files from anyone: a small budget per applicant and per tenant.
const PER_EMAIL = { limit: 3, windowSeconds: 3600 };
const PER_TENANT = { limit: 100, windowSeconds: 3600 };

/**
 * A doctor's own side of onboarding, with no account: the public application form, and
 * the private link (`/join/<token>`, only its SHA-256 is stored) through which they see
 * what the reviewer asked and send the application back.
 */
export class ApplicationService {
  constructor(private readonly deps: ProviderDeps) {}

  /** Binds the public facade to one tenant. */
  facade(tenant: ProviderTenant): ApplicationServices {
    return {
      applicationForm: () => this.form(tenant),
      apply: (input, files) => this.apply(tenant, input, files),
      describeApplication: (token) => this.describe(tenant, token),
      resubmitApplication: (token, input, files) => this.resubmit(tenant, token, input, files),
    };
  }

  async form(tenant: ProviderTenant) {
    return this.deps.withTenant(tenant, async (scope) => {
      const specialties = await new SpecialtyStore(scope).list({ activeOnly: true });
      const clinics = await new ClinicStore(scope).list({ activeOnly: true });
      const documents = await new ProviderDocumentStore(scope).requirements();
      return {
        specialties: specialties.map((s) => ({ id: s.id, name: s.name })),
        clinics: clinics.map((c) => ({ id: c.id, name: c.name, locality: c.locality, city: c.city })),
        documents: documents.map((d) => ({ kind: d.kind, label: d.label, required: d.required })),
      };
    });
  }

  /** Creates a `submitted` provider from the public form and emails the applicant their private link. */
  async apply(tenant: ProviderTenant, input: Record<string, unknown>, uploads: UploadedFile[]): Promise<{ reference: string }> {
    const profile = parseProviderInput(input, { emailRequired: true });
    await this.limit(`provider-apply:${tenant.id}`, PER_TENANT);
    await this.limit(`provider-apply:${tenant.id}:${profile.email}`, PER_EMAIL);
    const id = randomUUID();
    const { token, hash } = newApplicationToken();
    await withTenantFiles(this.deps.withTenant, this.deps.storage, tenant, async (scope, files) => {
      const kinds = new Set((await new ProviderDocumentStore(scope).requirements()).map((r) => r.kind));
      const checked = checkUploads(uploads, kinds, { photo: true });
      await checkProfileReferences(scope, profile, null);
      const slug = await uniqueSlug(scope.db, "providers", slugify(profile.name, "doctor"));
      const photoKey = checked.photo ? providerFileKey(tenant.id, id) : null;
      await new ProviderStore(scope).insert({ id, slug, profile, source: "application", status: "submitted", applicationTokenHash: hash, photoKey });
      if (checked.photo && photoKey) await files.put(photoKey, checked.photo.bytes, checked.photo.contentType);
      await storeDocuments(scope, files, id, checked.documents, null);
      await recordStep(scope, { providerId: id, actor: { type: "anonymous", label: "Applicant" }, kind: "applied", action: "provider.applied", metadata: { documents: checked.documents.length, photo: Boolean(checked.photo) } });
    });
    const reference = applicationReference(id);
    await this.deps.messages.send({
      tenantSlug: tenant.slug,
      channel: "email",
      recipient: profile.email!,
      subject: `${tenant.name}: we received your application (${reference})`,
      body: `Dear ${profile.name},\n\nThank you for applying to ${tenant.name}. Your reference is ${reference}. We will review your profile and documents and write to you.\n\nYou can see your application here (this link is private to you):\n${this.link(tenant, token)}\n`,
    });
    return { reference };
  }

  /** What the applicant sees on their private link. */
  async describe(tenant: ProviderTenant, token: string): Promise<ApplicationView> {
    return this.deps.withTenant(tenant, async (scope) => {
      const p = await new ProviderStore(scope).findByTokenHash(hashApplicationToken(String(token ?? "")));
      if (!p) throw new NotFoundError("This link is not valid.");
      const docs = new ProviderDocumentStore(scope);
      const requirements = await docs.requirements();
      const latest = new Map<string, { status: "uploaded" | "accepted" | "rejected"; note: string | null }>();
      for (const d of await docs.listFor(p.id)) if (!latest.has(d.kind)) latest.set(d.kind, { status: d.status, note: d.reviewNote });
      let changesRequested: string | null = null;
      if (p.status === "changes_requested") {
        const events = await new ReviewEventStore(scope).listFor(p.id);
        changesRequested = events.filter((e) => e.kind === "changes_requested").pop()?.body ?? null;
      }
      return {
        reference: applicationReference(p.id),
        name: p.name,
        status: p.status,
        changesRequested,
        documents: requirements.map((r) => ({ kind: r.kind, label: r.label, required: r.required, status: latest.get(r.kind)?.status ?? "missing", note: latest.get(r.kind)?.note ?? null })),
        profile: toEditableView(p),
      };
    });
  }

  /** The applicant's corrected profile and documents; only while changes are requested. Back to `submitted`. */
  async resubmit(tenant: ProviderTenant, token: string, input: Record<string, unknown>, uploads: UploadedFile[]): Promise<void> {
    const hash = hashApplicationToken(String(token ?? ""));
    await withTenantFiles(this.deps.withTenant, this.deps.storage, tenant, async (scope, files) => {
      const store = new ProviderStore(scope);
      const p = await store.findByTokenHash(hash, { lock: true });
      if (!p) throw new NotFoundError("This link is not valid.");
      if (p.status !== "changes_requested") throw new DomainError("conflict", "This application is not waiting for changes.");
      const profile = parseProviderInput(input, { emailRequired: true });
      const kinds = new Set((await new ProviderDocumentStore(scope).requirements()).map((r) => r.kind));
      const checked = checkUploads(uploads, kinds, { photo: true });
      await checkProfileReferences(scope, profile, p.id);
      await store.updateProfile(p.id, profile);
      if (checked.photo) {
        const key = providerFileKey(tenant.id, p.id);
        await files.put(key, checked.photo.bytes, checked.photo.contentType);
        await store.patch(p.id, { photoKey: key });
        if (p.photoKey) files.deleteAfterCommit(p.photoKey);
      }
      const stored = await storeDocuments(scope, files, p.id, checked.documents, null);
      await store.patch(p.id, { status: "submitted" });
      await recordStep(scope, { providerId: p.id, actor: { type: "anonymous", label: "Applicant" }, kind: "resubmitted", action: "provider.resubmitted", metadata: { documents: stored.length, photo: Boolean(checked.photo) } });
    });
  }

  private link(tenant: ProviderTenant, token: string): string {
    return `${this.deps.linkBase(tenant.primaryHost)}/join/${token}`;
  }

  private async limit(key: string, l: { limit: number; windowSeconds: number }): Promise<void> {
    if (!this.deps.rateLimiter) return;
    const d = await this.deps.rateLimiter.hit(key, l.limit, l.windowSeconds);
    if (!d.allowed) throw new DomainError("rate_limited", "Too many applications; please try again later.", { retryAfterSeconds: d.retryAfterSeconds });
  }
}
