import type { Knex } from "knex";

// Every app process caches doctors' schedules (rules, exceptions, booking policy, clinics
// and their zones, publication) for slot answers; a change to any of them tells all the
// processes at commit. The payload is the schema name, never data. Statement triggers:
// one notification per statement (and identical ones fold into one per transaction).
// Providers and clinics change for many reasons; only the columns a schedule reads count.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_schedule_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_schedule_changed', tg_table_schema);
      return null;
    end $$;
    create trigger availability_rules_schedule_changed after insert or update or delete or truncate on availability_rules
      for each statement execute function notify_schedule_changed();
    create trigger availability_exceptions_schedule_changed after insert or update or delete or truncate on availability_exceptions
      for each statement execute function notify_schedule_changed();
    create trigger booking_policies_schedule_changed after insert or update or delete or truncate on booking_policies
      for each statement execute function notify_schedule_changed();
    create trigger provider_clinics_schedule_changed after insert or update or delete or truncate on provider_clinics
      for each statement execute function notify_schedule_changed();
    create trigger clinics_schedule_changed after insert or delete or truncate or update of time_zone, active on clinics
      for each statement execute function notify_schedule_changed();
    create trigger providers_schedule_changed after insert or delete or truncate or update of published on providers
      for each statement execute function notify_schedule_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger if exists availability_rules_schedule_changed on availability_rules;
    drop trigger if exists availability_exceptions_schedule_changed on availability_exceptions;
    drop trigger if exists booking_policies_schedule_changed on booking_policies;
    drop trigger if exists provider_clinics_schedule_changed on provider_clinics;
    drop trigger if exists clinics_schedule_changed on clinics;
    drop trigger if exists providers_schedule_changed on providers;
    drop function if exists notify_schedule_changed();
  `);
}
