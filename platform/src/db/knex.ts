import knexFactory, { type Knex } from "knex";
import pg from "pg";

// Return bigint counts and ids as strings, timestamps as Date (pg defaults), and
// keep numeric as string: money is integer minor units, never floats.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** Builds the pooled knex handle for one Postgres cluster. */
export function createKnex(url: string, opts: { poolMax?: number; applicationName?: string } = {}): Knex {
  return knexFactory({
    client: "pg",
    connection: { connectionString: url, application_name: opts.applicationName ?? "visitnow" },
    pool: { min: 0, max: opts.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}
