import type { Knex } from "knex";
import type { ClinicView, DoctorSearchQuery } from "../context.js";
import type { TenantScope } from "../db/index.js";

// The search columns are the same in a tenant's `provider_search` and in
// `platform.directory_entries`, so one builder writes the query for both; only the FROM
// and a few guards differ.
const SEARCH = "provider_search";
const DIRECTORY = "platform.directory_entries";
const TENANTS = "platform.tenants";

/** Where distance is measured from: fixed coordinates, or a tenant locality resolved inside the query. */
export type OriginSpec =
  | { kind: "point"; lat: number; lng: number }
  | { kind: "locality"; name: string; fallback: { lat: number; lng: number } | null };

export type SearchSource = { kind: "tenant" } | { kind: "directory"; excludeTenantId: string };

/** The clinic as stored in a card: what the card shows plus coordinates for distances. */
export interface StoredCardClinic {
  name: string;
  locality: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

/** The `card` jsonb of a search row. */
export interface StoredCard {
  id: string;
  slug: string;
  name: string;
  gender: "female" | "male" | "other" | null;
  specialties: { slug: string; name: string }[];
  qualifications: string[];
  yearsExperience: number;
  languages: string[];
  modes: ("in_clinic" | "video")[];
  fee: { amountMinor: number; currency: string };
  clinics: StoredCardClinic[];
  rating: { average: number; count: number } | null;
}

export interface SearchRow {
  providerId: string;
  slug: string;
  name: string;
  hasPhoto: boolean;
  card: StoredCard;
  feeMinor: number;
  yearsExperience: number;
  rating: number | null;
  rank: number;
  distanceKm: number | null;
  total: number;
  matched: { slug: string; name: string } | null;
  /** Directory rows only. */
  hospital: { slug: string; name: string; profileUrl: string } | null;
}

// Distance in km by the equirectangular approximation (`o.k` = cos of the origin's latitude):
// within a fraction of a percent of the great circle at city scale, and several times cheaper
// than haversine when a whole tenant is sorted by distance.
const DISTANCE = (lat: string, lng: string) => `111.195 * sqrt(power(${lat} - o.lat, 2) + power((${lng} - o.lng) * o.k, 2))`;

const TSQUERY = "(websearch_to_tsquery('english', ?) || websearch_to_tsquery('simple', ?))";

/** The ORDER BY of a sort; `rank` and `distance_km` are output columns. Ties end on name and id so pages never overlap. */
function orderBy(q: DoctorSearchQuery, t: string, out: string): string {
  switch (q.sort) {
    case "fee_asc":
      return `${t}.fee_minor asc, ${t}.name asc, ${t}.provider_id asc`;
    case "fee_desc":
      return `${t}.fee_minor desc, ${t}.name asc, ${t}.provider_id asc`;
    case "experience":
      return `${t}.years_experience desc, ${t}.name asc, ${t}.provider_id asc`;
    case "distance":
      return `${out}distance_km asc nulls last, ${t}.name asc, ${t}.provider_id asc`;
    default:
      return q.q
        ? `${out}rank desc, ${t}.rating_avg desc nulls last, ${t}.name asc, ${t}.provider_id asc`
        : `${t}.rating_avg desc nulls last, ${t}.years_experience desc, ${t}.name asc, ${t}.provider_id asc`;
  }
}

/** Compares two rows the way `orderBy` does, to merge the marketplace's own and directory pages. */
export function compareRows(q: DoctorSearchQuery): (a: SearchRow, b: SearchRow) => number {
  const byName = (a: SearchRow, b: SearchRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0);
  const nullsLastDesc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
  const nullsLastAsc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);
  switch (q.sort) {
    case "fee_asc":
      return (a, b) => a.feeMinor - b.feeMinor || byName(a, b);
    case "fee_desc":
      return (a, b) => b.feeMinor - a.feeMinor || byName(a, b);
    case "experience":
      return (a, b) => b.yearsExperience - a.yearsExperience || byName(a, b);
    case "distance":
      return (a, b) => nullsLastAsc(a.distanceKm, b.distanceKm) || byName(a, b);
    default:
      return q.q
        ? (a, b) => b.rank - a.rank || nullsLastDesc(a.rating, b.rating) || byName(a, b)
        : (a, b) => nullsLastDesc(a.rating, b.rating) || b.yearsExperience - a.yearsExperience || byName(a, b);
  }
}

/**
 * How text matches. `exact`: full text (english stems OR simple words, so names match as
 * typed) OR the specialty the text names, exactly or nearly, by trigram similarity over the
 * small specialties list ("cardiolgist" -> Cardiology). `fuzzy`: trigram word similarity
 * over `search_text`, for typos elsewhere (names, conditions, clinics); it costs a
 * similarity per candidate row, so it runs only when `exact` finds nothing.
 */
export type TextMode = "exact" | "fuzzy";

export interface SearchOptions {
  mode: TextMode;
  origin: OriginSpec | null;
  /** Directory searches: the specialty the text named, resolved from the marketplace's list. */
  matchedSlug?: string | null;
}

const MATCH_THRESHOLD = 0.45;

/** The `m` CTE: the specialty a text names (by name or synonym), at most one. */
const MATCHED_CTE = `m as (select sp.slug, sp.name from specialties sp
  cross join lateral (select greatest(extensions.similarity(lower(sp.name), ?),
    coalesce((select max(extensions.similarity(lower(x), ?)) from unnest(sp.synonyms) as x), 0)) as score) sc
  where sp.active and sc.score >= ${MATCH_THRESHOLD} order by sc.score desc, sp.name limit 1)`;

// Nearest clinic by the haversine formula. Most doctors practise at a handful of clinics, so
// the first four are unrolled into one expression (`least` skips the NULLs of missing
// elements); only longer lists pay for a subquery.
const nearest = () => {
  const d = (i: number) => DISTANCE(`s.clinic_lats[${i}]`, `s.clinic_lngs[${i}]`);
  return `case when cardinality(s.clinic_lats) <= 4 then least(${d(1)}, ${d(2)}, ${d(3)}, ${d(4)})
    else (select min(${DISTANCE("u.lat", "u.lng")}) from unnest(s.clinic_lats, s.clinic_lngs) as u(lat, lng)) end`;
};

interface Parts {
  ctes: string[];
  cteBindings: unknown[];
  where: string[];
  whereBindings: unknown[];
  /** SQL for "this row has the matched specialty", or null. */
  matchedSql: string | null;
  matchedBindings: unknown[];
}

function buildParts(source: SearchSource, q: DoctorSearchQuery, opts: SearchOptions): Parts {
  const p: Parts = { ctes: [], cteBindings: [], where: [], whereBindings: [], matchedSql: null, matchedBindings: [] };
  const text = q.q.toLowerCase();
  if (source.kind === "tenant" && text) {
    p.ctes.push(MATCHED_CTE);
    p.cteBindings.push(text, text);
    p.matchedSql = "s.specialty_slugs @> array[(select m.slug from m)]::text[]";
  } else if (source.kind === "directory" && text && opts.matchedSlug) {
    p.matchedSql = "s.specialty_slugs @> array[?]::text[]";
    p.matchedBindings.push(opts.matchedSlug);
  }
  const where = p.where;
  const b = p.whereBindings;
  if (source.kind === "directory") {
    where.push(`s.listed`, `s.tenant_id <> ?`, `exists (select 1 from ${TENANTS} t where t.id = s.tenant_id and t.status = 'active')`);
    b.push(source.excludeTenantId);
  }
  if (text && opts.mode === "exact") {
    where.push(`(s.search_vector @@ ${TSQUERY}${p.matchedSql ? ` or ${p.matchedSql}` : ""})`);
    b.push(text, text, ...p.matchedBindings);
  } else if (text) {
    where.push("? operator(extensions.<%) s.search_text");
    b.push(text);
  }
  if (q.specialty) {
    where.push("s.specialty_slugs @> array[?]::text[]");
    b.push(q.specialty);
  }
  if (q.city) {
    where.push("s.city_keys @> array[?]::text[]");
    b.push(q.city.toLowerCase());
  }
  if (q.locality) {
    where.push("s.locality_keys @> array[?]::text[]");
    b.push(q.locality.toLowerCase());
  }
  if (q.language) {
    where.push("s.languages @> array[?]::text[]");
    b.push(q.language);
  }
  if (q.gender) {
    where.push("s.gender = ?");
    b.push(q.gender);
  }
  if (q.feeMin !== null) {
    where.push("s.fee_minor >= ?");
    b.push(q.feeMin);
  }
  if (q.feeMax !== null) {
    where.push("s.fee_minor <= ?");
    b.push(q.feeMax);
  }
  if (q.mode) {
    where.push("s.modes @> array[?]::text[]");
    b.push(q.mode);
  }
  if (q.minRating !== null) {
    where.push("s.rating_avg >= ?");
    b.push(q.minRating);
  }
  return p;
}

/**
 * The one search statement: a page of rows, each with the total (`count(*) over()`),
 * its rank and distance, and (tenant only) the specialty the text matched. Filters hit the
 * GIN indexes on the array columns.
 */
export function buildSearchSql(source: SearchSource, q: DoctorSearchQuery, opts: SearchOptions & { limit: number; offset: number }): { sql: string; bindings: unknown[] } {
  const p = buildParts(source, q, opts);
  const b: unknown[] = [...p.cteBindings];
  const ctes = [...p.ctes];
  const text = q.q.toLowerCase();
  const origin = opts.origin;
  if (origin?.kind === "point") {
    ctes.push("origin as (select ?::float8 as lat, ?::float8 as lng, cos(radians(?::float8)) as k)");
    b.push(origin.lat, origin.lng, origin.lat);
  } else if (origin?.kind === "locality") {
    // A locality of this tenant's clinics, else a city of them, else the built-in city centre.
    ctes.push(
      `origin0 as (select coalesce(a.loc_lat, a.city_lat, ?::float8) as lat, coalesce(a.loc_lng, a.city_lng, ?::float8) as lng from (
        select avg(latitude) filter (where lower(locality) = ?) as loc_lat, avg(longitude) filter (where lower(locality) = ?) as loc_lng,
               avg(latitude) filter (where lower(city) = ?) as city_lat, avg(longitude) filter (where lower(city) = ?) as city_lng
        from clinics where latitude is not null and longitude is not null) a)`,
      "origin as (select lat, lng, cos(radians(lat)) as k from origin0)",
    );
    const n = origin.name.toLowerCase();
    b.push(origin.fallback?.lat ?? null, origin.fallback?.lng ?? null, n, n, n, n);
  }

  // The page is chosen over narrow rows (ids and sort keys); only its rows fetch their cards.
  const cols: string[] = ["s.provider_id", "s.name", "s.fee_minor", "s.years_experience", "s.rating_avg"];
  if (source.kind === "directory") cols.push("s.tenant_id");
  if (text && opts.mode === "exact") {
    // A doctor of the named specialty ranks above one who merely mentions the words.
    cols.push(`ts_rank_cd(s.search_vector, ${TSQUERY})${p.matchedSql ? ` + case when ${p.matchedSql} then 0.5 else 0 end` : ""} as rank`);
    b.push(text, text, ...p.matchedBindings);
  } else if (text) {
    cols.push("extensions.word_similarity(?, s.search_text) as rank");
    b.push(text);
  } else cols.push("0::real as rank");
  cols.push(origin ? `${nearest()} as distance_km` : "null::float8 as distance_km");
  cols.push("count(*) over() as total");
  b.push(...p.whereBindings, opts.limit, opts.offset);
  const table = source.kind === "tenant" ? SEARCH : DIRECTORY;
  ctes.push(
    `hits as (select ${cols.join(", ")} from ${table} s${origin ? " cross join origin o" : ""}` +
      (p.where.length ? ` where ${p.where.join(" and ")}` : "") +
      ` order by ${orderBy(q, "s", "")} limit ? offset ?)`,
  );
  const outer = ["h.*", "s.slug", "s.has_photo", "s.card"];
  outer.push(source.kind === "tenant" && text ? "(select json_build_object('slug', m.slug, 'name', m.name) from m) as matched" : "null::json as matched");
  if (source.kind === "directory") outer.push("s.tenant_slug", "s.tenant_name", "s.profile_url");
  const join = source.kind === "directory" ? "s.tenant_id = h.tenant_id and s.provider_id = h.provider_id" : "s.provider_id = h.provider_id";
  const sql = `with ${ctes.join(", ")} select ${outer.join(", ")} from hits h join ${table} s on ${join} order by ${orderBy(q, "h", "h.")}`;
  return { sql, bindings: b };
}

function toSearchRow(r: Record<string, unknown>): SearchRow {
  return {
    providerId: r.provider_id as string,
    slug: r.slug as string,
    name: r.name as string,
    hasPhoto: r.has_photo as boolean,
    card: r.card as StoredCard,
    feeMinor: r.fee_minor as number,
    yearsExperience: r.years_experience as number,
    rating: r.rating_avg === null || r.rating_avg === undefined ? null : Number(r.rating_avg),
    rank: Number(r.rank ?? 0),
    distanceKm: r.distance_km === null || r.distance_km === undefined ? null : Number(r.distance_km),
    total: Number(r.total),
    matched: (r.matched as { slug: string; name: string } | null) ?? null,
    hospital: r.tenant_slug ? { slug: r.tenant_slug as string, name: r.tenant_name as string, profileUrl: r.profile_url as string } : null,
  };
}

/** Runs a built search on a handle (a tenant transaction or the platform pool). */
export async function runSearch(db: Knex | Knex.Transaction, built: { sql: string; bindings: unknown[] }): Promise<SearchRow[]> {
  const res = await db.raw(built.sql, built.bindings as Knex.RawBinding[]);
  return (res.rows as Record<string, unknown>[]).map(toSearchRow);
}

/** The count alone, for a page past the end (where the window count has no row to ride on). */
export async function countSearch(db: Knex | Knex.Transaction, source: SearchSource, q: DoctorSearchQuery, opts: SearchOptions): Promise<number> {
  const p = buildParts(source, q, opts);
  const table = source.kind === "tenant" ? SEARCH : DIRECTORY;
  const sql = (p.ctes.length ? `with ${p.ctes.join(", ")} ` : "") + `select count(*) as n from ${table} s` + (p.where.length ? ` where ${p.where.join(" and ")}` : "");
  const res = await db.raw(sql, [...p.cteBindings, ...p.whereBindings] as Knex.RawBinding[]);
  return Number((res.rows as { n: string }[])[0]?.n ?? 0);
}

/** The specialty a text names (exactly or nearly: name or synonym), from the tenant's list. */
export async function findMatchedSpecialty(scope: TenantScope, text: string): Promise<{ slug: string; name: string } | null> {
  const t = text.toLowerCase();
  const res = await scope.db.raw(
    `select sp.slug, sp.name from specialties sp
     cross join lateral (select greatest(extensions.similarity(lower(sp.name), ?),
       coalesce((select max(extensions.similarity(lower(x), ?)) from unnest(sp.synonyms) as x), 0)) as score) sc
     where sp.active and sc.score >= ${MATCH_THRESHOLD} order by sc.score desc, sp.name limit 1`,
    [t, t],
  );
  const row = (res.rows as { slug: string; name: string }[])[0];
  return row ? { slug: row.slug, name: row.name } : null;
}

/** Points (sum and count) of the clinics in a locality, to average across sources. */
export interface PointSum {
  lat: number;
  lng: number;
  n: number;
}

/** The tenant's clinics in a locality (else a city) as a coordinate sum. */
export async function tenantLocalityPoints(scope: TenantScope, name: string): Promise<PointSum> {
  const n = name.toLowerCase();
  const res = await scope.db.raw(
    `select coalesce(sum(latitude), 0) as lat, coalesce(sum(longitude), 0) as lng, count(*) as n from clinics
     where latitude is not null and longitude is not null and lower(locality) = ?`,
    [n],
  );
  const r = (res.rows as { lat: number; lng: number; n: string }[])[0];
  return { lat: Number(r?.lat ?? 0), lng: Number(r?.lng ?? 0), n: Number(r?.n ?? 0) };
}

/** The directory's clinics in a locality as a coordinate sum (each listed doctor's clinic counts once). */
export async function directoryLocalityPoints(db: Knex, name: string, excludeTenantId: string): Promise<PointSum> {
  const n = name.toLowerCase();
  const res = await db.raw(
    `select coalesce(sum((c->>'latitude')::float8), 0) as lat, coalesce(sum((c->>'longitude')::float8), 0) as lng, count(*) as n
     from ${DIRECTORY} d cross join lateral jsonb_array_elements(d.card->'clinics') c
     where d.listed and d.tenant_id <> ? and d.locality_keys @> array[?]::text[]
       and lower(c->>'locality') = ? and c->>'latitude' is not null and c->>'longitude' is not null`,
    [excludeTenantId, n, n],
  );
  const r = (res.rows as { lat: number; lng: number; n: string }[])[0];
  return { lat: Number(r?.lat ?? 0), lng: Number(r?.lng ?? 0), n: Number(r?.n ?? 0) };
}

export interface DoctorRecord {
  card: StoredCard;
  hasPhoto: boolean;
  bio: string | null;
  conditions: string[];
  registrationNumber: string;
  registrationCouncil: string;
  clinics: ClinicView[];
}

function toClinic(r: Record<string, unknown>): ClinicView {
  return {
    id: r.id as string,
    slug: r.slug as string,
    name: r.name as string,
    addressLine: r.address_line as string,
    locality: r.locality as string,
    city: r.city as string,
    state: (r.state as string | null) ?? null,
    postcode: (r.postcode as string | null) ?? null,
    latitude: (r.latitude as number | null) ?? null,
    longitude: (r.longitude as number | null) ?? null,
    timeZone: r.time_zone as string,
    phone: (r.phone as string | null) ?? null,
    facilities: (r.facilities as string[]) ?? [],
    openingHours: (r.opening_hours as ClinicView["openingHours"]) ?? {},
    active: r.active as boolean,
  };
}

/** Reads a tenant's published doctors for profiles, photos and facets. */
export class DiscoveryStore {
  constructor(private readonly scope: TenantScope) {}

  /** A published doctor by slug (its search row exists only while published), or null. */
  async findPublishedDoctor(slug: string): Promise<DoctorRecord | null> {
    const row = await this.scope
      .db(`${SEARCH} as s`)
      .join("providers as p", "p.id", "s.provider_id")
      .where("s.slug", slug)
      .andWhere("p.published", true)
      .first<Record<string, unknown> | undefined>("s.card", "s.has_photo", "p.id", "p.bio", "p.conditions", "p.registration_number", "p.registration_council");
    if (!row) return null;
    const clinics = await this.scope
      .db("clinics as c")
      .join("provider_clinics as pc", "pc.clinic_id", "c.id")
      .where("pc.provider_id", row.id as string)
      .andWhere("c.active", true)
      .orderBy([{ column: "c.name" }, { column: "c.id" }])
      .select<Record<string, unknown>[]>("c.*");
    return {
      card: row.card as StoredCard,
      hasPhoto: row.has_photo as boolean,
      bio: (row.bio as string | null) ?? null,
      conditions: (row.conditions as string[]) ?? [],
      registrationNumber: row.registration_number as string,
      registrationCouncil: row.registration_council as string,
      clinics: clinics.map(toClinic),
    };
  }

  /** The storage key of a published doctor's photo, or null. */
  async findPublishedPhotoKey(slug: string): Promise<string | null> {
    const row = await this.scope.db("providers").where({ slug, published: true }).whereNotNull("photo_key").first<{ photo_key: string } | undefined>("photo_key");
    return row?.photo_key ?? null;
  }

  /** Specialties, places and languages that published doctors of this tenant have, in one statement. */
  async facets(): Promise<FacetRows> {
    const res = await this.scope.db.raw(`
      select
        (select coalesce(json_agg(x order by x.name), '[]') from (
           select sp.slug, sp.name from specialties sp
           where exists (select 1 from ${SEARCH} s where s.specialty_slugs @> array[sp.slug])) x) as specialties,
        (select coalesce(json_agg(x), '[]') from (
           select distinct c.city, c.locality from clinics c
           where c.active and exists (select 1 from provider_clinics pc join ${SEARCH} s on s.provider_id = pc.provider_id where pc.clinic_id = c.id)) x) as places,
        (select coalesce(json_agg(l), '[]') from (select distinct unnest(languages) as l from ${SEARCH}) y) as languages`);
    return (res.rows as FacetRows[])[0] ?? { specialties: [], places: [], languages: [] };
  }
}

export interface FacetRows {
  specialties: { slug: string; name: string }[];
  places: { city: string; locality: string }[];
  languages: string[];
}

/** The same facets across the directory's listed doctors (other tenants than `excludeTenantId`). */
export async function directoryFacets(db: Knex, excludeTenantId: string): Promise<FacetRows> {
  const res = await db.raw(
    `with d as (select * from ${DIRECTORY} where listed and tenant_id <> ?)
     select
       (select coalesce(json_agg(x), '[]') from (select distinct sp->>'slug' as slug, sp->>'name' as name from d cross join lateral jsonb_array_elements(d.card->'specialties') sp) x) as specialties,
       (select coalesce(json_agg(x), '[]') from (select distinct c->>'city' as city, c->>'locality' as locality from d cross join lateral jsonb_array_elements(d.card->'clinics') c) x) as places,
       (select coalesce(json_agg(l), '[]') from (select distinct unnest(languages) as l from d) y) as languages`,
    [excludeTenantId],
  );
  return (res.rows as FacetRows[])[0] ?? { specialties: [], places: [], languages: [] };
}
