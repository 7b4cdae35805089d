import type { Knex } from "knex";

// btree_gist lets an exclusion constraint combine equality on plain columns (provider,
// seat) with overlap on time ranges: that is how the database itself refuses a double
// booking. Like pg_trgm it lives in `extensions`; its default operator classes are found
// by type, whatever the search_path. It is a trusted extension.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("create extension if not exists btree_gist with schema extensions");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop extension if exists btree_gist");
}
