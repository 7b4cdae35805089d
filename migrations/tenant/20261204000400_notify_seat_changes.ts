import type { Knex } from "knex";

// Open-slot answers are cached per doctor in every app process; a booking, hold, expiry
// or cancellation of one doctor tells them which doctor's seats changed, at commit. The
// payload is "<schema>:<provider id>" (ids only). A row trigger, because the payload
// names the row's doctor; Postgres folds identical payloads of one transaction into one.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_seats_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform pg_notify('visitnow_seats_changed', tg_table_schema || ':' || old.provider_id);
      else
        perform pg_notify('visitnow_seats_changed', tg_table_schema || ':' || new.provider_id);
        if tg_op = 'UPDATE' and new.provider_id is distinct from old.provider_id then
          perform pg_notify('visitnow_seats_changed', tg_table_schema || ':' || old.provider_id);
        end if;
      end if;
      return null;
    end $$;
    create trigger appointments_seats_changed after insert or update or delete on appointments
      for each row execute function notify_seats_changed();
    create function notify_seats_truncated() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_seats_changed', tg_table_schema);
      return null;
    end $$;
    create trigger appointments_seats_truncated after truncate on appointments
      for each statement execute function notify_seats_truncated();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger if exists appointments_seats_changed on appointments;
    drop trigger if exists appointments_seats_truncated on appointments;
    drop function if exists notify_seats_changed();
    drop function if exists notify_seats_truncated();
  `);
}
