import type { AppLoadContext } from "@remix-run/node";
import type { DiscoveryServices } from "@visitnow/platform/context";

/** The tenant's public discovery facade; a 404 on a host without one. */
export function requireDiscovery(context: AppLoadContext): DiscoveryServices {
  if (!context.discovery) throw new Response("Not found", { status: 404 });
  return context.discovery;
}

function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "not_found";
}

/** Awaits `work`, turning the platform's `not_found` into a thrown 404 so the route's ErrorBoundary shows the not-found page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isNotFound(err)) throw new Response("Not found", { status: 404 });
    throw err;
  }
}

/**
 * Cache headers for a public discovery page. Never shared: the HTML carries the
 * visitor's own CSRF token and language, so a shared cache would hand one person's
 * page to another. Never reused without asking either: a doctor unpublished a moment ago
 * must not linger in a browser's copy (the server answers repeated searches from its own
 * cache, which every change invalidates).
 */
export function discoveryCacheHeaders(context: AppLoadContext): HeadersInit {
  if (context.auth.user) return { "Cache-Control": "private, no-store" };
  return { "Cache-Control": "private, no-cache", Vary: "Cookie" };
}

/** Headers for a page reached through a private link: never cached, never indexed, the link never sent on as a referrer. */
export const privateLinkHeaders: HeadersInit = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};
