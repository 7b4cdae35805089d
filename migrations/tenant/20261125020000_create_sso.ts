import type { Knex } from "knex";

// Staff single sign-on with the tenant's own OpenID Connect providers (see
// platform/src/sso/CONTEXT.md).
//
// - sso_providers: what a tenant admin configures. `client_secret` is stored as given
//   for now; encrypting it at rest with a KMS key is planned (it is never returned by
//   the service, only replaced).
// - sso_identities: an IdP account (issuer + subject, never the email, which the IdP
//   may reassign) linked to one staff user.
// - sso_login_states: one row per started sign-in, keyed by the SHA-256 of `state`;
//   short-lived (minutes) and single use (`consumed_at`), bound to the browser by the
//   hash of its CSRF cookie.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table sso_providers (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 80),
      issuer text not null check (issuer ~ '^(https|http)://'),
      client_id text not null check (length(client_id) between 1 and 255),
      -- TODO(security): encrypt at rest with a KMS key (planned); never returned by the API.
      client_secret text not null check (length(client_secret) between 1 and 512),
      allowed_email_domains text[] not null default '{}',
      role_mapping jsonb not null default '{"claim": "groups", "map": {}}'::jsonb check (jsonb_typeof(role_mapping) = 'object'),
      default_role text check (default_role in ('doctor', 'front_desk', 'clinic_admin', 'tenant_admin', 'finance', 'support')),
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table sso_identities (
      issuer text not null,
      subject text not null,
      user_id uuid not null references users(id) on delete cascade,
      provider_id uuid not null references sso_providers(id) on delete cascade,
      linked_at timestamptz not null default now(),
      primary key (issuer, subject)
    );
    create index sso_identities_user on sso_identities (user_id);
    create index sso_identities_provider on sso_identities (provider_id);

    create table sso_login_states (
      id uuid primary key default gen_random_uuid(),
      state_hash text not null unique,
      provider_id uuid not null references sso_providers(id) on delete cascade,
      code_verifier text not null,
      nonce text not null,
      browser_binding text not null,
      redirect_uri text not null,
      return_to text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      consumed_at timestamptz
    );
    create index sso_login_states_expires on sso_login_states (expires_at);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists sso_login_states, sso_identities, sso_providers cascade");
}
