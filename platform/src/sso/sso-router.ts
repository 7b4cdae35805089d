import express, { type Request, type Response, type Router } from "express";
import { isDomainError } from "../errors/index.js";
import { serializeCookie, sessionCookieName } from "../http/cookies.js";
import { escapeHtml, requestState } from "../http/index.js";
import { hashToken } from "../identity/index.js";
import { isSsoSignInError } from "./sso-errors.js";
import type { SsoService } from "./sso-service.js";

export const SSO_CALLBACK_PATH = "/auth/sso/callback";

export interface SsoRouterDeps {
  sso: SsoService;
}

/**
 * What ties a sign-in to the browser that started it: a hash of the browser's CSRF
 * cookie (host-only, HttpOnly, signed for this host), so a callback URL replayed or
 * planted in another browser finds a different value.
 */
export function browserBindingOf(csrfToken: string): string {
  return hashToken(`sso-browser|${csrfToken}`);
}

/**
 * `scheme://<primary host>[:port]` for this request. The host is always the tenant's
 * primary host from the control plane, never the Host header; only the port (digits)
 * is taken from the request, so local set-ups on :3000 work.
 */
function primaryOrigin(req: Request, primaryHost: string, secure: boolean): string {
  const m = /:(\d{1,5})$/.exec(req.get("host") ?? "");
  const port = m?.[1];
  const defaultPort = secure ? "443" : "80";
  return `${secure ? "https" : "http"}://${primaryHost}${port && port !== defaultPort ? `:${port}` : ""}`;
}

function errorPage(res: Response, status: number, tenantName: string, message: string): void {
  const name = escapeHtml(tenantName);
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Sign-in did not complete · ${name}</title>
<style>*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:1.5rem;
line-height:1.5;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}main{max-width:32rem;text-align:center}
h1{font-size:1.5rem;margin:.75rem 0}a{color:#1d4ed8}</style></head>
<body><main><p><strong>${name}</strong></p><h1>Sign-in did not complete</h1><p>${escapeHtml(message)}</p>
<p><a href="/doctor/sign-in">Back to staff sign-in</a></p></main></body></html>`,
    );
}

/**
 * The browser half of staff SSO, mounted after `sessionAndCsrf` (it needs the tenant,
 * the CSRF cookie and the session state) and before the Remix apps:
 * `GET /auth/sso/:providerId/start?next=/doctor` redirects to the IdP and
 * `GET /auth/sso/callback` signs in and redirects to `next`. Off tenant hosts both
 * fall through (to the 404).
 */
export function createSsoRouter(deps: SsoRouterDeps): Router {
  const router = express.Router();

  router.get(SSO_CALLBACK_PATH, async (req, res, next) => {
    const st = requestState(res);
    const tenant = st.tenant;
    const auth = st.auth;
    if (!tenant || !auth?.tenant) return next();
    try {
      const currentUrl = new URL(req.originalUrl, primaryOrigin(req, tenant.primaryHost, auth.secure));
      const r = await deps.sso.callback(auth.tenant, {
        currentUrl,
        browserBinding: browserBindingOf(auth.csrfToken),
        previousSessionToken: auth.token,
      });
      res.set("Cache-Control", "no-store");
      res.append("Set-Cookie", serializeCookie(sessionCookieName(auth.secure), r.token, { maxAgeSeconds: r.maxAgeSeconds, secure: auth.secure }));
      res.redirect(303, r.returnTo);
    } catch (err) {
      if (isSsoSignInError(err)) {
        st.log.warn({ reason: err.reason, cause: err.cause instanceof Error ? err.cause.message : undefined }, "sso sign-in refused");
        errorPage(res, 400, tenant.name, err.message);
        return;
      }
      if (isDomainError(err) && (err.status < 500 || err.code === "unavailable")) {
        errorPage(res, err.status, tenant.name, err.message);
        return;
      }
      next(err);
    }
  });

  router.get("/auth/sso/:providerId/start", async (req, res, next) => {
    const st = requestState(res);
    const tenant = st.tenant;
    const auth = st.auth;
    if (!tenant || !auth?.tenant) return next();
    const origin = primaryOrigin(req, tenant.primaryHost, auth.secure);
    // The callback lands on the primary host; start there too, so the CSRF cookie that binds the sign-in is the one the callback sees.
    if (st.host !== tenant.primaryHost) {
      res.set("Cache-Control", "no-store").redirect(302, `${origin}${req.originalUrl}`);
      return;
    }
    try {
      const { authorizationUrl } = await deps.sso.start(auth.tenant, String(req.params.providerId), {
        browserBinding: browserBindingOf(auth.csrfToken),
        returnTo: typeof req.query.next === "string" ? req.query.next : null,
        redirectUri: `${origin}${SSO_CALLBACK_PATH}`,
        ip: auth.ip,
      });
      res.set("Cache-Control", "no-store").redirect(302, authorizationUrl.href);
    } catch (err) {
      if (isDomainError(err) && (err.status < 500 || err.code === "unavailable")) {
        errorPage(res, err.status, tenant.name, err.message);
        return;
      }
      next(err);
    }
  });

  return router;
}
