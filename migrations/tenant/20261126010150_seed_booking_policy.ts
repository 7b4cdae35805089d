import type { Knex } from "knex";

// Data, apart from the schema change: every tenant starts with the default booking rules.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("insert into booking_policies (provider_id) select null where not exists (select 1 from booking_policies where provider_id is null)");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("delete from booking_policies where provider_id is null");
}
