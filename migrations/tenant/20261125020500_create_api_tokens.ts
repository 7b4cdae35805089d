import type { Knex } from "knex";

// Bearer tokens of the REST API (see platform/src/api/CONTEXT.md). Keyed by the SHA-256
// of the token, like sessions: a database read yields no usable token. `tenant_id` is
// redundant with the schema, and checked on lookup anyway, so a row copied into another
// tenant's schema still answers nothing.
//
// The trigger revokes a user's tokens in the same transaction that takes the account
// out of `active`. The bearer check also refuses a non-active user on every call; the
// trigger is what keeps tokens dead when the account is later enabled again. It runs as
// the tenant role (which owns both tables), touches only this schema and is not
// `security definer`.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table api_tokens (
      token_hash text primary key,
      kind text not null check (kind in ('access', 'refresh')),
      user_id uuid not null references users(id) on delete cascade,
      family_id uuid not null,
      tenant_id uuid not null,
      client text check (client ~ '^[a-z0-9][a-z0-9._-]{0,39}$'),
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      used_at timestamptz,
      revoked_at timestamptz,
      check (kind = 'refresh' or used_at is null)
    );
    create index api_tokens_user on api_tokens (user_id);
    create index api_tokens_family on api_tokens (family_id);

    create function api_tokens_revoke_for_inactive_user() returns trigger language plpgsql as $$
    begin
      update api_tokens set revoked_at = now() where user_id = new.id and revoked_at is null;
      return null;
    end $$;
    -- Pinned to this schema, so the trigger cannot be pointed elsewhere by a caller's search_path.
    do $$ begin
      execute format('alter function api_tokens_revoke_for_inactive_user() set search_path = %I', current_schema());
    end $$;
    create trigger users_revoke_api_tokens
      after update of status on users
      for each row when (old.status = 'active' and new.status <> 'active')
      execute function api_tokens_revoke_for_inactive_user();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop trigger if exists users_revoke_api_tokens on users;
    drop function if exists api_tokens_revoke_for_inactive_user();
    drop table if exists api_tokens;
  `);
}
