import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const TABLE = "specialties";
const LINKS = "provider_specialties";
const PROVIDERS = "providers";

export interface SpecialtyRecord {
  id: string;
  slug: string;
  name: string;
  synonyms: string[];
  description: string | null;
  active: boolean;
}

export interface SpecialtyWrite {
  slug: string;
  name: string;
  synonyms: string[];
  description: string | null;
  active: boolean;
}

function toRecord(r: Record<string, unknown>): SpecialtyRecord {
  return {
    id: r.id as string,
    slug: r.slug as string,
    name: r.name as string,
    synonyms: (r.synonyms as string[]) ?? [],
    description: (r.description as string) ?? null,
    active: r.active as boolean,
  };
}

function toRow(s: SpecialtyWrite) {
  return { slug: s.slug, name: s.name, synonyms: s.synonyms, description: s.description, active: s.active };
}

/** The tenant's managed list of specialties. */
export class SpecialtyStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /** Every specialty by name, with how many published doctors have it. */
  async list(opts: { activeOnly?: boolean } = {}): Promise<(SpecialtyRecord & { doctorCount: number })[]> {
    const q = this.db(`${TABLE} as s`)
      .select("s.*", this.db.raw(`(select count(*)::int from ${LINKS} ps join ${PROVIDERS} p on p.id = ps.provider_id where ps.specialty_id = s.id and p.published) as doctor_count`))
      .orderBy("s.name");
    if (opts.activeOnly) q.where("s.active", true);
    return (await q).map((r: Record<string, unknown>) => ({ ...toRecord(r), doctorCount: r.doctor_count as number }));
  }

  async find(id: string): Promise<SpecialtyRecord | null> {
    const r = await this.db(TABLE).where({ id }).first();
    return r ? toRecord(r) : null;
  }

  /** Another specialty already called `name` (case-insensitive), if any. */
  async findByName(name: string, exceptId: string | null): Promise<SpecialtyRecord | null> {
    const q = this.db(TABLE).whereRaw("lower(name) = lower(?)", [name]);
    if (exceptId) q.whereNot("id", exceptId);
    const r = await q.first();
    return r ? toRecord(r) : null;
  }

  async slugTaken(slug: string, exceptId: string | null): Promise<boolean> {
    const q = this.db(TABLE).where({ slug });
    if (exceptId) q.whereNot("id", exceptId);
    return Boolean(await q.first("id"));
  }

  /** The ids among `ids` that name a specialty. */
  async existing(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return this.db(TABLE).whereIn("id", ids).pluck("id");
  }

  async insert(s: SpecialtyWrite): Promise<string> {
    const [row] = await this.db(TABLE).insert(toRow(s)).returning("id");
    return row.id as string;
  }

  async update(id: string, s: SpecialtyWrite): Promise<void> {
    await this.db(TABLE).where({ id }).update({ ...toRow(s), updated_at: this.db.fn.now() });
  }

  /** Published doctors with this specialty: what a change must re-index. */
  async publishedProviders(specialtyId: string): Promise<{ id: string; listed: boolean }[]> {
    const rows = await this.db(`${LINKS} as ps`).join(`${PROVIDERS} as p`, "p.id", "ps.provider_id").where({ "ps.specialty_id": specialtyId, "p.published": true }).select("p.id", "p.marketplace_listed");
    return rows.map((r: Record<string, unknown>) => ({ id: r.id as string, listed: r.marketplace_listed as boolean }));
  }

  /** Inserts the missing ones (by slug), leaves existing ones alone; returns slug -> id for all. */
  async ensureBySlug(items: SpecialtyWrite[]): Promise<Map<string, string>> {
    if (items.length) await this.db(TABLE).insert(items.map(toRow)).onConflict().ignore();
    const rows = await this.db(TABLE).whereIn("slug", items.map((i) => i.slug)).select("id", "slug");
    return new Map(rows.map((r: { id: string; slug: string }) => [r.slug, r.id]));
  }
}
