import type { Knex } from "knex";

// As for each tenant's provider_search: the marketplace directory is read far more than
// written, so its GIN indexes skip the pending list that every search would scan.
const INDEXES = ["directory_entries_vector", "directory_entries_trgm", "directory_entries_specialties", "directory_entries_cities"];

export async function up(knex: Knex): Promise<void> {
  for (const index of INDEXES) {
    await knex.raw(`alter index platform.${index} set (fastupdate = off)`);
    await knex.raw(`select gin_clean_pending_list(?::regclass)`, [`platform.${index}`]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const index of INDEXES) await knex.raw(`alter index platform.${index} set (fastupdate = on)`);
}
