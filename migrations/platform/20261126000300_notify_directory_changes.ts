import type { Knex } from "knex";

// The marketplace's search cache in every app process drops directory answers when the
// directory changes (payload: the schema name, `platform`).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function platform.notify_directory_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_search_changed', tg_table_schema);
      return null;
    end $$;
    create trigger directory_entries_changed after insert or update or delete or truncate on platform.directory_entries
      for each statement execute function platform.notify_directory_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop trigger if exists directory_entries_changed on platform.directory_entries; drop function if exists platform.notify_directory_changed()");
}
