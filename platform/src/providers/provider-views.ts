import type { ClinicView, ProviderDocumentView, ProviderEditableView, ProviderSummaryView, ReviewEventView, SpecialtyView } from "../context.js";
import type { ClinicRecord } from "./clinic-store.js";
import type { DocumentRequirementRecord, ProviderDocumentRecord } from "./provider-document-store.js";
import type { ProviderRecord, ProviderSummaryRecord } from "./provider-store.js";
import type { ReviewEventRecord } from "./review-event-store.js";
import type { SpecialtyRecord } from "./specialty-store.js";

// Records -> the view types of context.ts (what the Remix apps see).

export function toEditableView(p: ProviderRecord): ProviderEditableView {
  return {
    name: p.name,
    gender: p.gender,
    email: p.email,
    phone: p.phone,
    registrationNumber: p.registrationNumber,
    registrationCouncil: p.registrationCouncil,
    qualifications: p.qualifications,
    yearsExperience: p.yearsExperience,
    languages: p.languages,
    fee: { amountMinor: p.feeMinor, currency: p.currency },
    modes: p.modes,
    bio: p.bio,
    conditions: p.conditions,
    specialtyIds: p.specialtyIds,
    primarySpecialtyId: p.primarySpecialtyId,
    clinicIds: p.clinicIds,
  };
}

export function toSummaryView(p: ProviderSummaryRecord): ProviderSummaryView {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    specialties: p.specialties,
    status: p.status,
    published: p.published,
    marketplaceListed: p.marketplaceListed,
    reviewer: p.reviewerId ? { id: p.reviewerId, name: p.reviewerName ?? "" } : null,
    submittedAt: p.submittedAt.toISOString(),
    documentsComplete: p.documentsComplete,
  };
}

export function toDocumentView(d: ProviderDocumentRecord, label: string): ProviderDocumentView {
  return {
    id: d.id,
    kind: d.kind,
    label,
    originalName: d.originalName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    status: d.status,
    note: d.reviewNote,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

/** The checklist: each requirement with its latest document, then documents of kinds no longer on it. */
export function toChecklist(requirements: DocumentRequirementRecord[], documents: ProviderDocumentRecord[]) {
  const latest = new Map<string, ProviderDocumentRecord>();
  for (const d of documents) if (!latest.has(d.kind)) latest.set(d.kind, d); // documents come newest first
  const known = new Set(requirements.map((r) => r.kind));
  const items = requirements.map((r) => ({ kind: r.kind, label: r.label, required: r.required, document: latest.has(r.kind) ? toDocumentView(latest.get(r.kind)!, r.label) : null }));
  for (const [kind, d] of latest) if (!known.has(kind)) items.push({ kind, label: humanise(kind), required: false, document: toDocumentView(d, humanise(kind)) });
  return items;
}

/** "id_proof" -> "Id proof". */
export function humanise(kind: string): string {
  const s = kind.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function toEventView(e: ReviewEventRecord): ReviewEventView {
  return { id: e.id, kind: e.kind, actor: e.actorLabel, body: e.body, createdAt: e.createdAt.toISOString() };
}

export function toSpecialtyView(s: SpecialtyRecord & { doctorCount?: number }): SpecialtyView {
  return { id: s.id, slug: s.slug, name: s.name, synonyms: s.synonyms, description: s.description, active: s.active, doctorCount: s.doctorCount ?? 0 };
}

export function toClinicView(c: ClinicRecord): ClinicView {
  return { ...c };
}
