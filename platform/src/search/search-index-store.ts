import type { TenantScope } from "../db/index.js";

const SEARCH = "provider_search";
const OUTBOX = "outbox";
export const DIRECTORY_TOPIC = "directory.provider_changed";

// One statement rebuilds every given provider's row from the source tables, so a refresh
// costs the same round trips for one doctor or two thousand. Clinic arrays keep one order
// (by clinic name) so `clinic_lats[i]`, `clinic_lngs[i]` and `card.clinics[i]` are one clinic;
// clinics without coordinates stay in the card but not in the distance arrays.
const UPSERT_SQL = `
insert into ${SEARCH} as ps (
  provider_id, slug, name, gender, has_photo, specialty_slugs, specialty_names, languages, modes,
  fee_minor, currency, years_experience, city_keys, locality_keys, clinic_lats, clinic_lngs,
  rating_avg, rating_count, card, search_vector, search_text, updated_at
)
select
  p.id, p.slug, p.name, p.gender, p.photo_key is not null,
  coalesce(sp.slugs, '{}'), coalesce(sp.names, '{}'), p.languages, p.modes,
  p.fee_minor, p.currency, p.years_experience,
  coalesce(cl.city_keys, '{}'), coalesce(cl.locality_keys, '{}'), coalesce(cl.lats, '{}'), coalesce(cl.lngs, '{}'),
  p.rating_avg, p.rating_count,
  jsonb_build_object(
    'id', p.id, 'slug', p.slug, 'name', p.name, 'gender', p.gender,
    'specialties', coalesce(sp.card, '[]'::jsonb),
    'qualifications', to_jsonb(p.qualifications),
    'yearsExperience', p.years_experience,
    'languages', to_jsonb(p.languages),
    'modes', to_jsonb(p.modes),
    'fee', jsonb_build_object('amountMinor', p.fee_minor, 'currency', p.currency),
    'clinics', coalesce(cl.card, '[]'::jsonb),
    'rating', case when p.rating_count > 0 and p.rating_avg is not null
                   then jsonb_build_object('average', p.rating_avg, 'count', p.rating_count) end
  ),
  setweight(to_tsvector('simple', p.name), 'A')
    || setweight(to_tsvector('english', coalesce(sp.terms, '')), 'A')
    || setweight(to_tsvector('english', concat_ws(' ', array_to_string(p.conditions, ' '), cl.terms, array_to_string(p.qualifications, ' '))), 'B')
    || setweight(to_tsvector('english', coalesce(p.bio, '')), 'D'),
  lower(concat_ws(' ', p.name, sp.terms, array_to_string(p.conditions, ' '), cl.names)),
  now()
from providers p
left join lateral (
  select
    array_agg(s.slug order by ps2.is_primary desc, s.name) as slugs,
    array_agg(s.name order by ps2.is_primary desc, s.name) as names,
    string_agg(concat_ws(' ', s.name, array_to_string(s.synonyms, ' ')), ' ') as terms,
    jsonb_agg(jsonb_build_object('slug', s.slug, 'name', s.name) order by ps2.is_primary desc, s.name) as card
  from provider_specialties ps2
  join specialties s on s.id = ps2.specialty_id
  where ps2.provider_id = p.id
) sp on true
left join lateral (
  select
    array_agg(distinct lower(c.city)) as city_keys,
    array_agg(distinct lower(c.locality)) as locality_keys,
    array_agg(c.latitude order by c.name, c.id) filter (where c.latitude is not null and c.longitude is not null) as lats,
    array_agg(c.longitude order by c.name, c.id) filter (where c.latitude is not null and c.longitude is not null) as lngs,
    string_agg(concat_ws(' ', c.name, c.locality, c.city), ' ') as terms,
    string_agg(c.name, ' ') as names,
    jsonb_agg(jsonb_build_object('name', c.name, 'locality', c.locality, 'city', c.city, 'latitude', c.latitude, 'longitude', c.longitude) order by c.name, c.id) as card
  from provider_clinics pc
  join clinics c on c.id = pc.clinic_id
  where pc.provider_id = p.id and c.active
) cl on true
where p.id = any(?::uuid[]) and p.published
on conflict (provider_id) do update set
  slug = excluded.slug, name = excluded.name, gender = excluded.gender, has_photo = excluded.has_photo,
  specialty_slugs = excluded.specialty_slugs, specialty_names = excluded.specialty_names,
  languages = excluded.languages, modes = excluded.modes, fee_minor = excluded.fee_minor,
  currency = excluded.currency, years_experience = excluded.years_experience,
  city_keys = excluded.city_keys, locality_keys = excluded.locality_keys,
  clinic_lats = excluded.clinic_lats, clinic_lngs = excluded.clinic_lngs,
  rating_avg = excluded.rating_avg, rating_count = excluded.rating_count, card = excluded.card,
  search_vector = excluded.search_vector, search_text = excluded.search_text, updated_at = excluded.updated_at`;

const DELETE_SQL = `
delete from ${SEARCH} ps
where ps.provider_id = any(?::uuid[])
  and not exists (select 1 from providers p where p.id = ps.provider_id and p.published)`;

/** Writes a tenant's `provider_search` rows and directory events, inside the caller's transaction. */
export class SearchIndexStore {
  constructor(private readonly scope: TenantScope) {}

  /** Upserts the rows of published providers among `ids`; deletes the rest. */
  async rebuild(ids: string[]): Promise<void> {
    await this.scope.db.raw(UPSERT_SQL, [ids]);
    await this.scope.db.raw(DELETE_SQL, [ids]);
  }

  /** One `directory.provider_changed` event per provider; the payload carries the id only. */
  async insertDirectoryEvents(ids: string[]): Promise<void> {
    await this.scope.db.raw(
      `insert into ${OUTBOX} (topic, payload) select ?, jsonb_build_object('providerId', id) from unnest(?::uuid[]) as id`,
      [DIRECTORY_TOPIC, ids],
    );
  }
}
