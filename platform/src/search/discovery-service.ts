import type { Knex } from "knex";
import type { DiscoveryFacetsView, DoctorCardView, DoctorProfileView, DoctorSearchQuery, DoctorSearchResultView } from "../context.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { NotFoundError } from "../errors/index.js";
import type { FileStorage } from "../storage/index.js";
import { cityCentre } from "./geo.js";
import { parseSearchQuery } from "./search-query.js";
import {
  buildSearchSql,
  compareRows,
  countSearch,
  DiscoveryStore,
  directoryFacets,
  directoryLocalityPoints,
  findMatchedSpecialty,
  runSearch,
  tenantLocalityPoints,
  type FacetRows,
  type OriginSpec,
  type SearchRow,
  type TextMode,
  type StoredCard,
} from "./search-store.js";
import type { DiscoveryTenant } from "./index.js";

export interface DiscoveryDeps {
  db: Knex;
  withTenant: TenantUnitOfWork;
  storage: FileStorage;
}

/** A stored card as the page shows it: own doctors link to this tenant, directory doctors to their hospital. */
export function toCardView(card: StoredCard, opts: { hasPhoto: boolean; distanceKm: number | null; hospital: { slug: string; name: string; profileUrl: string } | null }): DoctorCardView {
  const url = opts.hospital ? opts.hospital.profileUrl : `/doctors/${card.slug}`;
  return {
    id: card.id,
    slug: card.slug,
    name: card.name,
    gender: card.gender ?? null,
    photoUrl: opts.hasPhoto ? `${url}/photo` : null,
    specialties: card.specialties ?? [],
    qualifications: card.qualifications ?? [],
    yearsExperience: card.yearsExperience,
    languages: card.languages ?? [],
    modes: card.modes ?? [],
    fee: { amountMinor: card.fee.amountMinor, currency: card.fee.currency },
    clinics: (card.clinics ?? []).map((c) => ({ name: c.name, locality: c.locality, city: c.city })),
    rating: card.rating ? { average: Number(card.rating.average), count: card.rating.count } : null,
    distanceKm: opts.distanceKm === null ? null : Math.round(opts.distanceKm * 10) / 10,
    url,
    hospital: opts.hospital ? { slug: opts.hospital.slug, name: opts.hospital.name } : null,
  };
}

const rowView = (r: SearchRow) => toCardView(r.card, { hasPhoto: r.hasPhoto, distanceKm: r.distanceKm, hospital: r.hospital });

function result(query: DoctorSearchQuery, rows: SearchRow[], total: number, matched: { slug: string; name: string } | null): DoctorSearchResultView {
  return {
    query,
    items: rows.map(rowView),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    matchedSpecialty: matched,
  };
}

function mergeFacets(parts: FacetRows[]): DiscoveryFacetsView {
  const specialties = new Map<string, string>();
  const cities = new Map<string, { name: string; localities: Map<string, string> }>();
  const languages = new Map<string, string>();
  for (const p of parts) {
    for (const s of p.specialties) if (!specialties.has(s.slug)) specialties.set(s.slug, s.name);
    for (const pl of p.places) {
      const key = pl.city.toLowerCase();
      const city = cities.get(key) ?? { name: pl.city, localities: new Map<string, string>() };
      if (!city.localities.has(pl.locality.toLowerCase())) city.localities.set(pl.locality.toLowerCase(), pl.locality);
      cities.set(key, city);
    }
    for (const l of p.languages) if (!languages.has(l.toLowerCase())) languages.set(l.toLowerCase(), l);
  }
  const byText = (a: string, b: string) => a.localeCompare(b, "en");
  return {
    specialties: [...specialties].map(([slug, name]) => ({ slug, name })).sort((a, b) => byText(a.name, b.name)),
    cities: [...cities.values()].map((c) => ({ name: c.name, localities: [...c.localities.values()].sort(byText) })).sort((a, b) => byText(a.name, b.name)),
    languages: [...languages.values()].sort(byText),
  };
}

/** The search side of the discovery facade for one tenant (hospital or marketplace). */
export function createDiscovery(deps: DiscoveryDeps, tenant: DiscoveryTenant) {
  const marketplace = tenant.kind === "marketplace";
  const directory = { kind: "directory" as const, excludeTenantId: tenant.id };

  async function searchHospital(q: DoctorSearchQuery): Promise<DoctorSearchResultView> {
    const offset = (q.page - 1) * q.pageSize;
    const origin: OriginSpec | null = q.near ? { kind: "locality", name: q.near, fallback: cityCentre(q.near) } : null;
    const own = { kind: "tenant" } as const;
    return deps.withTenant(tenant, async (scope) => {
      const page = async (mode: TextMode) => {
        const rows = await runSearch(scope.db, buildSearchSql(own, q, { mode, origin, limit: q.pageSize, offset }));
        // The total rides on the rows; only a page past the end needs its own count.
        const total = rows[0]?.total ?? (offset > 0 ? await countSearch(scope.db, own, q, { mode, origin }) : 0);
        return { rows, total };
      };
      let r = await page("exact");
      if (r.total === 0 && q.q) r = await page("fuzzy");
      const matched = r.rows.length ? (r.rows[0]?.matched ?? null) : q.q ? await findMatchedSpecialty(scope, q.q) : null;
      return result(q, r.rows, r.total, matched);
    });
  }

  async function marketplaceOrigin(q: DoctorSearchQuery): Promise<OriginSpec | null> {
    if (!q.near) return null;
    const near = q.near;
    const [own, dir] = await Promise.all([deps.withTenant(tenant, (scope) => tenantLocalityPoints(scope, near)), directoryLocalityPoints(deps.db, near, tenant.id)]);
    const n = own.n + dir.n;
    if (n > 0) return { kind: "point", lat: (own.lat + dir.lat) / n, lng: (own.lng + dir.lng) / n };
    const centre = cityCentre(near);
    return centre ? { kind: "point", ...centre } : null;
  }

  // The marketplace's own doctors and the directory are two sorted lists: take the top
  // page*pageSize of each, merge by the same sort key, and slice the page out.
  async function searchMarketplace(q: DoctorSearchQuery): Promise<DoctorSearchResultView> {
    const origin = await marketplaceOrigin(q);
    const depth = q.page * q.pageSize;
    const limits = { limit: depth, offset: 0, origin };
    // The marketplace's own specialty list names the specialty for both sides.
    const matched = q.q ? await deps.withTenant(tenant, (scope) => findMatchedSpecialty(scope, q.q)) : null;
    const both = (mode: TextMode) =>
      Promise.all([
        deps.withTenant(tenant, (scope) => runSearch(scope.db, buildSearchSql({ kind: "tenant" }, q, { ...limits, mode }))),
        runSearch(deps.db, buildSearchSql(directory, q, { ...limits, mode, matchedSlug: matched?.slug ?? null })),
      ]);
    let [own, dir] = await both("exact");
    if (!own.length && !dir.length && q.q) [own, dir] = await both("fuzzy");
    const total = (own[0]?.total ?? 0) + (dir[0]?.total ?? 0);
    const merged = [...own, ...dir].sort(compareRows(q)).slice((q.page - 1) * q.pageSize, depth);
    return result(q, merged, total, matched);
  }

  return {
    /** Parses the page's or API's query and searches this tenant (and, on the marketplace, the directory). */
    async search(params: URLSearchParams | Record<string, unknown>): Promise<DoctorSearchResultView> {
      const q = parseSearchQuery(params);
      return marketplace ? searchMarketplace(q) : searchHospital(q);
    },

    /** Searches with an already parsed query. */
    searchParsed(q: DoctorSearchQuery): Promise<DoctorSearchResultView> {
      return marketplace ? searchMarketplace(q) : searchHospital(q);
    },

    /** A published doctor's profile on this tenant; `not_found` otherwise. */
    async getDoctor(slug: string): Promise<DoctorProfileView> {
      const rec = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? await deps.withTenant(tenant, (scope) => new DiscoveryStore(scope).findPublishedDoctor(slug)) : null;
      if (!rec) throw new NotFoundError("No such doctor.");
      return {
        ...toCardView(rec.card, { hasPhoto: rec.hasPhoto, distanceKm: null, hospital: null }),
        bio: rec.bio,
        conditions: rec.conditions,
        registration: { number: rec.registrationNumber, council: rec.registrationCouncil },
        clinicDetails: rec.clinics,
      };
    },

    /** The photo of a published doctor; `not_found` when there is none. */
    async doctorPhoto(slug: string): Promise<{ bytes: Uint8Array; contentType: string }> {
      const key = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? await deps.withTenant(tenant, (scope) => new DiscoveryStore(scope).findPublishedPhotoKey(slug)) : null;
      const file = key ? await deps.storage.get(key) : null;
      if (!file) throw new NotFoundError("No such photo.");
      return file;
    },

    /** What the filters offer: only values that published (or listed) doctors have. */
    async facets(): Promise<DiscoveryFacetsView> {
      const own = deps.withTenant(tenant, (scope) => new DiscoveryStore(scope).facets());
      const parts = await Promise.all(marketplace ? [own, directoryFacets(deps.db, tenant.id)] : [own]);
      return mergeFacets(parts);
    },
  };
}
