import type { Knex } from "knex";

// The doctor's day is shown live in every app process: a change to a tenant's appointments
// tells them all at commit (NOTIFY is delivered only when the transaction commits, and
// identical notifications of one transaction are folded into one). The payload is the
// schema name, never data: listeners re-read what they show.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_queue_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_queue_changed', tg_table_schema);
      return null;
    end $$;
    create trigger appointments_queue_changed after insert or update or delete or truncate on appointments
      for each statement execute function notify_queue_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop trigger if exists appointments_queue_changed on appointments; drop function if exists notify_queue_changed()");
}
