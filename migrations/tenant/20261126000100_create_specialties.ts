import type { Knex } from "knex";

// A tenant's managed list of specialties. `slug` is the shared vocabulary across tenants
// (the marketplace filters partner doctors by it); synonyms are what patients type
// ("skin doctor" for dermatology) and feed the search index.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table specialties (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null check (length(name) between 2 and 80),
      synonyms text[] not null default '{}',
      description text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index specialties_name_lower on specialties (lower(name));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists specialties");
}
