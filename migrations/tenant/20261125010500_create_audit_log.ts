import type { Knex } from "knex";

// The tenant's audit log: security events (sign-ins, second factors, SSO links, role
// changes, invites, support access), each row hash-chained to the one before (see
// platform/src/audit/CONTEXT.md). Append-only is enforced here, by a statement trigger,
// so it holds for the tenant role that owns the table, not only for well-behaved code.
//
// Runs as the tenant role with only the tenant schema on the search_path, so the
// function lands in the tenant schema and `create trigger` resolves it there (a trigger
// keeps the function's oid, so later search_path changes cannot redirect it). The
// function touches no tables, and it is not `security definer`.
//
// `prev_hash` is unique as well as `hash`: a row can have only one successor, so a
// writer that skipped the chain lock cannot fork the chain; the insert fails instead.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_log (
      id bigserial primary key,
      occurred_at timestamptz not null,
      actor_type text not null check (actor_type in ('user', 'platform_admin', 'system', 'anonymous')),
      actor_id text,
      action text not null check (action ~ '^[a-z][a-z_]*\\.[a-z][a-z_]*$'),
      subject_type text,
      subject_id text,
      outcome text not null check (outcome in ('success', 'failure')),
      metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
      prev_hash text not null unique check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
    );
    create index audit_log_occurred_at on audit_log (occurred_at);

    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op
        using hint = 'Audit entries are never changed or removed; record a new entry instead.';
    end $$;
    create trigger audit_log_append_only
      before update or delete or truncate on audit_log
      for each statement execute function audit_log_refuse_change();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table if exists audit_log;
    drop function if exists audit_log_refuse_change();
  `);
}
