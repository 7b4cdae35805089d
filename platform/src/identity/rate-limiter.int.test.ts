import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { FallbackRateLimiter, MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limiter.js";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
const ns = () => `test${randomBytes(4).toString("hex")}`;

afterAll(async () => {
  await redis.quit();
});

describe("rate limiters", () => {
  it("share one counter across limiter instances of one installation (as across processes)", async () => {
    const n = ns();
    const a = new RedisRateLimiter(redis, async () => n);
    const b = new RedisRateLimiter(redis, async () => n);
    expect((await a.hit("k", 2, 60)).allowed).toBe(true);
    expect((await b.hit("k", 2, 60)).allowed).toBe(true);
    const third = await a.hit("k", 2, 60);
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("never share counters between two installations on one Redis", async () => {
    const a = new RedisRateLimiter(redis, async () => ns());
    const b = new RedisRateLimiter(redis, async () => ns());
    await a.hit("signin:acct:same", 1, 60);
    expect((await a.hit("signin:acct:same", 1, 60)).allowed).toBe(false);
    expect((await b.hit("signin:acct:same", 1, 60)).allowed).toBe(true);
  });

  it("fall back to per-process counting when Redis fails, instead of refusing everyone", async () => {
    const broken: RateLimiter = { hit: async () => Promise.reject(new Error("connection refused")) };
    const errors: string[] = [];
    const limiter = new FallbackRateLimiter(broken, (e) => errors.push(e.message));
    expect((await limiter.hit("k", 1, 60)).allowed).toBe(true);
    expect((await limiter.hit("k", 1, 60)).allowed).toBe(false);
    expect(errors).toEqual(["connection refused", "connection refused"]);
  });

  it("reset an in-memory window after it expires", async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    await limiter.hit("k", 1, 10);
    expect((await limiter.hit("k", 1, 10)).allowed).toBe(false);
    now = 10_001;
    expect((await limiter.hit("k", 1, 10)).allowed).toBe(true);
  });
});
