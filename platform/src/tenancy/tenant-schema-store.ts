import type { Knex } from "knex";
import { quoteIdent } from "../db/index.js";

/**
 * DDL for a tenant's own Postgres objects: its NOLOGIN role and its schema. Runs inside
 * the caller's transaction, so a failure later in provisioning undoes it.
 */
export class TenantSchemaStore {
  async create(trx: Knex.Transaction, role: string, schema: string): Promise<void> {
    const r = quoteIdent(role);
    const s = quoteIdent(schema);
    // The application role must be a member to `SET LOCAL ROLE` to it.
    await trx.raw(
      `create role ${r} nologin noinherit; grant ${r} to current_user; ` +
        `create schema ${s} authorization ${r}; revoke all on schema ${s} from public`,
    );
  }

  async drop(trx: Knex.Transaction, role: string, schema: string): Promise<void> {
    const r = quoteIdent(role);
    const s = quoteIdent(schema);
    const { rows } = await trx.raw<{ rows: unknown[] }>("select 1 from pg_roles where rolname = ?", [role]);
    await trx.raw(`drop schema if exists ${s} cascade`);
    if (rows.length) await trx.raw(`drop owned by ${r}; drop role ${r}`);
  }
}
