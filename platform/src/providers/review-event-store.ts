import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const TABLE = "provider_review_events";

/** What happened on an application; also the `kind` of a timeline row. */
export type ReviewEventKind =
  | "applied"
  | "created"
  | "updated"
  | "resubmitted"
  | "document_uploaded"
  | "document_accepted"
  | "document_rejected"
  | "reviewer_assigned"
  | "reviewer_removed"
  | "note"
  | "changes_requested"
  | "approved"
  | "rejected"
  | "published"
  | "unpublished"
  | "marketplace_listed"
  | "marketplace_delisted"
  | "imported";

export interface ReviewEventRecord {
  id: string;
  providerId: string;
  actorId: string | null;
  actorLabel: string;
  kind: ReviewEventKind;
  body: string | null;
  createdAt: Date;
}

export interface ReviewEventWrite {
  providerId: string;
  actorId: string | null;
  actorLabel: string;
  kind: ReviewEventKind;
  body?: string | null;
}

function toRow(e: ReviewEventWrite) {
  return { provider_id: e.providerId, actor_id: e.actorId, actor_label: e.actorLabel, kind: e.kind, body: e.body ?? null };
}

/** The visible timeline of each provider's onboarding (free text lives here, never in the audit log). */
export class ReviewEventStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async add(e: ReviewEventWrite): Promise<void> {
    await this.db(TABLE).insert(toRow(e));
  }

  async addMany(events: ReviewEventWrite[]): Promise<void> {
    if (events.length) await this.db(TABLE).insert(events.map(toRow));
  }

  /** Oldest first. */
  async listFor(providerId: string): Promise<ReviewEventRecord[]> {
    const rows = await this.db(TABLE).where({ provider_id: providerId }).orderBy("id");
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      providerId: r.provider_id as string,
      actorId: (r.actor_id as string) ?? null,
      actorLabel: r.actor_label as string,
      kind: r.kind as ReviewEventKind,
      body: (r.body as string) ?? null,
      createdAt: r.created_at as Date,
    }));
  }
}
