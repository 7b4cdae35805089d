import { DomainError } from "../errors/index.js";
import type { Redis } from "ioredis";

export interface RateLimitDecision {
  allowed: boolean;
  /** When the caller may try again, if refused. */
  retryAfterSeconds: number;
}

/** Fixed-window counters: `hit` counts one attempt against `limit` per `windowSeconds`. */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
}

/**
 * Shared across processes through Redis (INCR + EXPIRE in one MULTI). Keys carry the
 * installation's prefix, so two installations on one Redis never share counters.
 */
export class RedisRateLimiter implements RateLimiter {
  private prefix: Promise<string> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly namespace: () => Promise<string>,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    if (!this.prefix) {
      const p = this.namespace().then((ns) => `vn:rl:${ns}:`);
      p.catch(() => {
        if (this.prefix === p) this.prefix = null; // try again next time
      });
      this.prefix = p;
    }
    const k = `${await this.prefix}${key}`;
    const res = await this.redis.multi().incr(k).expire(k, windowSeconds, "NX").ttl(k).exec();
    const count = Number(res?.[0]?.[1] ?? 0);
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds);
    return { allowed: count <= limit, retryAfterSeconds: count <= limit ? 0 : Math.max(1, ttl) };
  }
}

/** One process only: for the demo without Redis, and unit tests. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + windowSeconds * 1000 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) for (const [k, v] of this.windows) if (v.resetAt <= t) this.windows.delete(k);
    }
    w.count += 1;
    const allowed = w.count <= limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((w.resetAt - t) / 1000)) };
  }
}

/**
 * Redis when it answers; this process's own counters while it does not, so an outage
 * degrades rate limiting to per-process instead of refusing every sign-in.
 */
export class FallbackRateLimiter implements RateLimiter {
  private readonly local = new MemoryRateLimiter();

  constructor(
    private readonly primary: RateLimiter,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    try {
      return await this.primary.hit(key, limit, windowSeconds);
    } catch (err) {
      this.onError(err as Error);
      return this.local.hit(key, limit, windowSeconds);
    }
  }
}

/** Counts one attempt; throws `rate_limited` with a user-facing wait when over the limit. */
export async function enforceRateLimit(limiter: RateLimiter, key: string, limit: number, windowSeconds: number): Promise<void> {
  const d = await limiter.hit(key, limit, windowSeconds);
  if (!d.allowed) {
    const minutes = Math.ceil(d.retryAfterSeconds / 60);
    throw new DomainError("rate_limited", `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      retryAfterSeconds: d.retryAfterSeconds,
    });
  }
}
