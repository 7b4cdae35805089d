import type { Knex } from "knex";
import type { ConsultationMode, Gender, ProviderStatus } from "../context.js";
import type { TenantScope } from "../db/index.js";
import type { ProviderProfileInput } from "./provider-inputs.js";

const TABLE = "providers";
const SPECIALTIES = "provider_specialties";
const CLINICS = "provider_clinics";
const USERS = "users";

export const PROVIDER_STATUSES: readonly ProviderStatus[] = ["submitted", "in_review", "changes_requested", "approved", "rejected"];
export type ProviderSource = "application" | "admin" | "import";

export interface ProviderRecord {
  id: string;
  slug: string;
  userId: string | null;
  name: string;
  gender: Gender | null;
  email: string | null;
  phone: string | null;
  registrationNumber: string;
  registrationCouncil: string;
  qualifications: string[];
  yearsExperience: number;
  languages: string[];
  feeMinor: number;
  currency: string;
  modes: ConsultationMode[];
  bio: string | null;
  conditions: string[];
  photoKey: string | null;
  status: ProviderStatus;
  source: ProviderSource;
  reviewerId: string | null;
  reviewerName: string | null;
  decisionReason: string | null;
  published: boolean;
  publishedAt: Date | null;
  marketplaceListed: boolean;
  submittedAt: Date;
  decidedAt: Date | null;
  specialtyIds: string[];
  primarySpecialtyId: string | null;
  clinicIds: string[];
}

export interface ProviderSummaryRecord {
  id: string;
  slug: string;
  name: string;
  specialties: string[];
  status: ProviderStatus;
  published: boolean;
  marketplaceListed: boolean;
  reviewerId: string | null;
  reviewerName: string | null;
  submittedAt: Date;
  documentsComplete: boolean;
}

/** Workflow columns a service may change (everything but the profile). */
export interface ProviderPatch {
  status?: ProviderStatus;
  reviewerId?: string | null;
  decisionReason?: string | null;
  applicationTokenHash?: string | null;
  published?: boolean;
  publishedAt?: Date | null;
  marketplaceListed?: boolean;
  photoKey?: string | null;
  decidedAt?: Date | null;
  submittedAt?: Date;
}

const PATCH_COLUMNS: Record<keyof ProviderPatch, string> = {
  status: "status",
  reviewerId: "reviewer_id",
  decisionReason: "decision_reason",
  applicationTokenHash: "application_token_hash",
  published: "published",
  publishedAt: "published_at",
  marketplaceListed: "marketplace_listed",
  photoKey: "photo_key",
  decidedAt: "decided_at",
  submittedAt: "submitted_at",
};

// Latest document per required kind, none missing or rejected (see CONTEXT.md "Document checklist").
const DOCUMENTS_COMPLETE = `not exists (
  select 1 from document_requirements r
  where r.required and coalesce((select d.status from provider_documents d where d.provider_id = p.id and d.kind = r.kind order by d.uploaded_at desc limit 1), 'rejected') = 'rejected'
)`;

function toRecord(r: Record<string, unknown>): ProviderRecord {
  return {
    id: r.id as string,
    slug: r.slug as string,
    userId: (r.user_id as string) ?? null,
    name: r.name as string,
    gender: (r.gender as Gender) ?? null,
    email: (r.email as string) ?? null,
    phone: (r.phone as string) ?? null,
    registrationNumber: r.registration_number as string,
    registrationCouncil: r.registration_council as string,
    qualifications: (r.qualifications as string[]) ?? [],
    yearsExperience: r.years_experience as number,
    languages: (r.languages as string[]) ?? [],
    feeMinor: r.fee_minor as number,
    currency: r.currency as string,
    modes: (r.modes as ConsultationMode[]) ?? [],
    bio: (r.bio as string) ?? null,
    conditions: (r.conditions as string[]) ?? [],
    photoKey: (r.photo_key as string) ?? null,
    status: r.status as ProviderStatus,
    source: r.source as ProviderSource,
    reviewerId: (r.reviewer_id as string) ?? null,
    reviewerName: (r.reviewer_name as string) ?? null,
    decisionReason: (r.decision_reason as string) ?? null,
    published: r.published as boolean,
    publishedAt: (r.published_at as Date) ?? null,
    marketplaceListed: r.marketplace_listed as boolean,
    submittedAt: r.submitted_at as Date,
    decidedAt: (r.decided_at as Date) ?? null,
    specialtyIds: (r.specialty_ids as string[]) ?? [],
    primarySpecialtyId: (r.primary_specialty_id as string) ?? null,
    clinicIds: (r.clinic_ids as string[]) ?? [],
  };
}

/** The profile columns of a provider row. */
export function profileRow(p: Omit<ProviderProfileInput, "specialtyIds" | "primarySpecialtyId" | "clinicIds">) {
  return {
    name: p.name,
    gender: p.gender,
    email: p.email,
    phone: p.phone,
    registration_number: p.registrationNumber,
    registration_council: p.registrationCouncil,
    qualifications: p.qualifications,
    years_experience: p.yearsExperience,
    languages: p.languages,
    fee_minor: p.feeMinor,
    currency: p.currency,
    modes: p.modes,
    bio: p.bio,
    conditions: p.conditions,
  };
}

/** Providers (doctors) of one tenant, their specialties and clinics. */
export class ProviderStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  private selectFull() {
    return this.db(`${TABLE} as p`)
      .leftJoin(`${USERS} as rv`, "rv.id", "p.reviewer_id")
      .select(
        "p.*",
        "rv.name as reviewer_name",
        this.db.raw(`coalesce((select array_agg(ps.specialty_id order by ps.is_primary desc, ps.specialty_id) from ${SPECIALTIES} ps where ps.provider_id = p.id), '{}') as specialty_ids`),
        this.db.raw(`(select ps.specialty_id from ${SPECIALTIES} ps where ps.provider_id = p.id and ps.is_primary limit 1) as primary_specialty_id`),
        this.db.raw(`coalesce((select array_agg(pc.clinic_id order by pc.clinic_id) from ${CLINICS} pc where pc.provider_id = p.id), '{}') as clinic_ids`),
      );
  }

  /** One provider; with `lock`, the row stays locked until the transaction ends (workflow steps). */
  async find(id: string, opts: { lock?: boolean } = {}): Promise<ProviderRecord | null> {
    if (opts.lock) await this.db(TABLE).where({ id }).forUpdate().first("id");
    const r = await this.selectFull().where("p.id", id).first();
    return r ? toRecord(r) : null;
  }

  async findByTokenHash(hash: string, opts: { lock?: boolean } = {}): Promise<ProviderRecord | null> {
    const row = await this.db(TABLE).where({ application_token_hash: hash }).first("id");
    return row ? this.find(row.id as string, opts) : null;
  }

  /** Another provider with this registration (council and number, case-insensitive), if any. */
  async registrationTaken(council: string, number: string, exceptId: string | null): Promise<boolean> {
    const q = this.db(TABLE).whereRaw("lower(registration_council) = lower(?) and lower(registration_number) = lower(?)", [council, number]);
    if (exceptId) q.whereNot("id", exceptId);
    return Boolean(await q.first("id"));
  }

  async insert(p: { id: string; slug: string; profile: ProviderProfileInput; source: ProviderSource; status: ProviderStatus; applicationTokenHash: string | null; photoKey: string | null }): Promise<void> {
    await this.db(TABLE).insert({
      id: p.id,
      slug: p.slug,
      ...profileRow(p.profile),
      source: p.source,
      status: p.status,
      application_token_hash: p.applicationTokenHash,
      photo_key: p.photoKey,
    });
    await this.setLinks(p.id, p.profile);
  }

  async updateProfile(id: string, profile: ProviderProfileInput): Promise<void> {
    await this.db(TABLE).where({ id }).update({ ...profileRow(profile), updated_at: this.db.fn.now() });
    await this.setLinks(id, profile);
  }

  private async setLinks(id: string, p: Pick<ProviderProfileInput, "specialtyIds" | "primarySpecialtyId" | "clinicIds">): Promise<void> {
    await this.db(SPECIALTIES).where({ provider_id: id }).delete();
    await this.db(CLINICS).where({ provider_id: id }).delete();
    if (p.specialtyIds.length) await this.db(SPECIALTIES).insert(p.specialtyIds.map((s) => ({ provider_id: id, specialty_id: s, is_primary: s === p.primarySpecialtyId })));
    if (p.clinicIds.length) await this.db(CLINICS).insert(p.clinicIds.map((c) => ({ provider_id: id, clinic_id: c })));
  }

  async patch(id: string, patch: ProviderPatch): Promise<void> {
    const row: Record<string, unknown> = { updated_at: this.db.fn.now() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) row[PATCH_COLUMNS[k as keyof ProviderPatch]] = v;
    await this.db(TABLE).where({ id }).update(row);
  }

  /** Whether every required checklist document of this provider is present and not rejected. */
  async documentsComplete(id: string): Promise<boolean> {
    const r = await this.db(`${TABLE} as p`).where("p.id", id).first(this.db.raw(`${DOCUMENTS_COMPLETE} as complete`));
    return Boolean(r?.complete);
  }

  /**
   * One page of the review queue, newest submissions first, restricted by `visible` (the
   * actor's ability as SQL), plus the count per status for the same text filter.
   */
  async list(filter: { status: ProviderStatus | null; q: string | null; page: number; pageSize: number; visible: (qb: Knex.QueryBuilder) => void }): Promise<{ items: ProviderSummaryRecord[]; total: number; counts: Record<ProviderStatus, number> }> {
    const base = () => {
      const q = this.db(`${TABLE} as p`).where(filter.visible);
      if (filter.q) {
        const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q.where((w) => w.whereILike("p.name", like).orWhereILike("p.registration_number", like));
      }
      return q;
    };
    const countRows = await base().groupBy("p.status").select("p.status", this.db.raw("count(*)::int as n"));
    const counts = Object.fromEntries(PROVIDER_STATUSES.map((s) => [s, 0])) as Record<ProviderStatus, number>;
    for (const r of countRows as { status: ProviderStatus; n: number }[]) counts[r.status] = r.n;
    const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
    const q = base()
      .leftJoin(`${USERS} as rv`, "rv.id", "p.reviewer_id")
      .select(
        "p.id",
        "p.slug",
        "p.name",
        "p.status",
        "p.published",
        "p.marketplace_listed",
        "p.reviewer_id",
        "p.submitted_at",
        "rv.name as reviewer_name",
        this.db.raw(`coalesce((select array_agg(s.name order by ps.is_primary desc, s.name) from ${SPECIALTIES} ps join specialties s on s.id = ps.specialty_id where ps.provider_id = p.id), '{}') as specialty_names`),
        this.db.raw(`${DOCUMENTS_COMPLETE} as documents_complete`),
      )
      .orderBy([{ column: "p.submitted_at", order: "desc" }, { column: "p.id" }])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize);
    if (filter.status) q.where("p.status", filter.status);
    const rows = (await q) as Record<string, unknown>[];
    return {
      total,
      counts,
      items: rows.map((r) => ({
        id: r.id as string,
        slug: r.slug as string,
        name: r.name as string,
        specialties: r.specialty_names as string[],
        status: r.status as ProviderStatus,
        published: r.published as boolean,
        marketplaceListed: r.marketplace_listed as boolean,
        reviewerId: (r.reviewer_id as string) ?? null,
        reviewerName: (r.reviewer_name as string) ?? null,
        submittedAt: r.submitted_at as Date,
        documentsComplete: Boolean(r.documents_complete),
      })),
    };
  }

  /** Active staff who may review applications (tenant admins), by name. */
  async reviewers(): Promise<{ id: string; name: string }[]> {
    return this.db(`${USERS} as u`)
      .join("user_roles as r", "r.user_id", "u.id")
      .where({ "u.kind": "staff", "u.status": "active", "r.role": "tenant_admin" })
      .orderBy("u.name")
      .select("u.id", "u.name");
  }

  /** The display name of a user (for the timeline), or null. */
  async userName(id: string): Promise<string | null> {
    const r = await this.db(USERS).where({ id }).first("name");
    return (r?.name as string) ?? null;
  }

  /** Slugs among `slugs` that already exist. */
  async existingSlugs(slugs: string[]): Promise<Set<string>> {
    if (!slugs.length) return new Set();
    return new Set(await this.db(TABLE).whereIn("slug", slugs).pluck("slug"));
  }

  /** Staff user ids by (lower-cased) email. */
  async staffIdsByEmail(emails: string[]): Promise<Map<string, string>> {
    if (!emails.length) return new Map();
    const rows = await this.db(USERS).where({ kind: "staff" }).whereIn("email", emails.map((e) => e.toLowerCase())).select("id", "email");
    return new Map(rows.map((r: { id: string; email: string }) => [r.email, r.id]));
  }

  /**
   * Multi-row insert for imports: rows whose slug, registration or user is already taken
   * are skipped. Returns the ids actually inserted; links and user back-references follow.
   */
  /** Points each doctor's staff account at their provider record (the signed-in doctor's actor reads `users.provider_id`). */
  async linkUsers(links: { userId: string; providerId: string }[]): Promise<void> {
    for (const l of links) await this.db("users").where({ id: l.userId }).update({ provider_id: l.providerId });
  }

  async bulkInsert(rows: { id: string; slug: string; userId: string | null; profile: ProviderProfileInput; status: ProviderStatus; published: boolean; listed: boolean }[]): Promise<string[]> {
    if (!rows.length) return [];
    const inserted = await this.db(TABLE)
      .insert(
        rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          user_id: r.userId,
          ...profileRow(r.profile),
          status: r.status,
          source: "import",
          published: r.published,
          published_at: r.published ? this.db.fn.now() : null,
          marketplace_listed: r.listed,
          decided_at: r.status === "approved" ? this.db.fn.now() : null,
        })),
      )
      .onConflict()
      .ignore()
      .returning("id");
    const ids = new Set(inserted.map((r: { id: string }) => r.id));
    const kept = rows.filter((r) => ids.has(r.id));
    const specialtyLinks = kept.flatMap((r) => r.profile.specialtyIds.map((s) => ({ provider_id: r.id, specialty_id: s, is_primary: s === r.profile.primarySpecialtyId })));
    const clinicLinks = kept.flatMap((r) => r.profile.clinicIds.map((c) => ({ provider_id: r.id, clinic_id: c })));
    if (specialtyLinks.length) await this.db(SPECIALTIES).insert(specialtyLinks);
    if (clinicLinks.length) await this.db(CLINICS).insert(clinicLinks);
    const linked = kept.filter((r) => r.userId);
    if (linked.length) {
      await this.db.raw(`update ${USERS} u set provider_id = p.id from ${TABLE} p where p.user_id = u.id and p.id = any(?::uuid[])`, [linked.map((r) => r.id)]);
    }
    return kept.map((r) => r.id);
  }
}
