import { describe, expect, it } from "vitest";
import { SearchCache } from "./search-cache.js";

describe("search cache", () => {
  it("reuses an answer until a source it read changes", async () => {
    const cache = new SearchCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad(["tenant_a"], "k", load)).toBe(1);
    expect(await cache.getOrLoad(["tenant_a"], "k", load)).toBe(1);
    cache.invalidate("tenant_b");
    expect(await cache.getOrLoad(["tenant_a"], "k", load)).toBe(1);
    cache.invalidate("tenant_a");
    expect(await cache.getOrLoad(["tenant_a"], "k", load)).toBe(2);
  });

  it("drops a marketplace answer when the directory changes", async () => {
    const cache = new SearchCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ++loads;
    await cache.getOrLoad(["tenant_m", "platform"], "m", load);
    cache.invalidate("platform");
    expect(await cache.getOrLoad(["tenant_m", "platform"], "m", load)).toBe(2);
  });

  it("does not keep an answer whose source changed while it was being read", async () => {
    const cache = new SearchCache({ ttlMs: 60_000 });
    let loads = 0;
    await cache.getOrLoad(["tenant_a"], "k", async () => {
      loads += 1;
      cache.invalidate("tenant_a");
      return "stale";
    });
    expect(await cache.getOrLoad(["tenant_a"], "k", async () => `fresh-${++loads}`)).toBe("fresh-2");
  });

  it("expires answers after the TTL and evicts the least recently used beyond its size", async () => {
    let now = 0;
    const cache = new SearchCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    await cache.getOrLoad(["s"], "a", load); // 1
    await cache.getOrLoad(["s"], "b", load); // 2
    await cache.getOrLoad(["s"], "a", load); // hit: a is now the most recent
    await cache.getOrLoad(["s"], "c", load); // 3, evicts b
    expect(await cache.getOrLoad(["s"], "a", load)).toBe(1);
    expect(await cache.getOrLoad(["s"], "b", load)).toBe(4);
    now = 5000;
    expect(await cache.getOrLoad(["s"], "a", load)).toBe(5);
  });

  it("caches nothing when its TTL is 0", async () => {
    const cache = new SearchCache({ ttlMs: 0 });
    let loads = 0;
    await cache.getOrLoad(["s"], "a", async () => ++loads);
    expect(await cache.getOrLoad(["s"], "a", async () => ++loads)).toBe(2);
  });
});
