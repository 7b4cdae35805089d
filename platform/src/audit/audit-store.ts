import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import type { ActorType, AuditAction, AuditMetadata, AuditOutcome, AuditRecord, PlatformAuditRecord } from "./audit-types.js";

const TENANT_TABLE = "audit_log";
const PLATFORM_TABLE = "platform.audit_log";

// Two-key advisory locks live apart from the one-key locks (the migration orchestrator
// uses one), so a chain lock can never collide with them. The second key names the
// table, schema-qualified, so each tenant's chain has its own lock.
const LOCK_CLASS = 720_170_002;
const TENANT_LOCK_KEY = "hashtext(current_schema() || '.audit_log')";
const PLATFORM_LOCK_KEY = "hashtext('platform.audit_log')";

const COLUMNS = ["id", "occurred_at", "actor_type", "actor_id", "action", "subject_type", "subject_id", "outcome", "metadata", "prev_hash", "hash"];
const PLATFORM_COLUMNS = [...COLUMNS, "tenant_id"];

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: ActorType;
  actor_id: string | null;
  action: AuditAction;
  subject_type: string | null;
  subject_id: string | null;
  outcome: AuditOutcome;
  metadata: AuditMetadata;
  prev_hash: string;
  hash: string;
  tenant_id?: string | null;
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    outcome: row.outcome,
    metadata: row.metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toPlatformRecord(row: AuditRow): PlatformAuditRecord {
  return { ...toRecord(row), tenantId: row.tenant_id ?? null };
}

function toRow(r: Omit<AuditRecord, "id">): Omit<AuditRow, "id" | "metadata"> & { metadata: string } {
  return {
    occurred_at: r.occurredAt,
    actor_type: r.actorType,
    actor_id: r.actorId,
    action: r.action,
    subject_type: r.subjectType,
    subject_id: r.subjectId,
    outcome: r.outcome,
    // Stringified: the pg driver would turn a top-level array into a Postgres array.
    metadata: JSON.stringify(r.metadata),
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** The persistence half of one hash chain; the chain rules live in `AuditService`. */
export interface AuditChainStore<R extends AuditRecord> {
  /**
   * Inside one transaction (the handle's own, or a new one): takes the chain's advisory
   * lock, reads the last row's hash (null for an empty chain), builds the row from it
   * and inserts it. The lock is held until that transaction ends, so the next append
   * reads this row's hash: one linear chain however many writers there are.
   */
  append(build: (lastHash: string | null) => Omit<R, "id">): Promise<R>;
  /** Up to `limit` rows with id above `afterId`, in id order. */
  page(afterId: string | null, limit: number): Promise<R[]>;
}

abstract class AuditLogStore<R extends AuditRecord> implements AuditChainStore<R> {
  protected constructor(
    private readonly db: Knex,
    private readonly table: string,
    private readonly lockKey: string,
    private readonly columns: string[],
  ) {}

  protected abstract fromRow(row: AuditRow): R;
  protected abstract extraColumns(record: Omit<R, "id">): Record<string, unknown>;

  append(build: (lastHash: string | null) => Omit<R, "id">): Promise<R> {
    const work = async (q: Knex): Promise<R> => {
      await q.raw(`select pg_advisory_xact_lock(${LOCK_CLASS}, ${this.lockKey})`);
      const last = await q(this.table).orderBy("id", "desc").first<{ hash: string } | undefined>("hash");
      const record = build(last?.hash ?? null);
      const [row] = await q(this.table)
        .insert({ ...toRow(record), ...this.extraColumns(record) })
        .returning<AuditRow[]>(this.columns);
      return this.fromRow(row as AuditRow);
    };
    // An advisory xact lock taken outside a transaction would end with its statement.
    return this.db.isTransaction ? work(this.db) : this.db.transaction((trx) => work(trx));
  }

  async page(afterId: string | null, limit: number): Promise<R[]> {
    const q = this.db(this.table).orderBy("id").limit(limit).select<AuditRow[]>(this.columns);
    if (afterId !== null) q.where("id", ">", afterId);
    return (await q).map((row) => this.fromRow(row));
  }
}

/** One tenant's `audit_log`; only buildable from a tenant unit of work. */
export class TenantAuditStore extends AuditLogStore<AuditRecord> {
  constructor(scope: TenantScope) {
    super(scope.db, TENANT_TABLE, TENANT_LOCK_KEY, COLUMNS);
  }

  protected fromRow(row: AuditRow): AuditRecord {
    return toRecord(row);
  }

  protected extraColumns(): Record<string, unknown> {
    return {};
  }
}

/** `platform.audit_log`, for console actions; takes the platform knex or a transaction on it. */
export class PlatformAuditStore extends AuditLogStore<PlatformAuditRecord> {
  constructor(db: Knex) {
    super(db, PLATFORM_TABLE, PLATFORM_LOCK_KEY, PLATFORM_COLUMNS);
  }

  protected fromRow(row: AuditRow): PlatformAuditRecord {
    return toPlatformRecord(row);
  }

  protected extraColumns(record: Omit<PlatformAuditRecord, "id">): Record<string, unknown> {
    return { tenant_id: record.tenantId };
  }
}
