import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const OUTBOX = "outbox";
const SEARCH = "provider_search";
const PROVIDERS = "providers";
const ENTRIES = "platform.directory_entries";
const TENANTS = "platform.tenants";
const DOMAINS = "platform.tenant_domains";

export interface PendingEvent {
  id: string;
  /** Null for a malformed payload (dispatched without effect). */
  providerId: string | null;
}

/** What a hospital publishes about one doctor: its search row (public profile data only) and whether it is listed. */
export interface ProviderSnapshot {
  providerId: string;
  /** Listed on the marketplace and published (the search row exists). */
  listed: boolean;
  /** The public search columns, when published. */
  row: Record<string, unknown> | null;
}

// The columns copied from a hospital's `provider_search` into the directory: the public
// profile a search card shows, nothing else (no registration, contact details or patients).
export const COPIED_COLUMNS = [
  "slug", "name", "gender", "has_photo", "specialty_slugs", "specialty_names", "languages", "modes",
  "fee_minor", "currency", "years_experience", "city_keys", "locality_keys", "clinic_lats", "clinic_lngs",
  "rating_avg", "rating_count", "card", "search_vector", "search_text",
] as const;

/** The outbox side of the relay, inside a hospital's unit of work. */
export class DirectoryOutboxStore {
  constructor(private readonly scope: TenantScope) {}

  /** Locks up to `limit` pending events of `topic`, oldest first, skipping rows another drain holds. */
  async takePending(topic: string, limit: number): Promise<PendingEvent[]> {
    const rows = await this.scope
      .db(OUTBOX)
      .where({ topic })
      .whereNull("dispatched_at")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .select<{ id: string; payload: { providerId?: string } }[]>("id", "payload");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return rows.map((r) => ({ id: r.id, providerId: typeof r.payload?.providerId === "string" && uuid.test(r.payload.providerId) ? r.payload.providerId : null }));
  }

  /** The current public state of each provider (a provider that no longer exists is simply absent). */
  async snapshots(providerIds: string[]): Promise<ProviderSnapshot[]> {
    const rows = await this.scope
      .db(`${PROVIDERS} as p`)
      .leftJoin(`${SEARCH} as s`, "s.provider_id", "p.id")
      .whereIn("p.id", providerIds)
      .select<Record<string, unknown>[]>(
        "p.id as provider_id",
        "p.marketplace_listed",
        "p.published",
        this.scope.db.raw("s.provider_id is not null as indexed"),
        ...COPIED_COLUMNS.map((c) => (c === "search_vector" ? this.scope.db.raw("s.search_vector::text as search_vector") : `s.${c}`)),
      );
    return rows.map((r) => ({
      providerId: r.provider_id as string,
      listed: Boolean(r.marketplace_listed && r.published && r.indexed),
      row: r.indexed ? Object.fromEntries(COPIED_COLUMNS.map((c) => [c, r[c]])) : null,
    }));
  }

  async markDispatched(ids: string[]): Promise<void> {
    await this.scope.db(OUTBOX).whereIn("id", ids).update({ dispatched_at: this.scope.db.fn.now(), attempts: this.scope.db.raw("attempts + 1") });
  }

  async markFailed(ids: string[]): Promise<void> {
    await this.scope.db(OUTBOX).whereIn("id", ids).update({ attempts: this.scope.db.raw("attempts + 1") });
  }
}

export interface DirectoryWrite {
  providerId: string;
  sourceEventId: string;
  listed: boolean;
  profileUrl: string;
  /** The copied public columns; null for a tombstone (a doctor no longer published). */
  row: Record<string, unknown> | null;
}

/** `platform.directory_entries`, through the platform pool. */
export class DirectoryEntryStore {
  constructor(private readonly db: Knex) {}

  /** A tenant's name, slug and primary host, or null. */
  async findTenant(tenantId: string): Promise<{ slug: string; name: string; kind: string; status: string; primaryHost: string | null } | null> {
    const row = await this.db(`${TENANTS} as t`)
      .where("t.id", tenantId)
      .first<{ slug: string; name: string; kind: string; status: string; primary_host: string | null } | undefined>(
        "t.slug",
        "t.name",
        "t.kind",
        "t.status",
        this.db.raw(`(select d.hostname from ${DOMAINS} d where d.tenant_id = t.id and d.kind = 'primary' limit 1) as primary_host`),
      );
    return row ? { slug: row.slug, name: row.name, kind: row.kind, status: row.status, primaryHost: row.primary_host } : null;
  }

  /**
   * Applies each write unless the entry already reflects a newer event (`source_event_id`),
   * so a slow drain holding older events can never undo a newer one. A write without
   * data only flips `listed` off (or records a tombstone) and keeps the old columns.
   */
  async apply(tenant: { id: string; slug: string; name: string }, writes: DirectoryWrite[]): Promise<void> {
    const full = writes.filter((w) => w.row);
    const tombstones = writes.filter((w) => !w.row);
    if (full.length) {
      const cols = ["tenant_id", "provider_id", "tenant_slug", "tenant_name", "profile_url", "listed", "source_event_id", ...COPIED_COLUMNS, "updated_at"];
      const values: unknown[] = [];
      const tuples = full.map((w) => {
        const r = w.row as Record<string, unknown>;
        values.push(tenant.id, w.providerId, tenant.slug, tenant.name, w.profileUrl, w.listed, w.sourceEventId, ...COPIED_COLUMNS.map((c) => (c === "card" ? JSON.stringify(r[c]) : r[c])));
        return `(?, ?, ?, ?, ?, ?, ?, ${COPIED_COLUMNS.map((c) => (c === "search_vector" ? "?::tsvector" : c === "card" ? "?::jsonb" : "?")).join(", ")}, now())`;
      });
      const updates = cols.filter((c) => c !== "tenant_id" && c !== "provider_id").map((c) => `${c} = excluded.${c}`).join(", ");
      await this.db.raw(
        `insert into ${ENTRIES} as e (${cols.join(", ")}) values ${tuples.join(", ")}
         on conflict (tenant_id, provider_id) do update set ${updates}
         where e.source_event_id < excluded.source_event_id`,
        values as Knex.RawBinding[],
      );
    }
    if (tombstones.length) {
      const values: unknown[] = [];
      const tuples = tombstones.map((w) => {
        values.push(tenant.id, w.providerId, tenant.slug, tenant.name, w.profileUrl, w.sourceEventId);
        return "(?, ?, ?, ?, ?, false, ?, '', '', 0, 'INR', '{}'::jsonb, ''::tsvector, '', now())";
      });
      await this.db.raw(
        `insert into ${ENTRIES} as e (tenant_id, provider_id, tenant_slug, tenant_name, profile_url, listed, source_event_id, slug, name, fee_minor, currency, card, search_vector, search_text, updated_at)
         values ${tuples.join(", ")}
         on conflict (tenant_id, provider_id) do update set listed = false, source_event_id = excluded.source_event_id, updated_at = now()
         where e.source_event_id < excluded.source_event_id`,
        values as Knex.RawBinding[],
      );
    }
  }
}
