import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server tests run against; a Postgres must answer there (CI's does). */
export function adminDatabaseUrl(): string {
  return process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL_ADMIN ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** Creates a throwaway database for one test run and returns its URL. */
export async function createTestDatabase(label: string): Promise<string> {
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

/**
 * Drops a test database and the tenant roles its installation created (roles are
 * cluster-wide, so they outlive the database unless removed).
 */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  let prefix: string | null = null;
  const db = new pg.Client({ connectionString: url });
  try {
    await db.connect();
    const r = await db.query<{ role_prefix: string }>("select role_prefix from platform.installation").catch(() => ({ rows: [] }));
    prefix = r.rows[0]?.role_prefix ?? null;
  } finally {
    await db.end().catch(() => undefined);
  }
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    if (prefix && /^vn_[a-z0-9]{6}$/.test(prefix)) {
      const roles = await admin.query<{ rolname: string }>("select rolname from pg_roles where rolname like $1", [`${prefix}\\_%`]);
      for (const r of roles.rows) await admin.query(`drop role if exists "${r.rolname}"`);
    }
  } finally {
    await admin.end();
  }
}
