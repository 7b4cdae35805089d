import { createHash } from "node:crypto";
import type { ActorType, AuditAction, AuditMetadata, AuditOutcome, JsonValue } from "./audit-types.js";

/** The `prev_hash` of the first row of every chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of a row that its hash covers: everything but `id` and the hashes. */
export interface HashedFields {
  occurredAt: Date;
  actorType: ActorType;
  actorId: string | null;
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  outcome: AuditOutcome;
  metadata: AuditMetadata;
  /** Present (null or a uuid) on platform rows only, so tenant hashes never include it. */
  tenantId?: string | null;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same value
 * always gives the same text (and `jsonb`, which reorders keys, round-trips to it).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(",")}}`;
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`);
}

/** `sha256(prevHash + "\n" + canonicalJson(fields))`, hex; `occurredAt` as ISO with ms. */
export function auditHash(prevHash: string, fields: HashedFields): string {
  const payload: { [key: string]: JsonValue } = {
    occurredAt: fields.occurredAt.toISOString(),
    actorType: fields.actorType,
    actorId: fields.actorId,
    action: fields.action,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    outcome: fields.outcome,
    metadata: fields.metadata,
  };
  if (fields.tenantId !== undefined) payload.tenantId = fields.tenantId;
  return createHash("sha256").update(`${prevHash}\n${canonicalJson(payload)}`, "utf8").digest("hex");
}
