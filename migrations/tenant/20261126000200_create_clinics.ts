import type { Knex } from "knex";

// Clinics and locations where doctors practise. Availability (scheduling) is written in the
// clinic's IANA time zone; opening hours are `{ "mon": [["09:00","13:00"], ...], ... }`.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table clinics (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null check (length(name) between 2 and 120),
      address_line text not null,
      locality text not null,
      city text not null,
      state text,
      postcode text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      time_zone text not null,
      phone text,
      facilities text[] not null default '{}',
      opening_hours jsonb not null default '{}',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists clinics");
}
