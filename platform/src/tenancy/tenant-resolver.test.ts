import { describe, expect, it } from "vitest";
import { TenantResolver, type TenantLookup } from "./tenant-resolver.js";
import type { RoutedTenant } from "./tenant-types.js";

function tenant(id: string, primaryHost: string, status: RoutedTenant["status"] = "active"): RoutedTenant {
  return {
    id,
    slug: id,
    name: `Tenant ${id}`,
    kind: "hospital",
    status,
    schema: `tenant_${id}`,
    role: `vn_test00_${id}`,
    theme: "default",
    themeOverrides: {},
    defaultLocale: "en",
    timeZone: "Asia/Kolkata",
    featureFlags: {},
    plan: "standard",
    cluster: "default",
    schemaVersion: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    primaryHost,
  };
}

/** A lookup backed by a mutable map, counting calls per host; can hold answers until released. */
class FakeLookup implements TenantLookup {
  readonly hosts = new Map<string, RoutedTenant>();
  readonly calls: string[] = [];
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
    this.open = null;
  }

  count(host: string): number {
    return this.calls.filter((h) => h === host).length;
  }

  async findByHostname(hostname: string): Promise<RoutedTenant | null> {
    this.calls.push(hostname);
    // Read the answer before waiting, as a real query would see the data of its snapshot.
    const answer = this.hosts.get(hostname) ?? null;
    if (this.gate) await this.gate;
    return answer;
  }
}

function setup(opts: { ttlMs?: number; negativeTtlMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 1_000_000 };
  const lookup = new FakeLookup();
  const resolver = new TenantResolver(lookup, {
    ttlMs: opts.ttlMs ?? 30_000,
    negativeTtlMs: opts.negativeTtlMs,
    maxEntries: opts.maxEntries,
    now: () => clock.t,
  });
  return { clock, lookup, resolver };
}

describe("TenantResolver", () => {
  it("answers repeated lookups within the TTL from the cache", async () => {
    const { clock, lookup, resolver } = setup({ ttlMs: 10_000 });
    const a = tenant("a", "a.test");
    lookup.hosts.set("a.test", a);
    expect(await resolver.resolve("a.test")).toEqual(a);
    clock.t += 9_999;
    expect(await resolver.resolve("a.test")).toEqual(a);
    expect(await resolver.resolve("a.test")).toEqual(a);
    expect(lookup.count("a.test")).toBe(1);
  });

  it("looks the host up again once the TTL has passed, and sees the new answer", async () => {
    const { clock, lookup, resolver } = setup({ ttlMs: 10_000 });
    lookup.hosts.set("a.test", tenant("a", "a.test"));
    await resolver.resolve("a.test");
    lookup.hosts.set("a.test", tenant("a", "a.test", "suspended"));
    clock.t += 10_000;
    expect((await resolver.resolve("a.test"))?.status).toBe("suspended");
    expect(lookup.count("a.test")).toBe(2);
  });

  it("caches an unknown host, but only for the short negative TTL", async () => {
    const { clock, lookup, resolver } = setup({ ttlMs: 60_000, negativeTtlMs: 2_000 });
    expect(await resolver.resolve("nobody.test")).toBeNull();
    clock.t += 1_999;
    expect(await resolver.resolve("nobody.test")).toBeNull();
    expect(lookup.count("nobody.test")).toBe(1);
    clock.t += 1;
    expect(await resolver.resolve("nobody.test")).toBeNull();
    expect(lookup.count("nobody.test")).toBe(2);
  });

  it("defaults the negative TTL to at most 5 seconds, even with a long TTL", async () => {
    const { clock, lookup, resolver } = setup({ ttlMs: 60_000 });
    await resolver.resolve("nobody.test");
    clock.t += 4_999;
    await resolver.resolve("nobody.test");
    expect(lookup.count("nobody.test")).toBe(1);
    clock.t += 1;
    await resolver.resolve("nobody.test");
    expect(lookup.count("nobody.test")).toBe(2);
  });

  it("coalesces concurrent misses for one host into a single lookup", async () => {
    const { lookup, resolver } = setup();
    const a = tenant("a", "a.test");
    lookup.hosts.set("a.test", a);
    lookup.hold();
    const pending = Array.from({ length: 10 }, () => resolver.resolve("a.test"));
    lookup.release();
    const results = await Promise.all(pending);
    expect(lookup.count("a.test")).toBe(1);
    for (const r of results) expect(r).toEqual(a);
  });

  it("does not coalesce lookups of different hosts", async () => {
    const { lookup, resolver } = setup();
    lookup.hosts.set("a.test", tenant("a", "a.test"));
    lookup.hosts.set("b.test", tenant("b", "b.test"));
    const [a, b] = await Promise.all([resolver.resolve("a.test"), resolver.resolve("b.test")]);
    expect(a?.id).toBe("a");
    expect(b?.id).toBe("b");
    expect(lookup.calls.sort()).toEqual(["a.test", "b.test"]);
  });

  it("does not keep a failed lookup: the next resolve asks again", async () => {
    let calls = 0;
    const failing = new TenantResolver(
      {
        async findByHostname() {
          calls += 1;
          if (calls === 1) throw new Error("db down");
          return tenant("a", "a.test");
        },
      },
      { ttlMs: 30_000, now: () => 0 },
    );
    await expect(failing.resolve("a.test")).rejects.toThrow("db down");
    expect(failing.size).toBe(0);
    expect((await failing.resolve("a.test"))?.id).toBe("a");
    expect(calls).toBe(2);
  });

  it("invalidateTenant drops that tenant's hosts and every negative entry, but keeps other tenants'", async () => {
    const { lookup, resolver } = setup();
    lookup.hosts.set("a.test", tenant("a", "a.test"));
    lookup.hosts.set("www.a.test", tenant("a", "a.test"));
    lookup.hosts.set("b.test", tenant("b", "b.test"));
    for (const h of ["a.test", "www.a.test", "b.test", "nobody.test"]) await resolver.resolve(h);
    expect(resolver.size).toBe(4);

    resolver.invalidateTenant("a");
    expect(resolver.size).toBe(1);

    for (const h of ["a.test", "www.a.test", "b.test", "nobody.test"]) await resolver.resolve(h);
    expect(lookup.count("a.test")).toBe(2);
    expect(lookup.count("www.a.test")).toBe(2);
    expect(lookup.count("nobody.test")).toBe(2);
    expect(lookup.count("b.test")).toBe(1);
  });

  it("lets a newly added domain resolve right after invalidation instead of serving the cached miss", async () => {
    const { lookup, resolver } = setup({ negativeTtlMs: 60_000 });
    expect(await resolver.resolve("new.test")).toBeNull();
    lookup.hosts.set("new.test", tenant("a", "a.test"));
    expect(await resolver.resolve("new.test")).toBeNull(); // still the cached miss
    resolver.invalidateTenant("a");
    expect((await resolver.resolve("new.test"))?.id).toBe("a");
  });

  it("invalidateAll drops every entry", async () => {
    const { lookup, resolver } = setup();
    lookup.hosts.set("a.test", tenant("a", "a.test"));
    lookup.hosts.set("b.test", tenant("b", "b.test"));
    await resolver.resolve("a.test");
    await resolver.resolve("b.test");
    resolver.invalidateAll();
    expect(resolver.size).toBe(0);
    await resolver.resolve("a.test");
    await resolver.resolve("b.test");
    expect(lookup.calls).toHaveLength(4);
  });

  it("does not cache the answer of a lookup that was in flight when the tenant was invalidated", async () => {
    const { lookup, resolver } = setup();
    lookup.hosts.set("a.test", tenant("a", "a.test", "active"));
    lookup.hold();
    const inFlight = resolver.resolve("a.test"); // reads "active" before the change
    lookup.hosts.set("a.test", tenant("a", "a.test", "suspended"));
    resolver.invalidateTenant("a");
    lookup.release();
    expect((await inFlight)?.status).toBe("active"); // the caller gets what it asked for...
    expect(resolver.size).toBe(0); // ...but the stale answer is not kept
    expect((await resolver.resolve("a.test"))?.status).toBe("suspended");
    expect(lookup.count("a.test")).toBe(2);
  });

  it("does not hand a request that arrives after an invalidation the in-flight stale lookup", async () => {
    const { lookup, resolver } = setup();
    lookup.hosts.set("a.test", tenant("a", "a.test", "active"));
    lookup.hold();
    const stale = resolver.resolve("a.test");
    lookup.hosts.set("a.test", tenant("a", "a.test", "suspended"));
    resolver.invalidateTenant("a");
    const fresh = resolver.resolve("a.test"); // must start its own lookup
    lookup.release();
    expect((await stale)?.status).toBe("active");
    expect((await fresh)?.status).toBe("suspended");
  });

  it("does not cache a miss that was in flight when invalidateAll ran", async () => {
    const { lookup, resolver } = setup({ negativeTtlMs: 60_000 });
    lookup.hold();
    const inFlight = resolver.resolve("new.test");
    lookup.hosts.set("new.test", tenant("a", "a.test"));
    resolver.invalidateAll();
    lookup.release();
    expect(await inFlight).toBeNull();
    expect((await resolver.resolve("new.test"))?.id).toBe("a");
  });

  it("evicts the oldest entry when maxEntries is reached", async () => {
    const { lookup, resolver } = setup({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) lookup.hosts.set(`${id}.test`, tenant(id, `${id}.test`));
    await resolver.resolve("a.test");
    await resolver.resolve("b.test");
    await resolver.resolve("c.test");
    expect(resolver.size).toBe(2);
    await resolver.resolve("b.test");
    await resolver.resolve("c.test");
    expect(lookup.calls).toEqual(["a.test", "b.test", "c.test"]);
    await resolver.resolve("a.test");
    expect(lookup.count("a.test")).toBe(2);
  });
});
