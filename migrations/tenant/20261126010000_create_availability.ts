import type { Knex } from "knex";

// A doctor's weekly recurring availability per clinic, written in the clinic's local time
// (the clinic's IANA zone applies), and the exceptions to it. Slots are computed from these
// (platform/src/scheduling), never stored.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table availability_rules (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id) on delete cascade,
      clinic_id uuid not null references clinics(id) on delete restrict,
      weekdays smallint[] not null check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(weekdays) > 0),
      start_time time not null,
      end_time time not null,
      slot_minutes integer not null check (slot_minutes between 5 and 240),
      buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 120),
      buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 120),
      capacity integer not null default 1 check (capacity between 1 and 100),
      mode text not null default 'in_clinic' check (mode in ('in_clinic', 'video')),
      breaks jsonb not null default '[]',
      valid_from date not null,
      valid_until date,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (end_time > start_time),
      check (valid_until is null or valid_until >= valid_from)
    );
    create index availability_rules_provider on availability_rules (provider_id) where active;
    create index availability_rules_clinic on availability_rules (clinic_id) where active;

    create table availability_exceptions (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('time_off', 'extra_session', 'clinic_holiday')),
      provider_id uuid references providers(id) on delete cascade,
      clinic_id uuid references clinics(id) on delete cascade,
      date date not null,
      start_time time,
      end_time time,
      slot_minutes integer check (slot_minutes between 5 and 240),
      buffer_before_minutes integer check (buffer_before_minutes between 0 and 120),
      buffer_after_minutes integer check (buffer_after_minutes between 0 and 120),
      capacity integer check (capacity between 1 and 100),
      mode text check (mode in ('in_clinic', 'video')),
      note text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((start_time is null) = (end_time is null)),
      check (end_time is null or end_time > start_time),
      check (kind = 'clinic_holiday' or provider_id is not null),
      check (kind <> 'clinic_holiday' or (clinic_id is not null and provider_id is null)),
      check (kind <> 'extra_session' or (clinic_id is not null and start_time is not null and slot_minutes is not null))
    );
    create index availability_exceptions_provider on availability_exceptions (provider_id, date);
    create index availability_exceptions_clinic on availability_exceptions (clinic_id, date);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists availability_exceptions; drop table if exists availability_rules");
}
