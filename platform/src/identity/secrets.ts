import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe token with `bytes` of entropy (32 by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * What we store for a bearer secret (session token, refresh token, invite or reset
 * link): its SHA-256, so a database read never yields a usable token.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** A numeric one-time code of `digits` digits, uniformly drawn. */
export function numericCode(digits = 6): string {
  const max = 10 ** digits;
  const limit = Math.floor(0xffffffff / max) * max;
  for (;;) {
    const n = randomBytes(4).readUInt32BE(0);
    if (n < limit) return String(n % max).padStart(digits, "0");
  }
}

/** HMAC-SHA256 of `value` under `key`, base64url: binds short codes to their purpose. */
export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("base64url");
}
