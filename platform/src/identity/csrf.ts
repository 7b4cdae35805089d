import { hmac, randomToken, safeEqual } from "./secrets.js";

export const CSRF_COOKIE = "vn_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/**
 * A CSRF token signed with the installation secret and bound to the host, kept in a
 * host-only cookie and echoed in every form (signed double-submit). A sibling subdomain
 * that plants a cookie cannot forge the signature, and a token from one tenant's host
 * is worthless on another.
 */
export function issueCsrfToken(secret: string, host: string): string {
  const nonce = randomToken(18);
  return `${nonce}.${hmac(secret, `csrf|${host}|${nonce}`)}`;
}

/** True when `token` was issued for `host` under `secret`. */
export function csrfTokenValid(secret: string, host: string, token: string | undefined | null): boolean {
  if (!token) return false;
  const dot = token.indexOf(".");
  if (dot <= 0) return false;
  const nonce = token.slice(0, dot);
  return safeEqual(token.slice(dot + 1), hmac(secret, `csrf|${host}|${nonce}`));
}

/** The submitted token must equal the cookie's and be validly signed for this host. */
export function csrfCheck(opts: { secret: string; host: string; cookie?: string; submitted?: string | null }): boolean {
  if (!opts.cookie || !opts.submitted) return false;
  return safeEqual(opts.cookie, opts.submitted) && csrfTokenValid(opts.secret, opts.host, opts.cookie);
}
