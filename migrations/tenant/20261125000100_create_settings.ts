import type { Knex } from "knex";

// Runs inside the tenant unit of work: the search_path is the tenant's schema and the
// role is the tenant's, so unqualified names land in (and are owned by) that schema.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("settings", (t) => {
    t.text("key").primary();
    t.jsonb("value").notNullable();
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("settings");
}
