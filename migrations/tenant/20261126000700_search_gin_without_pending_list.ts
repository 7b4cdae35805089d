import type { Knex } from "knex";

// GIN's "fast update" parks new entries in a pending list that every search must scan
// until vacuum merges it; right after a doctor import that made searches 3-4x slower.
// The search read model is read far more than written, so its GIN indexes take each
// write directly (and the current pending list is merged now).
const INDEXES = ["provider_search_vector", "provider_search_trgm", "provider_search_specialties", "provider_search_languages", "provider_search_cities", "provider_search_localities"];

export async function up(knex: Knex): Promise<void> {
  for (const index of INDEXES) {
    await knex.raw(`alter index ${index} set (fastupdate = off)`);
    await knex.raw(`select gin_clean_pending_list(?::regclass)`, [index]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const index of INDEXES) await knex.raw(`alter index ${index} set (fastupdate = on)`);
}
