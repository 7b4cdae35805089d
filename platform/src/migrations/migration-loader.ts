import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Knex } from "knex";

/** One knex-style migration file: `up` (and `down`) taking a knex handle. */
export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

const FILE = /^\d{14}_[a-z0-9_]+\.(ts|js|mjs)$/;

/** Loads the migrations of `dir`, ordered by their timestamped file names. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => FILE.test(f) && !f.endsWith(".d.ts")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Partial<Migration>;
    if (typeof mod.up !== "function") throw new Error(`Migration ${file} has no exported up()`);
    migrations.push({ name: file.replace(/\.(ts|js|mjs)$/, ""), up: mod.up, down: mod.down });
  }
  return migrations;
}
