/**
 * `next` as a same-site relative path, or `fallback`: never an absolute or
 * protocol-relative URL (`//evil.example`, `/\evil.example`), so the redirect after
 * sign-in cannot leave this host.
 */
export function safeReturnTo(next: unknown, fallback: string): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Control characters and backslashes are never needed in our paths and confuse URL parsers.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === "\\")) return fallback;
  try {
    const u = new URL(next, "http://same.invalid");
    if (u.host !== "same.invalid") return fallback;
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return fallback;
  }
}
