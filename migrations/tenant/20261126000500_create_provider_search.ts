import type { Knex } from "knex";

// The search read model: one denormalised row per published provider, rebuilt whenever
// the provider, their specialties or their clinics change, and deleted when they are
// unpublished (so unpublishing hides them at once). Same columns as
// platform.directory_entries' search part, so one query builder searches both.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table provider_search (
      provider_id uuid primary key references providers(id) on delete cascade,
      slug text not null,
      name text not null,
      gender text,
      has_photo boolean not null default false,
      specialty_slugs text[] not null default '{}',
      specialty_names text[] not null default '{}',
      languages text[] not null default '{}',
      modes text[] not null default '{}',
      fee_minor integer not null,
      currency char(3) not null,
      years_experience integer not null default 0,
      city_keys text[] not null default '{}',
      locality_keys text[] not null default '{}',
      clinic_lats double precision[] not null default '{}',
      clinic_lngs double precision[] not null default '{}',
      rating_avg numeric(2,1),
      rating_count integer not null default 0,
      card jsonb not null,
      search_vector tsvector not null,
      search_text text not null,
      updated_at timestamptz not null default now()
    );
    create index provider_search_vector on provider_search using gin (search_vector);
    create index provider_search_trgm on provider_search using gin (search_text extensions.gin_trgm_ops);
    create index provider_search_specialties on provider_search using gin (specialty_slugs);
    create index provider_search_languages on provider_search using gin (languages);
    create index provider_search_cities on provider_search using gin (city_keys);
    create index provider_search_localities on provider_search using gin (locality_keys);
    create index provider_search_fee on provider_search (fee_minor);
    create index provider_search_experience on provider_search (years_experience);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists provider_search");
}
