import { createHash, randomUUID } from "node:crypto";
import type { UploadedFile } from "../context.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import { ValidationError } from "../errors/index.js";
import { sniffFileType, type FileStorage, type SniffedType } from "../storage/index.js";
import { ProviderDocumentStore } from "./provider-document-store.js";

const MB = 1024 * 1024;
export const PHOTO_MAX_BYTES = 2 * MB;
export const DOCUMENT_MAX_BYTES = 5 * MB;
const PHOTO_TYPES: readonly SniffedType[] = ["image/png", "image/jpeg", "image/webp"];
const DOCUMENT_TYPES: readonly SniffedType[] = ["application/pdf", "image/png", "image/jpeg"];

/** An upload that passed the checks: its real type, hash and a safe name. */
export interface CheckedFile {
  field: string;
  kind: string;
  bytes: Uint8Array;
  contentType: SniffedType;
  sha256: string;
  originalName: string;
}

/** A file name fit to show and to put in a Content-Disposition header: no path, no control or odd characters. */
export function sanitiseFilename(name: string): string {
  const base = String(name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(-120);
  return clean || "document";
}

/**
 * Checks a form's files before anything is stored: `photo` (PNG/JPEG/WebP, <= 2 MB) and
 * `doc_<kind>` (PDF/PNG/JPEG, <= 5 MB, a kind of the tenant's checklist). The type comes
 * from the bytes, never the browser's claim or the name. Empty file inputs are ignored.
 */
export function checkUploads(files: UploadedFile[], kinds: ReadonlySet<string>, opts: { photo: boolean }): { photo: CheckedFile | null; documents: CheckedFile[] } {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  let photo: CheckedFile | null = null;
  const documents: CheckedFile[] = [];
  for (const f of files) {
    const field = String(f.field ?? "");
    // A file input left empty still sends a part with no name and no bytes.
    if (!f.bytes || f.bytes.byteLength === 0) {
      if (f.filename) problems.push({ field, message: "The file is empty" });
      continue;
    }
    if (seen.has(field)) {
      problems.push({ field, message: "Send one file per field" });
      continue;
    }
    seen.add(field);
    const isPhoto = field === "photo";
    const kind = isPhoto ? "photo" : field.startsWith("doc_") ? field.slice(4) : null;
    if (!kind || (isPhoto && !opts.photo) || (!isPhoto && !kinds.has(kind))) {
      problems.push({ field, message: "This document is not on the checklist" });
      continue;
    }
    const max = isPhoto ? PHOTO_MAX_BYTES : DOCUMENT_MAX_BYTES;
    if (f.bytes.byteLength > max) {
      problems.push({ field, message: `The file is larger than ${max / MB} MB` });
      continue;
    }
    const type = sniffFileType(f.bytes);
    const allowed = isPhoto ? PHOTO_TYPES : DOCUMENT_TYPES;
    if (!type || !allowed.includes(type)) {
      problems.push({ field, message: isPhoto ? "The photo must be a PNG, JPEG or WebP image" : "The document must be a PDF, PNG or JPEG file" });
      continue;
    }
    const checked: CheckedFile = { field, kind, bytes: f.bytes, contentType: type, sha256: createHash("sha256").update(f.bytes).digest("hex"), originalName: sanitiseFilename(f.filename) };
    if (isPhoto) photo = checked;
    else documents.push(checked);
  }
  if (problems.length) throw new ValidationError("Please check the attached files.", problems);
  return { photo, documents };
}

/**
 * Tracks what a unit of work wrote to file storage, so a failed transaction leaves no
 * orphan files, and what it replaced, so the old bytes go only once the commit is done.
 */
export class FileWriter {
  private readonly written: string[] = [];
  private readonly replaced: string[] = [];

  constructor(private readonly storage: FileStorage) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    // Recorded first: a put that fails half-way may still have left something.
    this.written.push(key);
    await this.storage.put(key, bytes, contentType);
  }

  /** Deletes `key` after a successful commit. */
  deleteAfterCommit(key: string): void {
    this.replaced.push(key);
  }

  async rollback(): Promise<void> {
    await Promise.allSettled(this.written.map((k) => this.storage.delete(k)));
  }

  async committed(): Promise<void> {
    await Promise.allSettled(this.replaced.map((k) => this.storage.delete(k)));
  }
}

/** Runs `work` in a tenant transaction with a FileWriter; deletes its files if anything fails. */
export async function withTenantFiles<T>(withTenant: TenantUnitOfWork, storage: FileStorage, tenant: TenantDbRef, work: (scope: TenantScope, files: FileWriter) => Promise<T>): Promise<T> {
  const files = new FileWriter(storage);
  let result: T;
  try {
    result = await withTenant(tenant, (scope) => work(scope, files));
  } catch (err) {
    await files.rollback();
    throw err;
  }
  await files.committed();
  return result;
}

/** A fresh, unguessable storage key under the provider's folder. */
export function providerFileKey(tenantId: string, providerId: string): string {
  return `${tenantId}/providers/${providerId}/${randomUUID()}`;
}

/** Stores checked documents (rows and bytes) for a provider; returns the new document ids with their kinds. */
export async function storeDocuments(scope: TenantScope, files: FileWriter, providerId: string, documents: CheckedFile[], uploadedBy: string | null): Promise<{ id: string; kind: string }[]> {
  const store = new ProviderDocumentStore(scope);
  const out: { id: string; kind: string }[] = [];
  for (const d of documents) {
    const id = randomUUID();
    const key = providerFileKey(scope.tenant.id, providerId);
    await store.insert({ id, providerId, kind: d.kind, storageKey: key, originalName: d.originalName, contentType: d.contentType, sizeBytes: d.bytes.byteLength, sha256: d.sha256, uploadedBy });
    await files.put(key, d.bytes, d.contentType);
    out.push({ id, kind: d.kind });
  }
  return out;
}
