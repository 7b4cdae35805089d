// Throwaway databases for one test run (vitest global setup and the browser tests).
import { randomBytes } from "node:crypto";
import pg from "pg";

export function adminDatabaseUrl() {
  return process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export async function createTestDatabase(label) {
  const admin = adminDatabaseUrl();
  const name = `visitnow_${label}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  let prefix = null;
  const db = new pg.Client({ connectionString: url });
  try {
    await db.connect();
    const r = await db.query("select role_prefix from platform.installation").catch(() => ({ rows: [] }));
    prefix = r.rows[0]?.role_prefix ?? null;
  } catch {
    // the database may never have been migrated
  } finally {
    await db.end().catch(() => undefined);
  }
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    if (prefix && /^vn_[a-z0-9]{6}$/.test(prefix)) {
      const roles = await admin.query("select rolname from pg_roles where rolname like $1", [`${prefix}\\_%`]);
      for (const r of roles.rows) await admin.query(`drop role if exists "${r.rolname}"`);
    }
  } finally {
    await admin.end();
  }
}
