import type { Knex } from "knex";

// A platform admin sees nothing of a tenant's data unless the tenant's admin approves a
// time-limited request; every step is audited in both logs.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table support_access_grants (
      id uuid primary key default gen_random_uuid(),
      platform_admin_id uuid not null,
      platform_admin_label text not null,
      purpose text not null check (purpose in ('incident', 'data_fix', 'onboarding', 'other')),
      hours integer not null check (hours between 1 and 8),
      status text not null default 'requested' check (status in ('requested', 'granted', 'denied', 'revoked')),
      requested_at timestamptz not null default now(),
      decided_by uuid references users(id) on delete set null,
      decided_at timestamptz,
      expires_at timestamptz
    );
    create index support_access_grants_admin on support_access_grants (platform_admin_id, status);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists support_access_grants");
}
