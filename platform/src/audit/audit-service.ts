import { z } from "zod";
import { ValidationError } from "../errors/index.js";
import { GENESIS_HASH, auditHash } from "./audit-hash.js";
import { assertSafeMetadata, forbiddenValueProblem } from "./audit-metadata.js";
import type { AuditChainStore } from "./audit-store.js";
import {
  ACTOR_TYPES,
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditRecord,
  type ChainVerification,
} from "./audit-types.js";

const VERIFY_BATCH = 1000;

const Id = z.string().trim().min(1).max(200);
const EntrySchema = z
  .object({
    actorType: z.enum(ACTOR_TYPES),
    actorId: Id.nullish(),
    action: z.enum(AUDIT_ACTIONS),
    subjectType: z.string().regex(/^[a-z][a-z_]{0,62}$/, "a snake_case type name").nullish(),
    subjectId: Id.nullish(),
    outcome: z.enum(AUDIT_OUTCOMES),
    metadata: z.unknown().optional(),
    tenantId: z.string().uuid().nullish(),
  })
  .strict();

export interface AuditServiceDeps<R extends AuditRecord> {
  store: AuditChainStore<R>;
  /** Whether rows carry `tenantId` (the platform log) or not (a tenant's log). */
  scope: "tenant" | "platform";
  now?: () => Date;
}

/**
 * Appends to and verifies one append-only, hash-chained audit log: a tenant's (built
 * from its unit of work) or the platform's. Each row's hash covers the previous row's
 * hash and its own fields, so changing, removing or reordering rows breaks the chain.
 */
export class AuditService<E extends AuditEntry = AuditEntry, R extends AuditRecord = AuditRecord> {
  private readonly now: () => Date;

  constructor(private readonly deps: AuditServiceDeps<R>) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Appends `entry`, chained to the current last row, inside the store's transaction.
   * Throws a `ValidationError` for an unknown action or PHI-looking metadata.
   */
  async record(entry: E): Promise<R> {
    const input = this.validate(entry);
    return this.deps.store.append((lastHash) => {
      const prevHash = lastHash ?? GENESIS_HASH;
      // Taken under the chain lock, so times rise along the chain within one process.
      const occurredAt = new Date(this.now().getTime());
      const fields = {
        occurredAt,
        actorType: input.actorType,
        actorId: input.actorId ?? null,
        action: input.action,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        outcome: input.outcome,
        metadata: input.metadata,
        ...(this.deps.scope === "platform" ? { tenantId: input.tenantId ?? null } : {}),
      };
      return { ...fields, prevHash, hash: auditHash(prevHash, fields) } as unknown as Omit<R, "id">;
    });
  }

  /**
   * Walks the whole chain in id order, 1000 rows at a time, recomputing every hash.
   * Reports the first row whose `prev_hash` is not its predecessor's hash (a row
   * removed or inserted before it) or whose hash does not match its fields (changed).
   */
  async verifyChain(): Promise<ChainVerification> {
    let expectedPrev = GENESIS_HASH;
    let count = 0;
    let afterId: string | null = null;
    for (;;) {
      const rows: R[] = await this.deps.store.page(afterId, VERIFY_BATCH);
      for (const row of rows) {
        if (row.prevHash !== expectedPrev) return { ok: false, count, firstBroken: { id: row.id, reason: "prev_hash_mismatch" } };
        if (auditHash(row.prevHash, this.hashedFields(row)) !== row.hash) {
          return { ok: false, count, firstBroken: { id: row.id, reason: "hash_mismatch" } };
        }
        expectedPrev = row.hash;
        count += 1;
      }
      if (rows.length < VERIFY_BATCH) return { ok: true, count };
      afterId = rows[rows.length - 1]!.id;
    }
  }

  private hashedFields(row: R) {
    const fields = {
      occurredAt: row.occurredAt,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      outcome: row.outcome,
      metadata: row.metadata,
    };
    if (this.deps.scope === "tenant") return fields;
    return { ...fields, tenantId: (row as AuditRecord & { tenantId?: string | null }).tenantId ?? null };
  }

  private validate(entry: E) {
    const parsed = EntrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new ValidationError(
        "The audit entry is not valid.",
        parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
      );
    }
    const input = parsed.data;
    const problems: { field: string; message: string }[] = [];
    if (this.deps.scope === "tenant" && input.tenantId != null) {
      problems.push({ field: "tenantId", message: "A tenant's own log does not name tenants; use the platform log" });
    }
    if ((input.actorType === "user" || input.actorType === "platform_admin") && !input.actorId) {
      problems.push({ field: "actorId", message: `A ${input.actorType} actor needs an id` });
    }
    if (input.actorType === "anonymous" && input.actorId) {
      problems.push({ field: "actorId", message: "An anonymous actor has no id; name a known account as the subject" });
    }
    for (const field of ["actorId", "subjectId"] as const) {
      const problem = input[field] ? forbiddenValueProblem(input[field]) : null;
      if (problem) problems.push({ field, message: `The value ${problem}` });
    }
    if (problems.length) throw new ValidationError("The audit entry is not valid.", problems);
    return { ...input, metadata: assertSafeMetadata(input.metadata) };
  }
}
