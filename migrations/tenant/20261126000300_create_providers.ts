import type { Knex } from "knex";

// Providers (doctors): the applicant's profile, their onboarding state and whether they
// are published. The check constraint makes "only an approved doctor can be published"
// (and listed on the marketplace) a database rule, not a UI convention.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table providers (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      user_id uuid references users(id) on delete set null,
      name text not null check (length(name) between 2 and 120),
      gender text check (gender in ('female', 'male', 'other')),
      email text,
      phone text,
      registration_number text not null,
      registration_council text not null,
      qualifications text[] not null default '{}',
      years_experience integer not null default 0 check (years_experience between 0 and 70),
      languages text[] not null default '{}',
      fee_minor integer not null check (fee_minor >= 0),
      currency char(3) not null default 'INR',
      modes text[] not null default '{in_clinic}' check (modes <@ array['in_clinic', 'video']::text[] and cardinality(modes) > 0),
      bio text,
      conditions text[] not null default '{}',
      photo_key text,
      status text not null default 'submitted'
        check (status in ('submitted', 'in_review', 'changes_requested', 'approved', 'rejected')),
      source text not null default 'application' check (source in ('application', 'admin', 'import')),
      reviewer_id uuid references users(id) on delete set null,
      decision_reason text,
      application_token_hash text unique,
      published boolean not null default false,
      published_at timestamptz,
      marketplace_listed boolean not null default false,
      rating_avg numeric(2,1),
      rating_count integer not null default 0,
      submitted_at timestamptz not null default now(),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint providers_published_only_when_approved check (not published or status = 'approved'),
      constraint providers_listed_only_when_published check (not marketplace_listed or published)
    );
    create unique index providers_registration on providers (lower(registration_council), lower(registration_number));
    create index providers_status on providers (status, submitted_at);
    create unique index providers_user on providers (user_id) where user_id is not null;

    create table provider_specialties (
      provider_id uuid not null references providers(id) on delete cascade,
      specialty_id uuid not null references specialties(id) on delete restrict,
      is_primary boolean not null default false,
      primary key (provider_id, specialty_id)
    );
    create index provider_specialties_specialty on provider_specialties (specialty_id);

    create table provider_clinics (
      provider_id uuid not null references providers(id) on delete cascade,
      clinic_id uuid not null references clinics(id) on delete restrict,
      primary key (provider_id, clinic_id)
    );
    create index provider_clinics_clinic on provider_clinics (clinic_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists provider_clinics; drop table if exists provider_specialties; drop table if exists providers");
}
