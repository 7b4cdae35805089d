import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug, type ProvisioningService } from "@visitnow/provisioning/testing";
import type { Platform, RoutedTenant, Tenant } from "../index.js";
import { TenantResolver } from "./tenant-resolver.js";

const silent = { warn: () => undefined };
const HOUR = 60 * 60_000;

let platform: Platform;
let service: ProvisioningService;
let url: string;
const resolvers: TenantResolver[] = [];

/** A resolver as another app process would have: its own cache, listening on its own connection. */
async function listeningResolver(opts: { ttlMs: number; negativeTtlMs?: number }): Promise<TenantResolver> {
  const r = new TenantResolver(platform.tenants, opts);
  await r.listen(url, silent);
  resolvers.push(r);
  return r;
}

/** Polls `check` until it passes or `ms` runs out. */
async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

async function statusOf(r: TenantResolver, host: string): Promise<string | null> {
  return (await r.resolve(host))?.status ?? null;
}

beforeAll(async () => {
  platform = await createTestPlatform();
  service = createProvisioningService(platform);
  url = platform.database.url;
});

afterAll(async () => {
  for (const r of resolvers) await r.close();
  await platform?.close();
});

describe("TenantResolver across processes (LISTEN/NOTIFY)", () => {
  let tenant: Tenant;
  let other: Tenant;
  let one: TenantResolver;
  let two: TenantResolver;

  beforeAll(async () => {
    tenant = await createTestTenant(service);
    other = await createTestTenant(service);
    one = await listeningResolver({ ttlMs: HOUR, negativeTtlMs: HOUR });
    two = await listeningResolver({ ttlMs: HOUR, negativeTtlMs: HOUR });
  });

  it("routes a tenant's primary host on both resolvers", async () => {
    for (const r of [one, two]) {
      const routed = (await r.resolve(`${tenant.slug}.test`)) as RoutedTenant;
      expect(routed.id).toBe(tenant.id);
      expect(routed.status).toBe("active");
      expect(routed.primaryHost).toBe(`${tenant.slug}.test`);
    }
  });

  it("shows a suspension on every resolver within moments, long before the TTL", async () => {
    const host = `${tenant.slug}.test`;
    expect(await statusOf(one, host)).toBe("active");
    expect(await statusOf(two, host)).toBe("active");
    await service.suspend(tenant.slug);
    expect(await eventually(async () => (await statusOf(one, host)) === "suspended")).toBe(true);
    expect(await eventually(async () => (await statusOf(two, host)) === "suspended")).toBe(true);

    await service.resume(tenant.slug);
    expect(await eventually(async () => (await statusOf(one, host)) === "active")).toBe(true);
    expect(await eventually(async () => (await statusOf(two, host)) === "active")).toBe(true);
  });

  it("owes the fresh answer to the notification, not to a missing cache (a deaf resolver keeps the stale one)", async () => {
    const deaf = new TenantResolver(platform.tenants, { ttlMs: HOUR });
    const listening = await listeningResolver({ ttlMs: HOUR });
    const host = `${other.slug}.test`;
    expect(await statusOf(deaf, host)).toBe("active");
    expect(await statusOf(listening, host)).toBe("active");
    await service.suspend(other.slug);
    try {
      expect(await eventually(async () => (await statusOf(listening, host)) === "suspended")).toBe(true);
      expect(await statusOf(deaf, host)).toBe("active");
    } finally {
      await service.resume(other.slug);
    }
  });

  it("routes a newly added alias on every resolver even after it was cached as unknown", async () => {
    const alias = `${randomSlug("alias")}.test`;
    expect(await one.resolve(alias)).toBeNull();
    expect(await two.resolve(alias)).toBeNull();
    await platform.db.transaction((trx) => platform.tenants.insertDomains(trx, tenant.id, [{ hostname: alias, kind: "alias", verified: true }]));
    expect(await eventually(async () => (await one.resolve(alias))?.id === tenant.id)).toBe(true);
    expect(await eventually(async () => (await two.resolve(alias))?.id === tenant.id)).toBe(true);
    // An alias routes with the tenant's primary host, for canonical links.
    expect((await one.resolve(alias))?.primaryHost).toBe(`${tenant.slug}.test`);
  });

  it("stops routing a deleted tenant's host on every resolver", async () => {
    const doomed = await createTestTenant(service);
    const host = `${doomed.slug}.test`;
    expect((await one.resolve(host))?.id).toBe(doomed.id);
    expect((await two.resolve(host))?.id).toBe(doomed.id);
    await service.delete(doomed.slug, { confirm: doomed.slug });
    expect(await eventually(async () => (await one.resolve(host)) === null)).toBe(true);
    expect(await eventually(async () => (await two.resolve(host)) === null)).toBe(true);
  });

  it("keeps serving another tenant's entry from the cache when one tenant changes", async () => {
    const otherHost = `${other.slug}.test`;
    const host = `${tenant.slug}.test`;
    let otherLookups = 0;
    const r = new TenantResolver(
      {
        findByHostname: (h) => {
          if (h === otherHost) otherLookups += 1;
          return platform.tenants.findByHostname(h);
        },
      },
      { ttlMs: HOUR },
    );
    await r.listen(url, silent);
    resolvers.push(r);
    // Warm the cache. Other test files change their own tenants in parallel, and a
    // notification during a lookup keeps its answer out of the cache, so retry.
    for (let i = 0; i < 20; i += 1) {
      const before = otherLookups;
      await r.resolve(otherHost);
      if (i > 0 && otherLookups === before) break;
    }
    await r.resolve(host);
    const warmed = otherLookups;
    await service.suspend(tenant.slug);
    try {
      expect(await eventually(async () => (await statusOf(r, host)) === "suspended")).toBe(true);
      expect((await r.resolve(otherHost))?.status).toBe("active");
      expect(otherLookups).toBe(warmed);
    } finally {
      await service.resume(tenant.slug);
    }
  });

  it("reconnects after losing its listening connection and goes on seeing changes", async () => {
    const t = await createTestTenant(service);
    const host = `${t.slug}.test`;
    const r = await listeningResolver({ ttlMs: HOUR });
    expect(await statusOf(r, host)).toBe("active");
    const pid = (r as unknown as { listener: { backendPid: number | null } | null }).listener?.backendPid;
    expect(pid).toEqual(expect.any(Number));
    await platform.db.raw("select pg_terminate_backend(?)", [pid as number]);
    // Losing the connection drops the cache (changes may have been missed)...
    expect(await eventually(async () => r.size === 0)).toBe(true);
    // ...and once it is back (it retries after a second), notifications arrive again.
    expect(
      await eventually(async () => {
        const l = (r as unknown as { listener: { backendPid: number | null } | null }).listener;
        return l !== null && l.backendPid !== null && l.backendPid !== pid;
      }, 5_000),
    ).toBe(true);
    expect(await statusOf(r, host)).toBe("active");
    await service.suspend(t.slug);
    expect(await eventually(async () => (await statusOf(r, host)) === "suspended")).toBe(true);
  });
});
