import type { Knex } from "knex";

// Onboarding: the tenant's document checklist (its policy), the documents each applicant
// uploaded (bytes live in file storage under an unguessable key), and the review timeline.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table document_requirements (
      kind text primary key check (kind ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
      label text not null,
      required boolean not null default true,
      position integer not null default 0
    );

    create table provider_documents (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references providers(id) on delete cascade,
      kind text not null,
      storage_key text not null unique,
      original_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null,
      status text not null default 'uploaded' check (status in ('uploaded', 'accepted', 'rejected')),
      review_note text,
      uploaded_by uuid references users(id) on delete set null,
      uploaded_at timestamptz not null default now(),
      reviewed_by uuid references users(id) on delete set null,
      reviewed_at timestamptz
    );
    create index provider_documents_provider on provider_documents (provider_id, kind, uploaded_at desc);

    create table provider_review_events (
      id bigserial primary key,
      provider_id uuid not null references providers(id) on delete cascade,
      actor_id uuid references users(id) on delete set null,
      actor_label text not null,
      kind text not null,
      body text,
      created_at timestamptz not null default now()
    );
    create index provider_review_events_provider on provider_review_events (provider_id, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop table if exists provider_review_events; drop table if exists provider_documents; drop table if exists document_requirements");
}
