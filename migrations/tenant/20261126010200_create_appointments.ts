import type { Knex } from "knex";

// Appointments and their state machine. No double booking, ever, is a database rule: the
// exclusion constraint refuses two live appointments of one doctor on the same seat whose
// times overlap (a slot of capacity N has seats 1..N). Expired holds stop counting once
// they are marked `expired` (the booking transaction does that before it inserts).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table appointments (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id) on delete restrict,
      clinic_id uuid not null references clinics(id) on delete restrict,
      patient_id uuid not null references users(id) on delete restrict,
      dependant_id uuid references dependants(id) on delete set null,
      booked_by uuid references users(id) on delete set null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      seat smallint not null default 1 check (seat between 1 and 100),
      mode text not null check (mode in ('in_clinic', 'video')),
      status text not null check (status in ('held', 'booked', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show', 'rescheduled', 'expired')),
      hold_expires_at timestamptz,
      reason text,
      contact_phone text,
      contact_email text,
      fee_minor integer check (fee_minor >= 0),
      currency char(3),
      cancelled_by text check (cancelled_by in ('patient', 'clinic')),
      cancel_reason text,
      rescheduled_from uuid references appointments(id) on delete set null,
      idempotency_key text,
      checked_in_at timestamptz,
      started_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check (status <> 'held' or hold_expires_at is not null),
      constraint appointments_no_double_booking exclude using gist (
        provider_id with =,
        seat with =,
        tstzrange(starts_at, ends_at) with &&
      ) where (status in ('held', 'booked', 'checked_in', 'in_consultation', 'completed'))
    );
    create unique index appointments_idempotency on appointments (patient_id, idempotency_key) where idempotency_key is not null;
    create index appointments_provider_time on appointments (provider_id, starts_at);
    create index appointments_patient on appointments (patient_id, starts_at desc);
    create index appointments_clinic_day on appointments (clinic_id, starts_at);

    create table appointment_events (
      id bigserial primary key,
      appointment_id uuid not null references appointments(id) on delete cascade,
      from_status text,
      to_status text not null,
      actor_id uuid references users(id) on delete set null,
      actor_kind text not null check (actor_kind in ('patient', 'staff', 'system')),
      note text,
      created_at timestamptz not null default now()
    );
    create index appointment_events_appointment on appointment_events (appointment_id, id);

    create table waitlist_entries (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id) on delete cascade,
      clinic_id uuid references clinics(id) on delete cascade,
      date date not null,
      patient_id uuid not null references users(id) on delete cascade,
      dependant_id uuid references dependants(id) on delete set null,
      status text not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'expired', 'cancelled')),
      offered_starts_at timestamptz,
      offer_expires_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index waitlist_one_per_day on waitlist_entries (provider_id, date, patient_id) where status in ('waiting', 'offered');
    create index waitlist_queue on waitlist_entries (provider_id, date, created_at) where status = 'waiting';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists waitlist_entries; drop table if exists appointment_events; drop table if exists appointments");
}
