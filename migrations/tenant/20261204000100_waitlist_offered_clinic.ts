import type { Knex } from "knex";

// An offer names the freed slot by its start; when it lapses the sweeper offers the same
// slot to the next patient, so it also needs the slot's clinic (the entry's own clinic may
// be null: "any clinic"). Nullable and unused by older code: expand only.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("alter table waitlist_entries add column offered_clinic_id uuid references clinics(id) on delete set null");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("alter table waitlist_entries drop column if exists offered_clinic_id");
}
