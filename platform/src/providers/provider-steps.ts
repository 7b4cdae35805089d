import { createHash, randomBytes } from "node:crypto";
import { createTenantAuditService, type AuditAction, type AuditMetadata } from "../audit/index.js";
import type { TenantScope } from "../db/index.js";
import { ValidationError } from "../errors/index.js";
import type { SearchIndexer } from "../search/index.js";
import { ClinicStore } from "./clinic-store.js";
import type { ProviderProfileInput } from "./provider-inputs.js";
import { ProviderStore } from "./provider-store.js";
import type { ProviderTenant } from "./provider-types.js";
import { ReviewEventStore, type ReviewEventKind } from "./review-event-store.js";
import { SpecialtyStore } from "./specialty-store.js";

/** Who took a step: a signed-in staff user, the applicant through their link, or the system (imports). */
export type StepActor = { type: "user"; id: string; label: string } | { type: "anonymous"; label: string } | { type: "system"; label: string };

/**
 * Writes one onboarding step twice, in the caller's transaction: the visible timeline row
 * (which may carry the free text: notes, reasons) and the audit record (ids and slugs only).
 */
export async function recordStep(
  scope: TenantScope,
  step: { providerId: string; actor: StepActor; kind: ReviewEventKind; body?: string | null; action: AuditAction; metadata?: AuditMetadata; subjectType?: string; subjectId?: string },
): Promise<void> {
  await new ReviewEventStore(scope).add({ providerId: step.providerId, actorId: step.actor.type === "user" ? step.actor.id : null, actorLabel: step.actor.label, kind: step.kind, body: step.body ?? null });
  await createTenantAuditService(scope).record({
    actorType: step.actor.type,
    actorId: step.actor.type === "user" ? step.actor.id : null,
    action: step.action,
    subjectType: step.subjectType ?? "provider",
    subjectId: step.subjectId ?? step.providerId,
    outcome: "success",
    metadata: step.metadata ?? {},
  });
}

/** Checks what the form names against the tenant's data: specialties, clinics and a registration nobody else holds. */
export async function checkProfileReferences(scope: TenantScope, profile: ProviderProfileInput, exceptProviderId: string | null): Promise<void> {
  const problems: { field: string; message: string }[] = [];
  const specialties = await new SpecialtyStore(scope).existing(profile.specialtyIds);
  if (specialties.length !== profile.specialtyIds.length) problems.push({ field: "specialtyIds", message: "Choose specialties from the list" });
  const clinics = await new ClinicStore(scope).existing(profile.clinicIds);
  if (clinics.length !== profile.clinicIds.length) problems.push({ field: "clinicIds", message: "Choose clinics from the list" });
  if (await new ProviderStore(scope).registrationTaken(profile.registrationCouncil, profile.registrationNumber, exceptProviderId)) {
    problems.push({ field: "registrationNumber", message: "A doctor with this registration number and council is already on file" });
  }
  if (problems.length) throw new ValidationError("Please check the highlighted fields.", problems);
}

/** A provider's listing state before and after a change, for deciding what to re-index. */
export interface ListingChange {
  id: string;
  publishedBefore: boolean;
  publishedAfter: boolean;
  listedBefore: boolean;
  listedAfter: boolean;
}

/**
 * Rebuilds the search rows of the providers whose public face changed (published before
 * or after), in the caller's transaction. The marketplace directory is told (outbox events)
 * for a hospital's providers that are listed now or whose listing or publication changed.
 * Returns whether it was told, so the caller kicks the relay after the commit.
 */
export async function reindex(scope: TenantScope, tenant: ProviderTenant, indexer: SearchIndexer, changes: ListingChange[]): Promise<boolean> {
  const visible = changes.filter((c) => c.publishedBefore || c.publishedAfter);
  if (!visible.length) return false;
  const notify = (c: ListingChange) => tenant.kind === "hospital" && (c.listedAfter || c.listedBefore !== c.listedAfter || c.publishedBefore !== c.publishedAfter);
  const told = visible.filter(notify).map((c) => c.id);
  const quiet = visible.filter((c) => !notify(c)).map((c) => c.id);
  if (told.length) await indexer.refresh(scope, told, { notifyDirectory: true });
  if (quiet.length) await indexer.refresh(scope, quiet, { notifyDirectory: false });
  return told.length > 0;
}

/** A new private application link token and the hash stored in its place. */
export function newApplicationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashApplicationToken(token) };
}

/** The stored form of an application link token. */
export function hashApplicationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The short reference an applicant quotes (`APP-7K3F9Q`), derived from the provider id. */
export function applicationReference(providerId: string): string {
  let n = Number.parseInt(providerId.replace(/-/g, "").slice(0, 8), 16) >>> 2;
  let out = "";
  for (let i = 0; i < 6; i++) {
    out = CROCKFORD[n & 31] + out;
    n >>>= 5;
  }
  return `APP-${out}`;
}
