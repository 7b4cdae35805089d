import { randomBytes } from "node:crypto";
import type { Knex } from "knex";

// Platform admins live in the control plane, never in a tenant schema.
export async function up(knex: Knex): Promise<void> {
  // The installation's signing secret (CSRF tokens, code hashes): from Node's CSPRNG.
  await knex.raw("alter table platform.installation add column secret text");
  await knex.raw("update platform.installation set secret = ?", [randomBytes(32).toString("base64url")]);
  await knex.raw(`
    alter table platform.installation alter column secret set not null;

    create table platform.platform_admins (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      name text not null,
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      recovery_code_hashes text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table platform.platform_sessions (
      token_hash text primary key,
      admin_id uuid not null references platform.platform_admins(id) on delete cascade,
      second_factor_pending boolean not null default true,
      second_factor_at timestamptz,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      idle_expires_at timestamptz not null,
      absolute_expires_at timestamptz not null
    );
    create index platform_sessions_admin on platform.platform_sessions (admin_id);

    -- Development message channel: one-time codes, resets and invites land here until the
    -- notifications pipeline sends them by SMS and email (it is the only channel so far).
    create table platform.dev_messages (
      id bigserial primary key,
      tenant_slug text,
      channel text not null check (channel in ('sms', 'email')),
      recipient text not null,
      subject text,
      body text not null,
      created_at timestamptz not null default now()
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table if exists platform.dev_messages, platform.platform_sessions, platform.platform_admins;
    alter table platform.installation drop column if exists secret;
  `);
}
