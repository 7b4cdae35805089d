// Booking endpoints: a published doctor's open slots (public), booking with an
// idempotency key, the patient's appointments, cancel / reschedule / state transitions,
// and the doctor's queue for staff. Thin: authenticate, read the request, call one
// service, shape the answer; rules and abilities live in the services.
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import type { Actor, Role } from "../access/index.js";
import type { AppointmentServices, AppointmentStatus, OpenSlot, SchedulingServices, SchedulingTenant } from "../appointments/contract.js";
import type { QueueEvents } from "../appointments/queue-events.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { requestState } from "../http/index.js";
import { actorFor } from "../identity/identity-service.js";
import { isKnownTimeZone, parseLocalDate, resolveLocalTime } from "../scheduling/index.js";
// Not in the scheduling index yet (that file is being reworked); see patient-zone.ts.
import { withPatientLocal } from "../scheduling/patient-zone.js";

export { withPatientLocal };
import { findApiPrincipal, requireApiUser } from "./api-router.js";

const BODY_LIMIT = "16kb";
const CLOSE_BRACE = Buffer.from("}");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Visible ASCII, as RFC 9110 field values allow; long enough for a UUID or a hash. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** The slot window a patient may ask for at once (the scheduling service's own limit). */
export const MAX_SLOT_DAYS = 31;
const TRANSITION_TARGETS: readonly AppointmentStatus[] = ["checked_in", "in_consultation", "completed", "no_show"];

export interface AppointmentsApiDeps {
  scheduling: Pick<SchedulingServices, "openSlots"> & {
    /** `openSlots` as JSON text, when the service can serve it pre-serialised (the scheduling domain's does). */
    openSlotsJson?(tenant: SchedulingTenant, q: Parameters<SchedulingServices["openSlots"]>[1]): Promise<Buffer>;
    /** Fills the slot cache for the tenant's published doctors in the background (throttled); answers their slugs and ids. */
    warmSlots?(tenant: SchedulingTenant): Promise<{ slug: string; id: string }[]>;
  };
  appointments: AppointmentServices;
  /** The id of this tenant's published doctor with `slug`; `not_found` otherwise. */
  doctorIdBySlug(tenant: SchedulingTenant, slug: string): Promise<string>;
  /** How long a slug's id is remembered in this process (default 30 s; 0 turns it off). */
  slugCacheMs?: number;
  /** Changes to a tenant's appointments, from every process (for the live queue stream). */
  queueEvents?: Pick<QueueEvents, "subscribe"> | null;
  /** Keep-alive comment interval of the live queue stream (default 25 s). */
  heartbeatMs?: number;
}

/**
 * Remembers slug -> provider id per tenant for `ttlMs`. Safe because it only names the
 * doctor: the slot and booking services check that the doctor is still published on every
 * call, so a doctor unpublished meanwhile is still `not_found`; only a renamed slug keeps
 * answering for up to `ttlMs`. Saves a transaction per slots request.
 */
export function cachedDoctorIds(
  resolve: AppointmentsApiDeps["doctorIdBySlug"],
  ttlMs: number,
  maxEntries = 20_000,
): AppointmentsApiDeps["doctorIdBySlug"] & { seed(tenant: SchedulingTenant, doctors: { slug: string; id: string }[]): void; knows(tenant: SchedulingTenant, slug: string): boolean } {
  const cache = new Map<string, { id: string; until: number }>();
  /** Remembers published doctors read elsewhere (the slot cache's warm-up) as if looked up now. */
  const seed = (tenant: SchedulingTenant, doctors: { slug: string; id: string }[]): void => {
    if (ttlMs <= 0) return;
    const until = Date.now() + ttlMs;
    for (const d of doctors) {
      if (cache.size >= maxEntries) break;
      cache.set(`${tenant.id}/${d.slug}`, { id: d.id, until });
    }
  };
  const knows = (tenant: SchedulingTenant, slug: string): boolean => (cache.get(`${tenant.id}/${slug}`)?.until ?? 0) > Date.now();
  if (ttlMs <= 0) return Object.assign((tenant: SchedulingTenant, slug: string) => resolve(tenant, slug), { seed, knows });
  const lookup = async (tenant: SchedulingTenant, slug: string): Promise<string> => {
    const key = `${tenant.id}/${slug}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.id;
    const id = await resolve(tenant, slug);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, { id, until: now + ttlMs });
    return id;
  };
  return Object.assign(lookup, { seed, knows });
}

/** An open slot as the API answers it: `patientLocal` only when the request named a `zone`. */
export type OpenSlotResponse = OpenSlot & { patientLocal?: { date: string; start: string; end: string; timeZone: string } };

function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

function tenantOf(res: Response): SchedulingTenant {
  const t = requestState(res).tenant;
  if (!t) throw new NotFoundError();
  return { id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name, kind: t.kind, primaryHost: t.primaryHost };
}

/**
 * The actor of a signed-in API request: its bearer token's user, else the browser
 * session's (past any second factor); `unauthenticated` when there is none.
 */
export function requireApiActor(res: Response, tenant: SchedulingTenant): Actor {
  const user = requireApiUser(res);
  const principal = findApiPrincipal(res);
  if (principal) {
    return {
      userId: user.id,
      tenantId: tenant.id,
      kind: user.kind,
      roles: principal.access.roles.map((r) => r.role as Role),
      providerId: principal.access.providerId,
      clinicIds: [...new Set(principal.access.roles.flatMap((r) => r.clinicIds))],
    };
  }
  // requireApiUser returned, so the session exists and owes no second factor.
  return actorFor(tenant.id, requestState(res).auth!.session!.user);
}

/** The query string's single values (a repeated key keeps its first value), like the search API. */
function queryParams(req: Request): URLSearchParams {
  const i = req.originalUrl.indexOf("?");
  return new URLSearchParams(i >= 0 ? req.originalUrl.slice(i + 1) : "");
}

function bodyObject(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (b === undefined || b === null || (typeof b === "object" && !Array.isArray(b) && Object.keys(b as object).length === 0)) return {};
  if (typeof b !== "object" || Array.isArray(b)) throw new ValidationError("Send a JSON object.", [{ field: "body", message: "Send a JSON object." }]);
  return b as Record<string, unknown>;
}

/** An appointment id from the path; anything that is not one cannot exist. */
function appointmentId(req: Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new NotFoundError("No such appointment.");
  return id;
}

function noStore(res: Response): Response {
  return res.set("Cache-Control", "no-store");
}

/** `from` (a date in the tenant's zone), `days`, `clinic` and the display `zone` of a slots request. */
function parseSlotQuery(params: URLSearchParams, tenantZone: string): { from?: Date; fromDate: string | null; days: number; clinicId: string | null; zone: string | null } {
  const problems: { field: string; message: string }[] = [];
  const fromRaw = params.get("from");
  let from: Date | undefined;
  if (fromRaw !== null) {
    if (!DATE.test(fromRaw) || parseLocalDate(fromRaw) === null) problems.push({ field: "from", message: "Use a date like 2026-12-01." });
    // A zone whose clocks skip midnight on that day starts it at 01:00.
    else from = resolveLocalTime(tenantZone, fromRaw, "00:00")[0] ?? resolveLocalTime(tenantZone, fromRaw, "01:00")[0];
  }
  const daysRaw = params.get("days");
  const days = daysRaw === null ? 14 : Number(daysRaw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SLOT_DAYS) problems.push({ field: "days", message: `Use a whole number from 1 to ${MAX_SLOT_DAYS}.` });
  const clinicId = params.get("clinic");
  if (clinicId !== null && !UUID.test(clinicId)) problems.push({ field: "clinic", message: "Use a clinic id from the doctor's profile." });
  const zone = params.get("zone");
  if (zone !== null && !isKnownTimeZone(zone)) problems.push({ field: "zone", message: "Use an IANA time zone such as Asia/Kolkata." });
  if (problems.length) throw new ValidationError("Please check the query parameters.", problems);
  return { from, fromDate: fromRaw, days, clinicId, zone };
}

/** The booking and appointment endpoints; mount after `sessionAndCsrf` and `apiAuth` (see createApp). */
/** `doctor` (provider id, required), `clinic` and `date` of a queue request. */
function parseQueueQuery(params: URLSearchParams): { providerId: string; clinicId: string | null; date?: string } {
  const doctor = params.get("doctor");
  const clinic = params.get("clinic");
  const date = params.get("date");
  const problems: { field: string; message: string }[] = [];
  if (!doctor || !UUID.test(doctor)) problems.push({ field: "doctor", message: "Required: the doctor's provider id." });
  if (clinic !== null && !UUID.test(clinic)) problems.push({ field: "clinic", message: "Use a clinic id." });
  if (date !== null && (!DATE.test(date) || parseLocalDate(date) === null)) problems.push({ field: "date", message: "Use a date like 2026-12-01." });
  if (problems.length) throw new ValidationError("Please check the query parameters.", problems);
  return { providerId: doctor as string, clinicId: clinic, ...(date ? { date } : {}) };
}

export function createAppointmentsApiRouter(deps: AppointmentsApiDeps): Router {
  const router = express.Router();
  const body = express.json({ limit: BODY_LIMIT });
  const doctorIdBySlug = cachedDoctorIds(deps.doctorIdBySlug, deps.slugCacheMs ?? 30_000);

  router.get(
    "/api/v1/doctors/:slug/slots",
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const slug = String(req.params.slug);
      if (!SLUG.test(slug)) throw new NotFoundError("No such doctor.");
      const q = parseSlotQuery(queryParams(req), requestState(res).tenant!.timeZone);
      const scheduling = deps.scheduling;
      // A slug not seen yet: read the tenant's doctors in a few batches (throttled), so the
      // next random doctors are neither a cold slug lookup nor a cold slots read.
      if (scheduling.warmSlots && !doctorIdBySlug.knows(tenant, slug)) {
        scheduling.warmSlots(tenant).then(
          (doctors) => doctorIdBySlug.seed(tenant, doctors),
          () => undefined, // a failed warm-up only leaves the cache cold
        );
      }
      const providerId = await doctorIdBySlug(tenant, slug);
      if (q.zone === null && scheduling.openSlotsJson) {
        // The same answer as below, with the slots already serialised (a 14-day answer is ~100 KB).
        const items = await scheduling.openSlotsJson(tenant, { providerId, from: q.from, days: q.days, clinicId: q.clinicId });
        const head = JSON.stringify({ doctor: { id: providerId, slug }, from: q.fromDate, days: q.days, zone: null });
        noStore(res)
          .type("application/json")
          .send(Buffer.concat([Buffer.from(`${head.slice(0, -1)},"items":`), items, CLOSE_BRACE]));
        return;
      }
      const slots = await scheduling.openSlots(tenant, { providerId, from: q.from, days: q.days, clinicId: q.clinicId });
      noStore(res).json({
        doctor: { id: providerId, slug },
        from: q.fromDate,
        days: q.days,
        zone: q.zone,
        items: q.zone ? withPatientLocal(slots, q.zone) : slots,
      });
    }),
  );

  router.post(
    "/api/v1/appointments",
    body,
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const key = req.get(IDEMPOTENCY_HEADER);
      if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
        // 400, not 422: the request itself is malformed, whatever its body says.
        noStore(res)
          .status(400)
          .json({
            error: {
              code: "validation_failed",
              message: `Send an ${IDEMPOTENCY_HEADER} header (a new random value per booking, the same one on a retry).`,
              details: [{ field: IDEMPOTENCY_HEADER, message: "Required: 1 to 200 visible ASCII characters, e.g. a UUID." }],
            },
          });
        return;
      }
      const input = { ...bodyObject(req) };
      if (input.providerId === undefined && typeof input.doctorSlug === "string") {
        if (!SLUG.test(input.doctorSlug)) throw new ValidationError("Please check the highlighted fields.", [{ field: "doctorSlug", message: "No such doctor." }]);
        input.providerId = await doctorIdBySlug(tenant, input.doctorSlug).catch((err: unknown) => {
          throw err instanceof DomainError && err.code === "not_found" ? new ValidationError("Please check the highlighted fields.", [{ field: "doctorSlug", message: "No such doctor." }]) : err;
        });
      }
      delete input.doctorSlug;
      const { appointment, replayed } = await deps.appointments.book(tenant, actor, input, key);
      noStore(res).set("Location", `/api/v1/appointments/${appointment.id}`);
      if (replayed) res.set(REPLAYED_HEADER, "true");
      res.status(replayed ? 200 : 201).json(appointment);
    }),
  );

  router.get(
    "/api/v1/appointments",
    handle(async (_req, res) => {
      const tenant = tenantOf(res);
      noStore(res).json(await deps.appointments.listForPatient(tenant, requireApiActor(res, tenant)));
    }),
  );

  router.get(
    "/api/v1/appointments/:id",
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      noStore(res).json(await deps.appointments.get(tenant, actor, appointmentId(req)));
    }),
  );

  router.post(
    "/api/v1/appointments/:id/cancel",
    body,
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const id = appointmentId(req);
      const { reason } = bodyObject(req);
      if (reason !== undefined && reason !== null && (typeof reason !== "string" || reason.length > 500)) {
        throw new ValidationError("Please check the highlighted fields.", [{ field: "reason", message: "At most 500 characters." }]);
      }
      noStore(res).json(await deps.appointments.cancel(tenant, actor, id, (reason as string | null | undefined) ?? null));
    }),
  );

  router.post(
    "/api/v1/appointments/:id/reschedule",
    body,
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const id = appointmentId(req);
      noStore(res).json(await deps.appointments.reschedule(tenant, actor, id, bodyObject(req)));
    }),
  );

  router.post(
    "/api/v1/appointments/:id/transition",
    body,
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const id = appointmentId(req);
      const { to, note } = bodyObject(req);
      const problems: { field: string; message: string }[] = [];
      if (typeof to !== "string" || !TRANSITION_TARGETS.includes(to as AppointmentStatus)) problems.push({ field: "to", message: `One of ${TRANSITION_TARGETS.join(", ")}.` });
      if (note !== undefined && note !== null && (typeof note !== "string" || note.length > 500)) problems.push({ field: "note", message: "At most 500 characters." });
      if (problems.length) throw new ValidationError("Please check the highlighted fields.", problems);
      noStore(res).json(await deps.appointments.transition(tenant, actor, id, to as AppointmentStatus, (note as string | null | undefined) ?? null));
    }),
  );

  router.get(
    "/api/v1/queue",
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const items = await deps.appointments.queue(tenant, actor, parseQueueQuery(queryParams(req)));
      noStore(res).json({ items });
    }),
  );

  // The live queue: the same answer as GET /api/v1/queue, sent again as a server-sent
  // event within moments of any change to this tenant's appointments, made by any process
  // (Postgres NOTIFY through QueueEvents). The first event answers at once, so a client
  // never waits for a change to see the queue; a failed check (not signed in, not allowed)
  // is an ordinary JSON error before the stream starts.
  router.get(
    "/api/v1/queue/stream",
    handle(async (req, res) => {
      const tenant = tenantOf(res);
      const actor = requireApiActor(res, tenant);
      const q = parseQueueQuery(queryParams(req));
      const first = await deps.appointments.queue(tenant, actor, q);
      const events = deps.queueEvents;
      // `no-transform` keeps the compression middleware from buffering the stream.
      res.status(200).set({ "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" });
      res.flushHeaders();
      let seq = 0;
      const send = (items: unknown) => res.write(`id: ${++seq}\nevent: queue\ndata: ${JSON.stringify({ items })}\n\n`);
      send(first);
      let pending: NodeJS.Timeout | null = null;
      let running = false;
      let again = false;
      const refresh = async (): Promise<void> => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            send(await deps.appointments.queue(tenant, actor, q));
          } while (again);
        } catch (err) {
          // Rights can change mid-stream (signed out, role removed): end it rather than leak.
          res.write(`event: error\ndata: ${JSON.stringify({ code: (err as { code?: string }).code ?? "internal" })}\n\n`);
          res.end();
        } finally {
          running = false;
        }
      };
      // Several changes in one burst (a check-in writes more than one statement) make one refresh.
      const unsubscribe = events?.subscribe(tenant.schema, () => {
        pending ??= setTimeout(() => {
          pending = null;
          void refresh();
        }, 50);
      });
      const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), deps.heartbeatMs ?? 25_000);
      heartbeat.unref();
      res.on("close", () => {
        unsubscribe?.();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
      });
    }),
  );

  // Body-parser failures are the client's: answer them in the API's error shape, not as a 500.
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => {
    const type = (err as { type?: string } | null)?.type;
    if (type === "entity.parse.failed") return next(new ValidationError("The request body is not valid JSON.", [{ field: "body", message: "Send a JSON object." }]));
    if (type === "entity.too.large") return next(new ValidationError("The request body is too large.", [{ field: "body", message: `Send at most ${BODY_LIMIT}.` }]));
    next(err);
  });

  return router;
}
