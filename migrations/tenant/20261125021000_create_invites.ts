import type { Knex } from "knex";

// Staff invitations. Only the SHA-256 of the link's token is kept, so a database read
// yields no usable invite. An invite is open while it is neither accepted, revoked nor
// past `expires_at`; a new invite for the same email revokes the earlier open one, and
// the partial unique index stops two concurrent invites from both staying open.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table invites (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and position('@' in email) > 1),
      name text check (length(name) between 1 and 120),
      role text not null check (role in ('doctor', 'front_desk', 'clinic_admin', 'tenant_admin', 'finance', 'support')),
      clinic_ids uuid[] not null default '{}',
      token_hash text not null unique,
      invited_by uuid references users(id) on delete set null,
      expires_at timestamptz not null default now() + interval '7 days',
      accepted_at timestamptz,
      accepted_user_id uuid references users(id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      check (accepted_at is null or revoked_at is null),
      check (accepted_user_id is null or accepted_at is not null)
    );
    create unique index invites_open_email on invites (email) where accepted_at is null and revoked_at is null;
    create index invites_created_at on invites (created_at desc);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists invites");
}
