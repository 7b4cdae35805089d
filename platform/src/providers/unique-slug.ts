import type { Knex } from "knex";

/**
 * `base` when no row of `table` uses it, else `base-2`, `base-3`, ... (the next free
 * suffix). Runs in the caller's transaction; the unique index still has the last word.
 */
export async function uniqueSlug(db: Knex.Transaction, table: string, base: string, exceptId?: string | null): Promise<string> {
  const q = db(table).where((w) => w.where("slug", base).orWhereRaw("slug ~ ?", [`^${base.replace(/[^a-z0-9-]/g, "")}-[0-9]+$`])).pluck("slug");
  if (exceptId) q.whereNot("id", exceptId);
  const taken = new Set<string>(await q);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
