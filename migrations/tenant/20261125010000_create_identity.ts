import type { Knex } from "knex";

// Accounts of this tenant only: the same email on two tenants is two unrelated accounts.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table users (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('patient', 'staff')),
      email text check (email = lower(email) and position('@' in email) > 1),
      phone text check (phone ~ '^\\+[1-9][0-9]{7,14}$'),
      name text not null check (length(name) between 1 and 120),
      password_hash text,
      status text not null default 'active' check (status in ('active', 'invited', 'disabled')),
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      recovery_code_hashes text[] not null default '{}',
      provider_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (email is not null or phone is not null)
    );
    create unique index users_kind_email on users (kind, email) where email is not null;
    create unique index users_kind_phone on users (kind, phone) where phone is not null;

    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('patient', 'doctor', 'front_desk', 'clinic_admin', 'tenant_admin', 'finance', 'support')),
      clinic_ids uuid[] not null default '{}',
      granted_at timestamptz not null default now(),
      primary key (user_id, role)
    );

    create table dependants (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references users(id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      relationship text not null check (relationship in ('child', 'parent', 'spouse', 'sibling', 'other')),
      date_of_birth date,
      gender text check (gender in ('female', 'male', 'other')),
      created_at timestamptz not null default now()
    );
    create index dependants_patient on dependants (patient_id);

    -- Keyed by the SHA-256 of the cookie token: a database read yields no usable session.
    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      tenant_id uuid not null,
      second_factor_pending boolean not null default false,
      second_factor_at timestamptz,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      idle_expires_at timestamptz not null,
      absolute_expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    create table one_time_codes (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('sms_sign_in', 'password_reset')),
      target_hash text not null,
      code_hash text not null,
      attempts integer not null default 0,
      expires_at timestamptz not null,
      consumed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index one_time_codes_target on one_time_codes (purpose, target_hash, created_at desc);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists one_time_codes, sessions, dependants, user_roles, users cascade");
}
