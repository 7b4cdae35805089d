import type { Knex } from "knex";

// The marketplace directory: a read model of partner-hospital doctors their hospital chose
// to list on the marketplace. Fed by outbox events from each hospital's schema; holds only
// public profile data (never patients). Its search columns are the same as each tenant's
// `provider_search`, so one query builder searches both.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table platform.directory_entries (
      tenant_id uuid not null references platform.tenants(id) on delete cascade,
      provider_id uuid not null,
      tenant_slug text not null,
      tenant_name text not null,
      profile_url text not null,
      listed boolean not null default true,
      source_event_id bigint not null,
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
      updated_at timestamptz not null default now(),
      primary key (tenant_id, provider_id)
    );
    create index directory_entries_vector on platform.directory_entries using gin (search_vector) where listed;
    create index directory_entries_trgm on platform.directory_entries using gin (search_text extensions.gin_trgm_ops) where listed;
    create index directory_entries_specialties on platform.directory_entries using gin (specialty_slugs) where listed;
    create index directory_entries_cities on platform.directory_entries using gin (city_keys) where listed;
    create index directory_entries_fee on platform.directory_entries (fee_minor) where listed;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists platform.directory_entries");
}
