import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import type { TenantRef } from "../identity/index.js";
import { createApp } from "../http/create-app.js";
import { composeAppDeps } from "../server/compose.js";
import { seedDoctors, setPublication } from "../search/test-fixtures.js";
import { createAppointmentsApiRouter } from "./appointments-api.js";
import { listRoutes } from "./api-router.js";
import { openApiDocument } from "./openapi.js";

let platform: Platform;
let app: ReturnType<typeof createApp>;
let a: Tenant;
let b: Tenant;
let ids: Record<string, string>;
let clinicId: string;
const host = (t: Tenant) => `${t.slug}.test`;
const ref = (t: Tenant): TenantRef => ({ id: t.id, slug: t.slug, schema: t.schema, role: t.role, cluster: t.cluster, name: t.name });

interface Slot {
  providerId: string;
  clinicId: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  localStart: string;
  remaining: number;
  patientLocal?: { date: string; start: string; end: string; timeZone: string };
}

/** Every day, 08:00-20:00 at the clinic, 30-minute slots of capacity 1, from yesterday on. */
async function publishRules(t: Tenant, providerId: string, clinic: string): Promise<void> {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await platform.withTenant(t, ({ db }) =>
    db("availability_rules").insert({ provider_id: providerId, clinic_id: clinic, weekdays: [1, 2, 3, 4, 5, 6, 7], start_time: "08:00", end_time: "20:00", slot_minutes: 30, capacity: 1, valid_from: yesterday }),
  );
}

async function account(t: Tenant, kind: "patient" | "staff", roles: { role: string; clinicIds?: string[] }[]): Promise<{ id: string; token: string }> {
  const email = `${randomSlug("u")}@example.com`;
  const password = "booking-password-1";
  const id = await platform.identity.createUser(ref(t), { kind, email, name: "Test Person", password, roles });
  const res = await request(app).post("/api/v1/auth/token").set("Host", host(t)).send({ grant_type: "password", audience: kind, email, password });
  expect(res.status).toBe(200);
  return { id, token: res.body.access_token as string };
}

async function slotsOf(slug: string, query = ""): Promise<Slot[]> {
  const res = await request(app).get(`/api/v1/doctors/${slug}/slots${query}`).set("Host", host(a));
  expect(res.status).toBe(200);
  return res.body.items as Slot[];
}

function book(token: string, body: Record<string, unknown>, key: string | null = randomUUID()) {
  const r = request(app).post("/api/v1/appointments").set("Host", host(a)).set("Authorization", `Bearer ${token}`);
  if (key !== null) r.set("Idempotency-Key", key);
  return r.send(body);
}

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  a = await createTestTenant(provisioning);
  b = await createTestTenant(provisioning);
  ids = await seedDoctors(platform, a, [
    { slug: "asha-rao", name: "Asha Rao", specialties: ["cardiology"], clinics: ["indiranagar"] },
    { slug: "vikram-shah", name: "Vikram Shah", specialties: ["cardiology"], clinics: ["indiranagar"] },
    { slug: "hidden-doc", name: "Hidden Doc", specialties: ["cardiology"], clinics: ["indiranagar"], published: false },
    { slug: "leaving-doc", name: "Leaving Doc", specialties: ["cardiology"], clinics: ["indiranagar"] },
  ]);
  const other = await seedDoctors(platform, b, [{ slug: "zara-khan", name: "Zara Khan", specialties: ["cardiology"], clinics: ["andheri"] }]);
  clinicId = await platform.withTenant(a, async ({ db }) => ((await db("clinics").where({ slug: "indiranagar" }).first("id")) as { id: string }).id);
  const otherClinic = await platform.withTenant(b, async ({ db }) => ((await db("clinics").where({ slug: "andheri" }).first("id")) as { id: string }).id);
  for (const slug of ["asha-rao", "vikram-shah", "hidden-doc", "leaving-doc"]) await publishRules(a, ids[slug] as string, clinicId);
  await publishRules(b, other["zara-khan"] as string, otherClinic);
  app = createApp({ ...composeAppDeps(platform, provisioning, { platformHost: "platform.test" }), readiness: async () => ({ database: "ok" }) });
});

afterAll(async () => {
  await platform?.close();
});

describe("GET /api/v1/doctors/{slug}/slots", () => {
  it("lists a published doctor's open slots for 14 days, without signing in", async () => {
    const res = await request(app).get("/api/v1/doctors/asha-rao/slots").set("Host", host(a));
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body.doctor).toEqual({ id: ids["asha-rao"], slug: "asha-rao" });
    const items = res.body.items as Slot[];
    expect(items.length).toBeGreaterThan(14 * 10);
    const now = Date.now();
    for (const s of items) {
      expect(s).toMatchObject({ providerId: ids["asha-rao"], clinicId, timeZone: "Asia/Kolkata" });
      expect(Date.parse(s.startsAt)).toBeGreaterThan(now);
      expect(Date.parse(s.startsAt)).toBeLessThan(now + 15 * 86_400_000);
      expect(s.localStart >= "08:00" && s.localStart < "20:00").toBe(true);
      expect(s.patientLocal).toBeUndefined();
    }
  });

  it("adds the patient's clock for `zone` without changing which slots exist", async () => {
    const plain = await slotsOf("asha-rao", "?days=3");
    const zoned = await slotsOf("asha-rao", "?days=3&zone=America/New_York");
    expect(zoned.map((s) => s.startsAt)).toEqual(plain.map((s) => s.startsAt));
    const first = zoned[0] as Slot;
    const wall = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(first.startsAt));
    expect(`${first.patientLocal?.date}, ${first.patientLocal?.start}`).toBe(wall);
    expect(first.patientLocal?.timeZone).toBe("America/New_York");
  });

  it("starts at `from` and covers `days` days", async () => {
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const items = await slotsOf("asha-rao", `?from=${from}&days=2`);
    expect(new Set(items.map((s) => s.localDate))).toEqual(new Set([from, new Date(Date.parse(from) + 86_400_000).toISOString().slice(0, 10)]));
  });

  it("answers 404 for an unpublished doctor and for another tenant's doctor", async () => {
    for (const slug of ["hidden-doc", "zara-khan", "nobody"]) {
      const res = await request(app).get(`/api/v1/doctors/${slug}/slots`).set("Host", host(a));
      expect(res.status, slug).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await request(app).get("/api/v1/doctors/zara-khan/slots").set("Host", host(b))).status).toBe(200);
  });

  it("answers 404 as soon as a doctor is unpublished, although their slug was just looked up", async () => {
    expect((await slotsOf("leaving-doc")).length).toBeGreaterThan(0);
    await setPublication(platform, a, ids["leaving-doc"] as string, { published: false });
    const res = await request(app).get("/api/v1/doctors/leaving-doc/slots").set("Host", host(a));
    expect(res.status).toBe(404);
  });

  it("refuses bad parameters with validation_failed per field", async () => {
    const res = await request(app).get("/api/v1/doctors/asha-rao/slots?days=99&zone=Mars/Olympus&from=tomorrow").set("Host", host(a));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["days", "from", "zone"]);
  });
});

describe("POST /api/v1/appointments", () => {
  it("needs a signed-in user", async () => {
    const [slot] = await slotsOf("asha-rao");
    const res = await request(app).post("/api/v1/appointments").set("Host", host(a)).set("Idempotency-Key", randomUUID()).send({ providerId: ids["asha-rao"], clinicId, startsAt: slot?.startsAt, reason: "Check-up" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
  });

  it("needs an Idempotency-Key header (400 validation_failed)", async () => {
    const p = await account(a, "patient", [{ role: "patient" }]);
    const [slot] = await slotsOf("asha-rao");
    const res = await book(p.token, { providerId: ids["asha-rao"], clinicId, startsAt: slot?.startsAt, reason: "Check-up" }, null);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", details: [{ field: "Idempotency-Key" }] });
    const after = await slotsOf("asha-rao");
    expect(after.map((s) => s.startsAt)).toContain(slot?.startsAt);
  });

  it("books once per Idempotency-Key: a replay answers the same appointment", async () => {
    const p = await account(a, "patient", [{ role: "patient" }]);
    const slot = (await slotsOf("asha-rao"))[2] as Slot;
    const key = randomUUID();
    const body = { doctorSlug: "asha-rao", clinicId, startsAt: slot.startsAt, reason: "Chest pain" };
    const first = await book(p.token, body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ providerId: ids["asha-rao"], clinicId, patientId: p.id, startsAt: slot.startsAt, status: "booked", visitor: { kind: "self", id: p.id } });
    expect(first.headers.location).toBe(`/api/v1/appointments/${first.body.id}`);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await book(p.token, body, key);
    expect(again.status).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    const mine = await request(app).get("/api/v1/appointments").set("Host", host(a)).set("Authorization", `Bearer ${p.token}`);
    expect(mine.status).toBe(200);
    expect(mine.body.upcoming.map((x: { id: string }) => x.id)).toEqual([first.body.id]);
    expect((await slotsOf("asha-rao")).map((s) => s.startsAt)).not.toContain(slot.startsAt);
  });

  it("answers 409 slot_taken with the next open slots when someone got there first", async () => {
    const p1 = await account(a, "patient", [{ role: "patient" }]);
    const p2 = await account(a, "patient", [{ role: "patient" }]);
    const slot = (await slotsOf("vikram-shah"))[5] as Slot;
    const body = { providerId: ids["vikram-shah"], clinicId, startsAt: slot.startsAt, reason: "Follow-up" };
    expect((await book(p1.token, body)).status).toBe(201);
    const res = await book(p2.token, body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("slot_taken");
    const next = res.body.error.details.nextSlots as Slot[];
    expect(next.length).toBeGreaterThan(0);
    expect(next.map((s) => s.startsAt)).not.toContain(slot.startsAt);
    for (const s of next) expect(s.providerId).toBe(ids["vikram-shah"]);
  });
});

describe("appointments of a patient", () => {
  let owner: { id: string; token: string };
  let stranger: { id: string; token: string };
  let desk: { id: string; token: string };
  let appointmentId: string;

  beforeAll(async () => {
    owner = await account(a, "patient", [{ role: "patient" }]);
    stranger = await account(a, "patient", [{ role: "patient" }]);
    desk = await account(a, "staff", [{ role: "front_desk", clinicIds: [clinicId] }]);
    const slot = (await slotsOf("vikram-shah"))[10] as Slot;
    const res = await book(owner.token, { providerId: ids["vikram-shah"], clinicId, startsAt: slot.startsAt, reason: "Palpitations" });
    expect(res.status).toBe(201);
    appointmentId = res.body.id as string;
  });

  const get = (token: string, path: string) => request(app).get(path).set("Host", host(a)).set("Authorization", `Bearer ${token}`);
  const post = (token: string, path: string, body: Record<string, unknown> = {}) => request(app).post(path).set("Host", host(a)).set("Authorization", `Bearer ${token}`).send(body);

  it("lets the patient read their appointment, and answers 404 to another patient", async () => {
    const mine = await get(owner.token, `/api/v1/appointments/${appointmentId}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: appointmentId, reason: "Palpitations" });
    const theirs = await get(stranger.token, `/api/v1/appointments/${appointmentId}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("not_found");
    expect(JSON.stringify(theirs.body)).not.toContain("Palpitations");
    expect((await get(owner.token, "/api/v1/appointments/not-a-uuid")).status).toBe(404);
    expect((await post(stranger.token, `/api/v1/appointments/${appointmentId}/cancel`)).status).toBe(404);
  });

  it("refuses a patient moving their appointment through the clinic day", async () => {
    const res = await post(owner.token, `/api/v1/appointments/${appointmentId}/transition`, { to: "checked_in" });
    expect([403, 404]).toContain(res.status);
    expect((await get(owner.token, `/api/v1/appointments/${appointmentId}`)).body.status).toBe("booked");
  });

  it("lets the front desk check the patient in, see the queue, and rejects an invalid move", async () => {
    const bad = await post(desk.token, `/api/v1/appointments/${appointmentId}/transition`, { to: "finished" });
    expect(bad.status).toBe(422);
    const skip = await post(desk.token, `/api/v1/appointments/${appointmentId}/transition`, { to: "completed" });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("conflict");
    const res = await post(desk.token, `/api/v1/appointments/${appointmentId}/transition`, { to: "checked_in" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("checked_in");
    const appointment = res.body as { startsAt: string; timeZone: string };
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: appointment.timeZone }).format(new Date(appointment.startsAt));
    const queue = await get(desk.token, `/api/v1/queue?doctor=${ids["vikram-shah"]}&clinic=${clinicId}&date=${date}`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(appointmentId);
    expect((await get(owner.token, `/api/v1/queue?doctor=${ids["vikram-shah"]}&date=${date}`)).status).toBeGreaterThanOrEqual(403);
  });

  it("streams the doctor's queue to the front desk, again within moments of a change made elsewhere", async () => {
    await platform.queueEvents.listen(process.env.VISITNOW_TEST_DATABASE_URL as string);
    const appointment = (await get(desk.token, `/api/v1/appointments/${appointmentId}`)).body as { startsAt: string; timeZone: string };
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: appointment.timeZone }).format(new Date(appointment.startsAt));
    const path = `/api/v1/queue/stream?doctor=${ids["vikram-shah"]}&clinic=${clinicId}&date=${date}`;
    expect((await get(owner.token, path)).status).toBeGreaterThanOrEqual(403);

    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const events: { status: string }[][] = [];
    let waiters: (() => void)[] = [];
    const req = http.get(
      { host: "127.0.0.1", port: (server.address() as AddressInfo).port, path, headers: { host: host(a), authorization: `Bearer ${desk.token}`, accept: "text/event-stream" } },
      (res) => {
        expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
        let buf = "";
        res.on("data", (chunk: Buffer) => {
          buf += chunk.toString();
          for (let end = buf.indexOf("\n\n"); end >= 0; end = buf.indexOf("\n\n")) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const data = block.split("\n").find((l) => l.startsWith("data: "));
            if (block.includes("event: queue") && data) events.push((JSON.parse(data.slice(6)) as { items: { id: string; status: string }[] }).items.filter((x) => x.id === appointmentId));
            waiters.forEach((w) => w());
            waiters = [];
          }
        });
      },
    );
    const nextEvent = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no queue event ${count} within 3 s`)), 3000);
        const check = () => (events.length >= count ? (clearTimeout(timer), resolve()) : waiters.push(check));
        check();
      });
    try {
      await nextEvent(1);
      expect(events[0]?.[0]?.status).toBe("checked_in");
      // A change made through the API (any process): the stream sends the new queue.
      expect((await post(desk.token, `/api/v1/appointments/${appointmentId}/transition`, { to: "in_consultation" })).status).toBe(200);
      await nextEvent(2);
      expect(events.at(-1)?.[0]?.status).toBe("in_consultation");
    } finally {
      req.destroy();
      server.close();
    }
  });

  it("lets a patient cancel their own booking, which frees the slot", async () => {
    const slot = (await slotsOf("asha-rao"))[20] as Slot;
    const booked = await book(stranger.token, { providerId: ids["asha-rao"], clinicId, startsAt: slot.startsAt, reason: "Rash" });
    expect(booked.status).toBe(201);
    const res = await post(stranger.token, `/api/v1/appointments/${booked.body.id}/cancel`, { reason: "Feeling better" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "cancelled", cancelledBy: "patient" });
    expect((await slotsOf("asha-rao")).map((s) => s.startsAt)).toContain(slot.startsAt);
  });

  it("refuses a cookie-session mutation without the CSRF header", async () => {
    const res = await request(app)
      .post("/api/v1/appointments")
      .set("Host", host(a))
      .set("Cookie", "vn_session=whatever")
      .set("Idempotency-Key", randomUUID())
      .send({ providerId: ids["asha-rao"], clinicId, startsAt: new Date().toISOString(), reason: "x" });
    expect(res.status).toBe(403);
  });
});

describe("OpenAPI", () => {
  it("documents every route the booking router serves, with the Idempotency-Key header", () => {
    const unused = () => {
      throw new Error("unused");
    };
    const routes = listRoutes(createAppointmentsApiRouter({ scheduling: { openSlots: unused }, appointments: {} as never, doctorIdBySlug: unused })).map((r) => r.replace(/:(\w+)/g, "{$1}"));
    expect(routes).toHaveLength(9);
    for (const r of routes) {
      const [method, path] = r.split(" ") as [string, string];
      expect(openApiDocument.paths[path]?.[method.toLowerCase() as "get"], `${r} is not in openapi.ts`).toBeDefined();
    }
    const bookOp = openApiDocument.paths["/api/v1/appointments"]?.post;
    expect(bookOp?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true })]));
    expect(Object.keys(bookOp?.responses ?? {})).toEqual(expect.arrayContaining(["200", "201", "400", "401", "409"]));
    expect(openApiDocument.paths["/api/v1/doctors/{slug}/slots"]?.get?.security).toEqual([]);
  });
});
