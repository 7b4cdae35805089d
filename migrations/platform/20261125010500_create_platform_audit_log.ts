import type { Knex } from "knex";

// The platform audit log: console actions (tenant lifecycle, support access, platform
// admin sign-ins), hash-chained like each tenant's `audit_log` and append-only by the
// same statement trigger, which also binds the application role that owns the table.
// `tenant_id` has no foreign key on purpose: entries must outlive the tenant they name
// (`tenant.deleted`), and a cascade would have to delete or update audit rows.
// Tenant roles have no privileges on the platform schema, so they cannot read it.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table platform.audit_log (
      id bigserial primary key,
      occurred_at timestamptz not null,
      actor_type text not null check (actor_type in ('user', 'platform_admin', 'system', 'anonymous')),
      actor_id text,
      tenant_id uuid,
      action text not null check (action ~ '^[a-z][a-z_]*\\.[a-z][a-z_]*$'),
      subject_type text,
      subject_id text,
      outcome text not null check (outcome in ('success', 'failure')),
      metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
      prev_hash text not null unique check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
    );
    create index audit_log_occurred_at on platform.audit_log (occurred_at);
    create index audit_log_tenant on platform.audit_log (tenant_id, id) where tenant_id is not null;

    create function platform.audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'platform.audit_log is append-only: % refused', tg_op
        using hint = 'Audit entries are never changed or removed; record a new entry instead.';
    end $$;
    create trigger audit_log_append_only
      before update or delete or truncate on platform.audit_log
      for each statement execute function platform.audit_log_refuse_change();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table if exists platform.audit_log;
    drop function if exists platform.audit_log_refuse_change();
  `);
}
