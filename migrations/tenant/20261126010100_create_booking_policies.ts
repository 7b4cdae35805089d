import type { Knex } from "knex";

// Booking rules: one tenant-wide row (provider_id null) and optional per-doctor rows that
// override it.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table booking_policies (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid unique references providers(id) on delete cascade,
      min_notice_minutes integer not null default 60 check (min_notice_minutes between 0 and 10080),
      max_advance_days integer not null default 30 check (max_advance_days between 1 and 365),
      cancel_cutoff_minutes integer not null default 120 check (cancel_cutoff_minutes between 0 and 10080),
      reschedule_cutoff_minutes integer not null default 120 check (reschedule_cutoff_minutes between 0 and 10080),
      max_active_per_provider integer not null default 1 check (max_active_per_provider between 1 and 20),
      hold_minutes integer not null default 5 check (hold_minutes between 1 and 30),
      updated_at timestamptz not null default now()
    );
    create unique index booking_policies_tenant_default on booking_policies ((provider_id is null)) where provider_id is null;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists booking_policies");
}
