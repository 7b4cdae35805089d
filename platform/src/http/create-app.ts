import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createRequestHandler } from "@remix-run/express";
import type { ActionFunction, AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import { actorFor } from "../identity/identity-service.js";
import type { Actor } from "../access/index.js";
import type { TenantDbRef } from "../db/index.js";
import type { AppName, BookingServices, ConsoleServices, DiscoveryServices, HubServices, ProviderAdminServices, TenantAdminServices, Locale, VisitNowLoadContext } from "../context.js";
import { DomainError, isDomainError } from "../errors/index.js";
import { i18nView, LOCALE_COOKIE, pickLocale, type Catalogue } from "../i18n/index.js";
import type { HttpMetrics, Logger } from "../observability/index.js";
import { normaliseHost, type RoutedTenant } from "../tenancy/index.js";
import type { ThemeService } from "../themes/index.js";
import { suspendedPage, unknownHostPage } from "./pages.js";
import { createPlatformAuth, createTenantAuth, type AuthRequestState } from "./auth-context.js";
import type { PlatformAdminService } from "../identity/platform-admin-service.js";
import { apiAuth, createApiRouter, type ApiTokenService } from "../api/index.js";
import { createDoctorsApiRouter } from "../api/doctors-api.js";
import type { QueueEvents } from "../appointments/queue-events.js";
import { createAppointmentsApiRouter } from "../api/appointments-api.js";
import type { AppointmentServices, SchedulingServices } from "../appointments/contract.js";
import type { AccountAdminService } from "../identity/account-admin-service.js";
import type { PasswordResetService } from "../identity/password-reset-service.js";
import { parseCookies, serializeCookie, sessionCookieName } from "./cookies.js";
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrfCheck, csrfTokenValid, issueCsrfToken } from "../identity/csrf.js";
import type { IdentityService, TenantRef } from "../identity/identity-service.js";
import type { RemixAppBuild, RemixBuilds } from "./remix-apps.js";

/** A routed tenant as domain services need it: database reference plus what links need. */
export type LinkedTenant = TenantDbRef & { name: string; kind: "hospital" | "marketplace"; primaryHost: string };

function linkedTenant(t: RoutedTenant): LinkedTenant {
  return { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name, kind: t.kind, primaryHost: t.primaryHost };
}

export interface AppDeps {
  platformHost: string;
  metricsToken?: string;
  logger: Logger;
  resolver: {
    resolve(hostname: string): Promise<RoutedTenant | null>;
    /** A fresh cached answer without awaiting, when there is one. */
    peek?(hostname: string): RoutedTenant | null | undefined;
  };
  themes: ThemeService;
  catalogues: Record<Locale, Catalogue>;
  metrics: HttpMetrics;
  /** Checks the dependencies `/readyz` reports on; each value is "ok" or a problem. */
  readiness: () => Promise<Record<string, string>>;
  /** Console data for one signed-in platform admin. */
  consoleServices: (admin: { id: string; email: string }) => ConsoleServices;
  /** Tenant-admin operations for one signed-in staff user. */
  tenantAdminServices?: (tenant: TenantDbRef & { name: string; primaryHost: string }, actor: Actor) => TenantAdminServices;
  /** Public doctor discovery and applications on a tenant host. */
  discoveryServices?: (tenant: LinkedTenant) => DiscoveryServices;
  /** Provider onboarding, clinics and specialties for one signed-in staff user. */
  providerAdminServices?: (tenant: LinkedTenant, actor: Actor) => ProviderAdminServices;
  /** Availability, booking rules and open slots (the booking API needs `openSlots`). */
  schedulingServices?: SchedulingServices | null;
  /** Booking, the appointment lifecycle and the doctor's queue. */
  appointmentServices?: AppointmentServices | null;
  /** Patient booking in the patient app: `actor` is the signed-in patient, or null (then only slots answer). */
  bookingServices?: (tenant: LinkedTenant & { timeZone: string }, actor: Actor | null) => BookingServices;
  /** The doctor hub for one signed-in staff user past their second factor. */
  hubServices?: (tenant: LinkedTenant & { timeZone: string }, actor: Actor) => HubServices;
  /** Appointment changes from every process, for the live queue stream. */
  queueEvents?: Pick<QueueEvents, "subscribe"> | null;
  /** The Remix apps; absent where only the HTTP edge is under test. */
  remix?: RemixBuilds | null;
  /** Sign-in and sessions; absent where only routing is under test. */
  identity?: IdentityService | null;
  accountAdmin?: AccountAdminService | null;
  passwordResets?: PasswordResetService | null;
  /** Lists the SSO sign-in options for staff sign-in pages. */
  sso?: { listSignInOptions(tenant: TenantRef): Promise<{ id: string; name: string }[]> } | null;
  /** Staff SSO routes (/auth/sso/*), from createSsoRouter; absent where not under test. */
  ssoRouter?: RequestHandler | null;
  /** Bearer tokens for API clients; absent where only routing is under test. */
  apiTokens?: ApiTokenService | null;
  /** Platform-admin sign-in for the console. */
  platformAdmins?: PlatformAdminService | null;
  /** The installation secret (signs CSRF tokens). */
  secret: () => Promise<string>;
  /** Express `trust proxy` (see config TRUST_PROXY); unset means the socket is the client. */
  trustProxy?: string;
  /** Cache-Control for fingerprinted assets; shorter in development. */
  immutableAssets?: boolean;
}

/** Per-request state, kept on `res.locals` under one typed key. */
export interface RequestState {
  readonly id: string;
  /** The request's cookies, parsed once by the tenant router. */
  cookies: Record<string, string> | null;
  auth: AuthRequestState | null;
  /** Bound to the request id and tenant slug. */
  readonly log: Logger;
  host: string | null;
  app: AppName | "api" | "system";
  tenant: RoutedTenant | null;
  locale: Locale;
}

export function requestState(res: Response): RequestState {
  return res.locals.vn as RequestState;
}

function appForPath(path: string): AppName | "api" {
  if (path === "/api" || path.startsWith("/api/")) return "api";
  if (/^\/doctor(\/|\.data$|$)/.test(path)) return "doctor";
  if (/^\/admin(\/|\.data$|$)/.test(path)) return "admin";
  return "patient";
}

function wantsJson(req: Request): boolean {
  return req.path.startsWith("/api/") || (req.get("accept") ?? "").startsWith("application/json");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Console data only for a platform admin past the second factor. */
function guardedConsole(factory: AppDeps["consoleServices"], auth: AuthRequestState | null): ConsoleServices {
  const ps = auth?.platformSession;
  if (ps && ps.secondFactor === "none") return factory(ps.admin);
  const refuse = async (): Promise<never> => {
    throw new DomainError("unauthenticated", "Please sign in as a platform admin.");
  };
  return { listTenants: refuse, listDevMessages: refuse, requestSupportAccess: refuse, listSupportGrants: refuse, supportStaffDirectory: refuse };
}

/**
 * Wraps every route action of a Remix build so that no action runs without a valid
 * CSRF token (`_csrf` form field or `X-CSRF-Token` header). Structural: a new route's
 * action is covered without anyone remembering to call a check.
 */
export function withCsrfCheckedActions(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    if (!action) {
      routes[id] = route;
      continue;
    }
    const checked: ActionFunction = async (args) => {
      const auth = (args.context as unknown as VisitNowLoadContext).auth;
      let submitted = args.request.headers.get(CSRF_HEADER);
      const type = args.request.headers.get("content-type") ?? "";
      if (!submitted && (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data"))) {
        const form = await args.request.clone().formData();
        const v = form.get(CSRF_FIELD);
        submitted = typeof v === "string" ? v : null;
      }
      if (!auth?.verifyCsrf(submitted)) {
        throw new Response("This form has expired. Go back, reload the page and try again.", { status: 403, statusText: "Forbidden" });
      }
      return action(args);
    };
    routes[id] = { ...route, module: { ...route.module, action: checked } };
  }
  return { ...build, routes };
}

/** Mounts one Remix app (statics, then its handler) at its basename. */
function mountRemix(router: Router, app: RemixAppBuild, deps: AppDeps): void {
  const handler = createRequestHandler({
    build: withCsrfCheckedActions(app.build),
    mode: process.env.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (_req, res) => {
      const s = requestState(res);
      const tenant = s.tenant;
      const theme = tenant ? deps.themes.view(tenant.theme, tenant.themeOverrides) : deps.themes.view("default");
      const context: VisitNowLoadContext = {
        requestId: s.id,
        app: app.name,
        tenant: tenant && {
          id: tenant.id,
          slug: tenant.slug,
          name: tenant.name,
          kind: tenant.kind,
          status: tenant.status,
          defaultLocale: tenant.defaultLocale,
          timeZone: tenant.timeZone,
          primaryHost: tenant.primaryHost,
        },
        theme,
        i18n: i18nView(deps.catalogues, s.locale, app.name),
        console: app.name === "console" ? guardedConsole(deps.consoleServices, s.auth) : null,
        auth: createTenantAuth(
          tenant && deps.identity && deps.accountAdmin && deps.passwordResets
            ? { identity: deps.identity, accountAdmin: deps.accountAdmin, passwordResets: deps.passwordResets, sso: deps.sso ?? undefined }
            : null,
          s.auth as AuthRequestState,
        ),
        platformAuth: app.name === "console" && deps.platformAdmins ? createPlatformAuth(deps.platformAdmins, s.auth as AuthRequestState) : null,
        tenantAdmin:
          app.name === "admin" && tenant && deps.tenantAdminServices && s.auth?.session?.secondFactor === "none" && s.auth.session.user.kind === "staff"
            ? deps.tenantAdminServices(
                { id: tenant.id, slug: tenant.slug, schema: s.auth.tenant!.schema, role: s.auth.tenant!.role, cluster: s.auth.tenant!.cluster, name: tenant.name, primaryHost: tenant.primaryHost },
                actorFor(tenant.id, s.auth.session.user),
              )
            : null,
        discovery: tenant && deps.discoveryServices ? deps.discoveryServices(linkedTenant(tenant)) : null,
        providerAdmin:
          app.name === "admin" && tenant && deps.providerAdminServices && s.auth?.session?.secondFactor === "none" && s.auth.session.user.kind === "staff"
            ? deps.providerAdminServices(linkedTenant(tenant), actorFor(tenant.id, s.auth.session.user))
            : null,
        booking:
          app.name === "patient" && tenant && deps.bookingServices
            ? deps.bookingServices(
                { ...linkedTenant(tenant), timeZone: tenant.timeZone },
                s.auth?.session?.secondFactor === "none" && s.auth.session.user.kind === "patient" ? actorFor(tenant.id, s.auth.session.user) : null,
              )
            : null,
        hub:
          app.name === "doctor" && tenant && deps.hubServices && s.auth?.session?.secondFactor === "none" && s.auth.session.user.kind === "staff"
            ? deps.hubServices({ ...linkedTenant(tenant), timeZone: tenant.timeZone }, actorFor(tenant.id, s.auth.session.user))
            : null,
      };
      return context as unknown as AppLoadContext;
    },
  });
  const base = app.basename === "/" ? "" : app.basename;
  router.use(
    `${base}/assets`,
    express.static(`${app.clientDir}/assets`, {
      index: false,
      redirect: false,
      immutable: deps.immutableAssets ?? true,
      maxAge: deps.immutableAssets === false ? 0 : "1y",
    })
  );
  router.use(base || "/", express.static(app.clientDir, { index: false, redirect: false, maxAge: "1h" }));
  if (base) router.all([base, `${base}.data`, `${base}/*`], handler);
  else router.all("*", handler);
}

/** The largest form a page accepts: a doctor's application with a photo and four documents. */
export const MAX_PAGE_BODY_BYTES = 25 * 1024 * 1024;

/**
 * Bounds what a page's action may read. The CSRF check and Remix buffer form bodies in
 * memory, so a body must declare its length (browsers always do for forms) and stay
 * under the limit; per-file limits are the domain's.
 */
export function pageBodyLimit(max = MAX_PAGE_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const declared = req.get("content-length");
    if (declared === undefined && req.get("transfer-encoding")) {
      res.status(411).type("text/plain").send("Please send the form again (its length was missing).");
      return;
    }
    if (declared !== undefined && Number(declared) > max) {
      res.status(413).type("text/plain").send(`This form is too large: the limit is ${Math.round(max / 1024 / 1024)} MB in total.`);
      return;
    }
    next();
  };
}

/** Request id, per-request logger, and one log line plus metrics when the response ends. */
export function requestContext(deps: Pick<AppDeps, "logger" | "metrics">): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.get("x-request-id");
    const id = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const state = new RequestStateImpl(id, deps.logger);
    res.locals.vn = state;
    res.setHeader("X-Request-Id", id);
    res.on("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      const tenant = state.tenant?.slug ?? null;
      deps.metrics.observe(state.app, req.method, res.statusCode, seconds, tenant);
      deps.logger.info(
        { reqId: id, tenant, app: state.app, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) },
        "request",
      );
    });
    next();
  };
}

/** Request state whose child logger (bound to request id and tenant) is made on first use. */
class RequestStateImpl implements RequestState {
  host: string | null = null;
  app: RequestState["app"] = "system";
  tenant: RoutedTenant | null = null;
  locale: Locale = "en";
  auth: AuthRequestState | null = null;
  cookies: Record<string, string> | null = null;
  private child: Logger | null = null;

  constructor(
    readonly id: string,
    private readonly root: Logger,
  ) {}

  get log(): Logger {
    this.child ??= this.root.child({ reqId: this.id, tenant: this.tenant?.slug ?? null });
    return this.child;
  }
}

/**
 * The tenant router: Host -> tenant, before anything tenant-specific runs. The platform
 * host gets the console; an unknown host a 404 that names no tenant; a suspended tenant
 * a 503 in its own theme.
 */
export function tenantRouter(deps: Pick<AppDeps, "platformHost" | "resolver" | "themes" | "catalogues">): RequestHandler {
  return (req, res, next) => {
    const state = requestState(res);
    const host = normaliseHost(req.get("host"));
    state.host = host;
    const cookieHeader = req.get("cookie");
    state.cookies = cookieHeader ? parseCookies(cookieHeader) : {};
    const localeCookie = state.cookies[LOCALE_COOKIE];

    const rememberLocale = () => {
      if (typeof req.query.lang === "string" && req.query.lang === state.locale) {
        // A preference, not server state: remembered on this host only.
        res.cookie(LOCALE_COOKIE, state.locale, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 * 1000, secure: req.secure });
      }
    };

    // Runs synchronously on a cache hit: routing adds no await to the hot path.
    const route = (tenant: RoutedTenant | null) => {
      state.locale = pickLocale({ query: req.query.lang, cookie: localeCookie, tenantDefault: tenant?.defaultLocale });
      state.app = appForPath(req.path);
      if (!tenant || tenant.status === "provisioning") {
        res.status(404).set("Cache-Control", "no-store");
        if (wantsJson(req)) res.json({ error: { code: "not_found", message: "Not found" } });
        else res.type("html").send(unknownHostPage(deps.catalogues[state.locale], state.locale));
        return;
      }
      state.tenant = tenant;
      if (tenant.status === "suspended") {
        res.status(503).set({ "Retry-After": "3600", "Cache-Control": "no-store" });
        if (wantsJson(req)) res.json({ error: { code: "unavailable", message: "This site is temporarily unavailable." } });
        else {
          const theme = deps.themes.view(tenant.theme, tenant.themeOverrides);
          res.type("html").send(suspendedPage({ tenantName: tenant.name, theme, messages: deps.catalogues[state.locale], locale: state.locale }));
        }
        return;
      }
      rememberLocale();
      next();
    };

    if (host && host === deps.platformHost) {
      state.app = "console";
      state.locale = pickLocale({ query: req.query.lang, cookie: localeCookie });
      rememberLocale();
      next();
      return;
    }
    if (!host) return route(null);
    const cached = deps.resolver.peek?.(host);
    if (cached !== undefined) return route(cached);
    deps.resolver.resolve(host).then(route).catch(next);
  };
}

/**
 * Sessions and CSRF for every routed request: resolves the session cookie inside the
 * tenant's unit of work (a cookie from another tenant finds nothing: sessions live in
 * each tenant's own schema), issues the signed CSRF cookie, and refuses cross-origin
 * mutations and cookie-authenticated API mutations without the CSRF header.
 */
export function sessionAndCsrf(deps: Pick<AppDeps, "identity" | "secret" | "platformAdmins">): RequestHandler {
  return async (req, res, next) => {
    try {
      const state = requestState(res);
      const host = state.host as string;
      const secure = req.secure;
      const cookies = state.cookies ?? parseCookies(req.get("cookie"));
      const secret = await deps.secret();
      // Issued only when a page asks for it (forms), never on asset responses: a late
      // asset response must not replace the token a rendered form already carries.
      let csrfToken: string | null = null;
      const currentCsrf = () => {
        if (csrfToken) return csrfToken;
        const fromCookie = cookies[CSRF_COOKIE];
        if (fromCookie && csrfTokenValid(secret, host, fromCookie)) csrfToken = fromCookie;
        else {
          csrfToken = issueCsrfToken(secret, host);
          if (!res.headersSent) res.append("Set-Cookie", serializeCookie(CSRF_COOKIE, csrfToken, { secure }));
        }
        return csrfToken;
      };
      const t = state.tenant;
      const tenantRef = t ? { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name } : null;
      // Static files need no session: skip the lookup (a query per asset otherwise).
      const isAsset = /\/assets\//.test(req.path) || /\.(js|css|svg|png|ico|webp|woff2?|map|txt)$/.test(req.path);
      const token = isAsset ? null : (cookies[sessionCookieName(secure)] ?? null);
      const session = token && tenantRef && deps.identity ? await deps.identity.resolveSession(tenantRef, token) : null;
      const platformSession = token && !tenantRef && deps.platformAdmins ? await deps.platformAdmins.resolveSession(token) : null;
      const live = Boolean(session ?? platformSession);
      if (token && !live) res.append("Set-Cookie", serializeCookie(sessionCookieName(secure), "", { maxAgeSeconds: 0, secure }));
      state.auth = {
        tenant: tenantRef,
        primaryHost: t?.primaryHost ?? null,
        token: live ? token : null,
        session,
        platformSession,
        ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
        secure,
        host,
        get csrfToken() {
          return currentCsrf();
        },
        secret,
      };

      if (!SAFE_METHODS.has(req.method)) {
        const origin = req.get("origin");
        let sameOrigin = true;
        if (origin !== undefined) {
          try {
            sameOrigin = new URL(origin).host.toLowerCase() === (req.get("host") ?? "").toLowerCase();
          } catch {
            sameOrigin = false;
          }
        }
        const apiWithCookie = req.path.startsWith("/api/") && Boolean(cookies[sessionCookieName(secure)]);
        const headerOk = csrfCheck({ secret, host, cookie: cookies[CSRF_COOKIE], submitted: req.get(CSRF_HEADER) });
        if (!sameOrigin || (apiWithCookie && !headerOk)) {
          res.status(403);
          if (wantsJson(req)) res.json({ error: { code: "forbidden", message: "Cross-site request refused." } });
          else res.type("text/plain").send("Cross-site request refused.");
          return;
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * Composes the HTTP edge: request ids and logs, health and metrics, the tenant router,
 * locale choice, the API and the Remix apps, and one error converter.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  if (deps.trustProxy) app.set("trust proxy", /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy);
  app.set("etag", false);

  app.use(requestContext(deps));
  // Most patients are on a phone over a slow network: pages and JSON go out compressed.
  app.use(compression({ threshold: 1024 }));

  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    const checks = await deps.readiness();
    const ok = Object.values(checks).every((v) => v === "ok");
    res
      .set("Cache-Control", "no-store")
      .status(ok ? 200 : 503)
      .json({ status: ok ? "ok" : "unavailable", checks });
  });

  app.get("/metrics", async (req, res) => {
    const host = normaliseHost(req.get("host"));
    const token = deps.metricsToken;
    const authorised = host === deps.platformHost || (token !== undefined && req.get("authorization") === `Bearer ${token}`);
    if (!authorised) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const { contentType, body } = await deps.metrics.render();
    res.set("Cache-Control", "no-store").type(contentType).send(body);
  });

  app.use(
    "/_theme",
    express.static(deps.themes.dir, { index: false, redirect: false, dotfiles: "deny", fallthrough: false, maxAge: "1h" })
  );

  app.use(tenantRouter(deps));
  app.use(sessionAndCsrf(deps));

  const api = express.Router();
  api.use(apiAuth({ apiTokens: deps.apiTokens }));
  api.get("/api/v1/tenant", tenantInfo);
  if (deps.apiTokens) api.use(createApiRouter({ apiTokens: deps.apiTokens }));
  const discoveryServices = deps.discoveryServices;
  if (discoveryServices) {
    api.use(
      createDoctorsApiRouter({
        discovery: (res) => {
          const t = requestState(res).tenant;
          if (!t) throw new DomainError("not_found", "Not found");
          return discoveryServices(linkedTenant(t));
        },
      }),
    );
  }
  const { schedulingServices, appointmentServices } = deps;
  if (schedulingServices && appointmentServices) {
    api.use(
      createAppointmentsApiRouter({
        scheduling: schedulingServices,
        appointments: appointmentServices,
        queueEvents: deps.queueEvents ?? null,
        doctorIdBySlug: async (tenant, slug) => {
          if (!discoveryServices) throw new DomainError("not_found", "No such doctor.");
          return (await discoveryServices(tenant).getDoctor(slug)).id;
        },
      }),
    );
  }
  api.all("/api/*", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "Not found" } });
  });
  app.use((req, res, next) => (requestState(res).tenant ? api(req, res, next) : next()));

  if (deps.ssoRouter) app.use(deps.ssoRouter);

  app.use(pageBodyLimit());

  if (deps.remix) {
    const tenantApps = express.Router();
    mountRemix(tenantApps, deps.remix.doctor, deps);
    mountRemix(tenantApps, deps.remix.admin, deps);
    mountRemix(tenantApps, deps.remix.patient, deps);
    const platformApps = express.Router();
    mountRemix(platformApps, deps.remix.console, deps);
    app.use((req, res, next) => (requestState(res).tenant ? tenantApps(req, res, next) : platformApps(req, res, next)));
  }

  app.use((req, res) => {
    if (wantsJson(req)) res.status(404).json({ error: { code: "not_found", message: "Not found" } });
    else res.status(404).type("text/plain").send("Not found");
  });

  app.use(((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const state = requestState(res);
    if (isDomainError(err) && err.status < 500) {
      res.status(err.status).json(err.toJSON());
      return;
    }
    state.log.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, "unhandled error");
    if (res.headersSent) return;
    if (wantsJson(req)) res.status(500).json({ error: { code: "internal", message: "Something went wrong." } });
    else res.status(500).type("text/plain").send("Something went wrong.");
  }) as express.ErrorRequestHandler);

  return app;
}

/** A trivial tenant-routed endpoint: the public facts about the tenant of this host. */
export const tenantInfo: RequestHandler = (_req, res) => {
  const t = requestState(res).tenant;
  if (!t) {
    res.status(404).json({ error: { code: "not_found", message: "Not found" } });
    return;
  }
  res
    .set("Cache-Control", "no-store")
    .json({ slug: t.slug, name: t.name, kind: t.kind, defaultLocale: t.defaultLocale, timeZone: t.timeZone });
};
