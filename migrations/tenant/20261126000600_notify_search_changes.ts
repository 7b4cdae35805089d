import type { Knex } from "knex";

// Every app process caches search answers; a change to this tenant's search read model
// tells all of them at commit (NOTIFY is delivered only when the transaction commits).
// The payload is the schema name, never data.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_search_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_search_changed', tg_table_schema);
      return null;
    end $$;
    create trigger provider_search_changed after insert or update or delete or truncate on provider_search
      for each statement execute function notify_search_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop trigger if exists provider_search_changed on provider_search; drop function if exists notify_search_changed()");
}
