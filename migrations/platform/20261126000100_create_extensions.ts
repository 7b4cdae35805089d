import type { Knex } from "knex";

// pg_trgm powers typo-tolerant doctor search. It lives in its own `extensions` schema so
// tenant roles (whose search_path is only their own schema) reach it by qualified name,
// and so no tenant schema ever owns extension objects. pg_trgm is a trusted extension:
// a database owner without superuser may create it.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create schema if not exists extensions;
    grant usage on schema extensions to public;
    create extension if not exists pg_trgm with schema extensions;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop extension if exists pg_trgm; drop schema if exists extensions");
}
