import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";

let platform: Platform;
let a: Tenant;
let b: Tenant;

async function connectionDefaults(p: Platform): Promise<{ role: string; searchPath: string }> {
  const { rows } = await p.db.raw<{ rows: { role: string; search_path: string }[] }>(
    "select current_user as role, current_setting('search_path') as search_path",
  );
  return { role: rows[0]!.role, searchPath: rows[0]!.search_path };
}

beforeAll(async () => {
  // One pooled connection: every request below reuses the same Postgres session.
  platform = await createTestPlatform({ poolMax: 1 });
  const service = createProvisioningService(platform);
  a = await createTestTenant(service);
  b = await createTestTenant(service);
  for (const t of [a, b]) {
    await platform.withTenant(t, async ({ db }) => {
      await db.schema.createTable("markers", (tb) => tb.text("marker"));
      await db("markers").insert({ marker: `marker-of-${t.slug}` });
    });
  }
});

afterAll(async () => {
  await platform?.close();
});

describe("tenant unit of work", () => {
  it("runs as the tenant's own role with the tenant's schema on the search_path", async () => {
    const seen = await platform.withTenant(a, async ({ db }) => {
      const { rows } = await db.raw("select current_user as role, current_setting('search_path') as sp");
      return rows[0];
    });
    expect(seen).toEqual({ role: a.role, sp: a.schema });
  });

  it("is refused by Postgres when a tenant's role reaches into another tenant's schema", async () => {
    await expect(
      platform.withTenant(a, ({ db }) => db.raw(`select * from "${b.schema}".markers`)),
    ).rejects.toThrow(/permission denied for schema/);
  });

  it("is refused by Postgres when a tenant's role reads the control plane", async () => {
    await expect(platform.withTenant(a, ({ db }) => db.raw("select * from platform.tenants"))).rejects.toThrow(
      /permission denied for schema platform/,
    );
  });

  it("never lets interleaved requests for two tenants see each other's rows on one pooled connection", async () => {
    const results: string[][] = [];
    const order = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? b : a));
    await Promise.all(
      order.map((t) =>
        platform.withTenant(t, async ({ db }) => {
          const rows = await db("markers").select("marker");
          results.push([t.slug, ...rows.map((r: { marker: string }) => r.marker)]);
        }),
      ),
    );
    expect(results).toHaveLength(40);
    for (const [slug, ...markers] of results) expect(markers).toEqual([`marker-of-${slug}`]);
  });

  it("leaves a query that escapes the unit of work failing loudly instead of reading tenant data", async () => {
    await expect(platform.db.raw("select * from markers")).rejects.toThrow(/relation "markers" does not exist/);
  });

  describe("resets the pooled connection's role and search_path", () => {
    let defaults: { role: string; searchPath: string };
    beforeAll(async () => {
      defaults = await connectionDefaults(platform);
      expect(defaults.searchPath).not.toContain("tenant_");
    });

    it("after a committed request", async () => {
      await platform.withTenant(a, ({ db }) => db("markers").select());
      expect(await connectionDefaults(platform)).toEqual(defaults);
    });

    it("after a request that throws", async () => {
      await expect(
        platform.withTenant(a, async ({ db }) => {
          await db("markers").insert({ marker: "doomed" });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await connectionDefaults(platform)).toEqual(defaults);
      const rows = await platform.withTenant(a, ({ db }) => db("markers").where({ marker: "doomed" }));
      expect(rows).toEqual([]);
    });

    it("after a rolled-back transaction", async () => {
      await platform.withTenant(a, async ({ db }) => {
        await db.raw("select 1");
      });
      await expect(
        platform.withTenant(a, async ({ db }) => {
          await db("markers").insert({ marker: "rolled-back" });
          await db.rollback(new Error("explicit rollback"));
        }),
      ).rejects.toThrow("explicit rollback");
      expect(await connectionDefaults(platform)).toEqual(defaults);
    });

    it("after a SQL error inside the transaction", async () => {
      await expect(platform.withTenant(b, ({ db }) => db.raw("select * from no_such_table"))).rejects.toThrow(/no_such_table/);
      expect(await connectionDefaults(platform)).toEqual(defaults);
    });

    it("after a savepoint rollback, keeping the outer transaction's tenant scope", async () => {
      const inside = await platform.withTenant(a, async ({ db }) => {
        await expect(
          db.transaction(async (sp) => {
            await sp("markers").insert({ marker: "savepoint" });
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
        const { rows } = await db.raw("select current_user as role, current_setting('search_path') as sp");
        const count = await db("markers").where({ marker: "savepoint" }).count<{ count: string }[]>("* as count");
        return { ...rows[0], savepointRows: count[0]!.count };
      });
      expect(inside).toEqual({ role: a.role, sp: a.schema, savepointRows: "0" });
      expect(await connectionDefaults(platform)).toEqual(defaults);
    });
  });
});
