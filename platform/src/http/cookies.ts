/** Parses a Cookie header; malformed values are skipped, not fatal. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i === -1) continue;
    const k = part.slice(0, i).trim();
    if (k in out) continue;
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // ignore
    }
  }
  return out;
}

/**
 * A host-only cookie (never a `Domain` attribute, so it cannot travel to another
 * tenant's host), `Path=/`, `SameSite=Lax`, `HttpOnly`, and `Secure` over HTTPS.
 */
export function serializeCookie(name: string, value: string, opts: { maxAgeSeconds?: number; secure: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`);
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}

/** The session cookie's name: `__Host-` prefixed over HTTPS, which browsers bind to the exact host. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-vn_session" : "vn_session";
}
