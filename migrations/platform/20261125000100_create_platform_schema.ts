import type { Knex } from "knex";

// The control plane. Tenant roles get no privileges here: only the application role
// (which owns the schema) reads and writes it.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table platform.installation (
      id smallint primary key default 1 check (id = 1),
      role_prefix text not null unique check (role_prefix ~ '^vn_[a-z0-9]{6}$'),
      created_at timestamptz not null default now()
    );
    insert into platform.installation (role_prefix)
      values ('vn_' || substr(md5(random()::text || clock_timestamp()::text), 1, 6));

    create table platform.tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
      name text not null check (length(name) between 1 and 120),
      kind text not null check (kind in ('hospital', 'marketplace')),
      status text not null default 'provisioning' check (status in ('provisioning', 'active', 'suspended')),
      schema_name text not null unique,
      role_name text not null unique,
      theme text not null default 'default',
      theme_overrides jsonb not null default '{}'::jsonb,
      default_locale text not null default 'en' check (default_locale in ('en', 'hi')),
      time_zone text not null default 'Asia/Kolkata',
      feature_flags jsonb not null default '{}'::jsonb,
      plan text not null default 'standard',
      cluster text not null default 'default',
      schema_version text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table platform.tenant_domains (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references platform.tenants(id) on delete cascade,
      hostname text not null unique check (hostname = lower(hostname) and hostname !~ '[:/ ]' and hostname !~ '\\.$'),
      kind text not null check (kind in ('primary', 'alias', 'custom')),
      verified boolean not null default false,
      verification_token text,
      created_at timestamptz not null default now()
    );
    create unique index tenant_domains_one_primary on platform.tenant_domains (tenant_id) where kind = 'primary';
    create index tenant_domains_tenant on platform.tenant_domains (tenant_id);

    create table platform.tenant_migrations (
      tenant_id uuid not null references platform.tenants(id) on delete cascade,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (tenant_id, name)
    );

    create table platform.tenant_migration_runs (
      id bigserial primary key,
      run_id uuid not null,
      tenant_id uuid not null references platform.tenants(id) on delete cascade,
      result text not null check (result in ('applied', 'noop', 'failed')),
      applied text[] not null default '{}',
      duration_ms integer not null,
      error text,
      finished_at timestamptz not null default now()
    );
    create index tenant_migration_runs_tenant on platform.tenant_migration_runs (tenant_id, finished_at desc);

    -- Every change to routing data tells every app process to drop its cached entry.
    create function platform.notify_tenant_changed() returns trigger language plpgsql as $$
    begin
      -- A domain moved between tenants concerns both of them.
      if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('visitnow_tenant_changed', old.tenant_id::text);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.tenant_id is distinct from old.tenant_id) then
        perform pg_notify('visitnow_tenant_changed', new.tenant_id::text);
      end if;
      return null;
    end $$;
    create function platform.notify_tenant_row_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('visitnow_tenant_changed',
        case when tg_op = 'DELETE' then old.id::text else new.id::text end);
      return null;
    end $$;
    create trigger tenants_changed after insert or update or delete on platform.tenants
      for each row execute function platform.notify_tenant_row_changed();
    create trigger tenant_domains_changed after insert or update or delete on platform.tenant_domains
      for each row execute function platform.notify_tenant_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table if exists platform.tenant_migration_runs, platform.tenant_migrations,
      platform.tenant_domains, platform.tenants, platform.installation cascade;
    drop function if exists platform.notify_tenant_changed(), platform.notify_tenant_row_changed();
  `);
}
