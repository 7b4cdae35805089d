import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const TABLE = "clinics";
const LINKS = "provider_clinics";
const PROVIDERS = "providers";

export interface ClinicRecord {
  id: string;
  slug: string;
  name: string;
  addressLine: string;
  locality: string;
  city: string;
  state: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  phone: string | null;
  facilities: string[];
  openingHours: Record<string, [string, string][]>;
  active: boolean;
}

export type ClinicWrite = Omit<ClinicRecord, "id">;

function toRecord(r: Record<string, unknown>): ClinicRecord {
  return {
    id: r.id as string,
    slug: r.slug as string,
    name: r.name as string,
    addressLine: r.address_line as string,
    locality: r.locality as string,
    city: r.city as string,
    state: (r.state as string) ?? null,
    postcode: (r.postcode as string) ?? null,
    latitude: (r.latitude as number) ?? null,
    longitude: (r.longitude as number) ?? null,
    timeZone: r.time_zone as string,
    phone: (r.phone as string) ?? null,
    facilities: (r.facilities as string[]) ?? [],
    openingHours: (r.opening_hours as Record<string, [string, string][]>) ?? {},
    active: r.active as boolean,
  };
}

function toRow(c: ClinicWrite) {
  return {
    slug: c.slug,
    name: c.name,
    address_line: c.addressLine,
    locality: c.locality,
    city: c.city,
    state: c.state,
    postcode: c.postcode,
    latitude: c.latitude,
    longitude: c.longitude,
    time_zone: c.timeZone,
    phone: c.phone,
    facilities: c.facilities,
    // Stringified: the pg driver would send a JS object's arrays as Postgres arrays.
    opening_hours: JSON.stringify(c.openingHours),
  };
}

/** Clinics and locations of one tenant. */
export class ClinicStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  async list(opts: { activeOnly?: boolean } = {}): Promise<ClinicRecord[]> {
    const q = this.db(TABLE).orderBy(["city", "name"]);
    if (opts.activeOnly) q.where({ active: true });
    return (await q).map(toRecord);
  }

  async find(id: string): Promise<ClinicRecord | null> {
    const r = await this.db(TABLE).where({ id }).first();
    return r ? toRecord(r) : null;
  }

  async slugTaken(slug: string, exceptId: string | null): Promise<boolean> {
    const q = this.db(TABLE).where({ slug });
    if (exceptId) q.whereNot("id", exceptId);
    return Boolean(await q.first("id"));
  }

  /** The ids among `ids` that name a clinic. */
  async existing(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return this.db(TABLE).whereIn("id", ids).pluck("id");
  }

  async insert(c: ClinicWrite): Promise<string> {
    const [row] = await this.db(TABLE).insert({ ...toRow(c), active: c.active }).returning("id");
    return row.id as string;
  }

  async update(id: string, c: ClinicWrite): Promise<void> {
    await this.db(TABLE).where({ id }).update({ ...toRow(c), active: c.active, updated_at: this.db.fn.now() });
  }

  /** Published doctors who practise here: what a change must re-index. */
  async publishedProviders(clinicId: string): Promise<{ id: string; listed: boolean }[]> {
    const rows = await this.db(`${LINKS} as pc`).join(`${PROVIDERS} as p`, "p.id", "pc.provider_id").where({ "pc.clinic_id": clinicId, "p.published": true }).select("p.id", "p.marketplace_listed");
    return rows.map((r: Record<string, unknown>) => ({ id: r.id as string, listed: r.marketplace_listed as boolean }));
  }

  /** Inserts the missing ones (by slug), leaves existing ones alone; returns slug -> id for all. */
  async ensureBySlug(items: ClinicWrite[]): Promise<Map<string, string>> {
    if (items.length) await this.db(TABLE).insert(items.map((c) => ({ ...toRow(c), active: c.active }))).onConflict().ignore();
    const rows = await this.db(TABLE).whereIn("slug", items.map((i) => i.slug)).select("id", "slug");
    return new Map(rows.map((r: { id: string; slug: string }) => [r.slug, r.id]));
  }
}
