import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import { DomainError, ValidationError, isDomainError } from "../errors/index.js";
import { requestState } from "../http/index.js";
import type { CallContext, TenantRef } from "../identity/index.js";
import { renderApiDocsPage } from "./api-docs-page.js";
import type { ApiPrincipal, ApiTokenService, ApiUser, IssuedApiTokens } from "./api-token-service.js";
import { openApiDocument, type OpenApiDocument } from "./openapi.js";

/** Our key on `res.locals`: the principal of a valid bearer token. */
const LOCALS_KEY = "vnApiPrincipal";
const BODY_LIMIT = "16kb";

/** Routes this router serves that are deliberately not API operations (the HTML reference itself). */
export const API_ROUTES_OUTSIDE_SPEC: readonly string[] = ["GET /api/docs"];

function tenantRef(res: Response): TenantRef | null {
  const t = requestState(res).tenant;
  return t ? { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name } : null;
}

function callContext(req: Request, res: Response): CallContext {
  const tenant = tenantRef(res);
  if (!tenant) throw new DomainError("not_found", "Not found");
  return { tenant, ip: requestState(res).auth?.ip ?? req.socket.remoteAddress ?? "unknown" };
}

/** The bearer principal of this request, when it carried a valid access token. */
export function findApiPrincipal(res: Response): ApiPrincipal | null {
  return (res.locals[LOCALS_KEY] as ApiPrincipal | undefined) ?? null;
}

/** The signed-in user of an API request: its bearer token's, else a browser session's that owes no second factor. */
export function findApiUser(res: Response): ApiUser | null {
  const principal = findApiPrincipal(res);
  if (principal) return principal.user;
  const s = requestState(res).auth?.session;
  if (!s || s.secondFactor !== "none") return null;
  const u = s.user;
  return { id: u.id, kind: u.kind, name: u.name, email: u.email, phone: u.phone, roles: u.roles.map((r) => r.role) };
}

/** Like `findApiUser`, but throws `unauthenticated` (with a Bearer challenge) when nobody is signed in. */
export function requireApiUser(res: Response): ApiUser {
  const user = findApiUser(res);
  if (!user) {
    res.set("WWW-Authenticate", 'Bearer realm="api"');
    throw new DomainError("unauthenticated", "Please sign in.");
  }
  return user;
}

/**
 * Bearer authentication for `/api/` requests: resolves `Authorization: Bearer <token>`
 * in the tenant's own schema, so another tenant's token is simply unknown. An invalid
 * token is a 401 with an RFC 6750 challenge, never a silent anonymous request. The
 * `/api/v1/auth/` endpoints authenticate by their body and are skipped, so a client
 * whose access token just expired can still refresh.
 */
export function apiAuth(deps: { apiTokens: ApiTokenService | null | undefined }): RequestHandler {
  return async (req, res, next) => {
    try {
      if (!deps.apiTokens || !req.path.startsWith("/api/") || req.path.startsWith("/api/v1/auth/")) return next();
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get("authorization") ?? "");
      const tenant = tenantRef(res);
      if (!match || !tenant) return next();
      const principal = await deps.apiTokens.authenticate(tenant, match[1] as string);
      if (!principal) {
        res
          .status(401)
          .set({ "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"', "Cache-Control": "no-store" })
          .json({ error: { code: "unauthenticated", message: "This access token is not valid or has expired. Refresh it or sign in again." } });
        return;
      }
      res.locals[LOCALS_KEY] = principal;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Runs an async handler; a rate-limit error gets its `Retry-After` header on the way out. */
function handle(fn: (req: Request, res: Response) => Promise<void> | void): RequestHandler {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .catch((err: unknown) => {
        if (isDomainError(err) && err.code === "rate_limited") {
          const seconds = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
          if (seconds) res.set("Retry-After", String(seconds));
        }
        next(err);
      });
  };
}

function sendTokens(res: Response, t: IssuedApiTokens): void {
  res.json({ access_token: t.accessToken, token_type: "Bearer", expires_in: t.expiresInSeconds, refresh_token: t.refreshToken });
}

/** RFC 6749 §5.1: token responses (and their errors) are never cached. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set({ "Cache-Control": "no-store", Pragma: "no-cache" });
  next();
};

/** A host for the examples on the docs page: the request's own, when it is a plain host[:port]. */
function exampleOrigin(req: Request, res: Response): string {
  const raw = req.get("host") ?? "";
  const host = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/i.test(raw) ? raw.toLowerCase() : (requestState(res).host ?? "your-site.example");
  return `${req.protocol}://${host}`;
}

/**
 * The API's sign-in endpoints, `/api/v1/me`, the OpenAPI document and its HTML
 * reference. Mount it on tenant hosts after `sessionAndCsrf` and `apiAuth`; it parses
 * its own JSON and form bodies (so the Remix apps' bodies are never consumed).
 */
export function createApiRouter(deps: { apiTokens: ApiTokenService; document?: OpenApiDocument }): Router {
  const doc = deps.document ?? openApiDocument;
  const router = express.Router();
  const body = [express.json({ limit: BODY_LIMIT }), express.urlencoded({ extended: false, limit: BODY_LIMIT })];

  router.post(
    "/api/v1/auth/token",
    noStore,
    ...body,
    handle(async (req, res) => sendTokens(res, await deps.apiTokens.signInWithPassword(callContext(req, res), req.body))),
  );

  router.post(
    "/api/v1/auth/refresh",
    noStore,
    ...body,
    handle(async (req, res) => sendTokens(res, await deps.apiTokens.refresh(callContext(req, res), req.body))),
  );

  router.post(
    "/api/v1/auth/revoke",
    noStore,
    ...body,
    handle(async (req, res) => {
      await deps.apiTokens.revoke(callContext(req, res), req.body);
      res.json({});
    }),
  );

  router.get(
    "/api/v1/me",
    handle((_req, res) => {
      res.set("Cache-Control", "no-store").json(requireApiUser(res));
    }),
  );

  router.get("/api/v1/openapi.json", (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").json(doc);
  });

  router.get("/api/docs", (req, res) => {
    res
      .set({
        "Cache-Control": "public, max-age=300",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
      })
      .type("html")
      .send(renderApiDocsPage(doc, { origin: exampleOrigin(req, res) }));
  });

  // Body-parser failures are the client's: answer them in the API's error shape, not as a 500.
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => {
    const type = (err as { type?: string } | null)?.type;
    if (type === "entity.parse.failed") return next(new ValidationError("The request body is not valid JSON.", [{ field: "body", message: "Send a JSON object." }]));
    if (type === "entity.too.large") return next(new ValidationError("The request body is too large.", [{ field: "body", message: `Send at most ${BODY_LIMIT}.` }]));
    next(err);
  });

  return router;
}

/** `METHOD /path` for every route registered on `router`, for checking them against the OpenAPI document. */
export function listRoutes(router: Router): string[] {
  const out: string[] = [];
  for (const layer of router.stack as { route?: { path: string | string[]; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const method of Object.keys(layer.route.methods)) {
      if (method === "_all") continue;
      for (const p of paths) out.push(`${method.toUpperCase()} ${p}`);
    }
  }
  return out;
}
