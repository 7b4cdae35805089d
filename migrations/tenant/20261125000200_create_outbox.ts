import type { Knex } from "knex";

// Domain events written in the same transaction as the change that caused them; a
// dispatcher moves them to the queues. Payloads carry ids, never PHI.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("outbox", (t) => {
    t.bigIncrements("id").primary();
    t.text("topic").notNullable();
    t.jsonb("payload").notNullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("dispatched_at", { useTz: true });
    t.integer("attempts").notNullable().defaultTo(0);
    t.index(["dispatched_at", "id"], "outbox_pending");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("outbox");
}
