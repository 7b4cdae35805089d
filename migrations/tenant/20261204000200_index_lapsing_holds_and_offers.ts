import type { Knex } from "knex";

// The sweeper looks every few seconds for holds and waitlist offers past their expiry in
// every tenant; these partial indexes keep that a lookup of the few rows in flight rather
// than a scan of all appointments.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create index appointments_lapsing_holds on appointments (hold_expires_at) where status = 'held';
    create index waitlist_lapsing_offers on waitlist_entries (offer_expires_at) where status = 'offered';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop index if exists appointments_lapsing_holds; drop index if exists waitlist_lapsing_offers");
}
