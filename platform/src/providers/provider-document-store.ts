import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const REQUIREMENTS = "document_requirements";
const DOCUMENTS = "provider_documents";

export type DocumentStatus = "uploaded" | "accepted" | "rejected";

export interface DocumentRequirementRecord {
  kind: string;
  label: string;
  required: boolean;
  position: number;
}

export interface ProviderDocumentRecord {
  id: string;
  providerId: string;
  kind: string;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  status: DocumentStatus;
  reviewNote: string | null;
  uploadedAt: Date;
}

function toDocument(r: Record<string, unknown>): ProviderDocumentRecord {
  return {
    id: r.id as string,
    providerId: r.provider_id as string,
    kind: r.kind as string,
    storageKey: r.storage_key as string,
    originalName: r.original_name as string,
    contentType: r.content_type as string,
    sizeBytes: r.size_bytes as number,
    sha256: r.sha256 as string,
    status: r.status as DocumentStatus,
    reviewNote: (r.review_note as string) ?? null,
    uploadedAt: r.uploaded_at as Date,
  };
}

/** The tenant's document checklist and the documents applicants uploaded (metadata only; bytes live in file storage). */
export class ProviderDocumentStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async requirements(): Promise<DocumentRequirementRecord[]> {
    const rows = await this.db(REQUIREMENTS).orderBy(["position", "kind"]);
    return rows.map((r: Record<string, unknown>) => ({ kind: r.kind as string, label: r.label as string, required: r.required as boolean, position: r.position as number }));
  }

  /** Adds or updates one checklist item; a new one goes to the end. */
  async saveRequirement(r: { kind: string; label: string; required: boolean }): Promise<"created" | "updated"> {
    const existing = await this.db(REQUIREMENTS).where({ kind: r.kind }).first("kind");
    if (existing) {
      await this.db(REQUIREMENTS).where({ kind: r.kind }).update({ label: r.label, required: r.required });
      return "updated";
    }
    await this.db(REQUIREMENTS).insert({ kind: r.kind, label: r.label, required: r.required, position: this.db.raw(`(select coalesce(max(position), 0) + 1 from ${REQUIREMENTS})`) });
    return "created";
  }

  async insert(d: { id: string; providerId: string; kind: string; storageKey: string; originalName: string; contentType: string; sizeBytes: number; sha256: string; uploadedBy: string | null }): Promise<void> {
    await this.db(DOCUMENTS).insert({
      id: d.id,
      provider_id: d.providerId,
      kind: d.kind,
      storage_key: d.storageKey,
      original_name: d.originalName,
      content_type: d.contentType,
      size_bytes: d.sizeBytes,
      sha256: d.sha256,
      uploaded_by: d.uploadedBy,
      // Wall-clock time, not the transaction's: "latest per kind" must order uploads made in one transaction.
      uploaded_at: this.db.raw("clock_timestamp()"),
    });
  }

  /** All documents of a provider, newest first. */
  async listFor(providerId: string): Promise<ProviderDocumentRecord[]> {
    const rows = await this.db(DOCUMENTS).where({ provider_id: providerId }).orderBy("uploaded_at", "desc");
    return rows.map(toDocument);
  }

  async find(providerId: string, id: string): Promise<ProviderDocumentRecord | null> {
    const r = await this.db(DOCUMENTS).where({ provider_id: providerId, id }).first();
    return r ? toDocument(r) : null;
  }

  async setStatus(id: string, status: DocumentStatus, note: string | null, reviewedBy: string): Promise<void> {
    await this.db(DOCUMENTS).where({ id }).update({ status, review_note: note, reviewed_by: reviewedBy, reviewed_at: this.db.fn.now() });
  }
}
