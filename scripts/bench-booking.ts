// `npm run bench:booking -- --seconds 15`: seeds one tenant with 2,000 doctors and 60 days
// of weekly availability on a throwaway database, signs in a few hundred patients for
// bearer tokens, and loads the booking API with 50 concurrent keep-alive clients:
//   (a) GET /api/v1/doctors/{slug}/slots?days=14 for random doctors (goal p95 <= 20 ms);
//   (b) POST /api/v1/appointments on distinct slots (goal >= 300 bookings/s);
//   (c) 100 rounds of 50 simultaneous bookings of one fresh slot of capacity 1 (exactly one
//       success per round, the rest 409 slot_taken, zero 5xx).
// Prints figures; asserts nothing.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createApp, createLogger, createPlatform, loadConfig, type Platform } from "@visitnow/platform";
import { createProvisioningService, generateDirectorySeed } from "@visitnow/provisioning";
import { composeAppDeps } from "../platform/src/server/compose.js";
import { formatLocalDate, isoWeekday, resolveLocalTime, scheduleCache } from "../platform/src/scheduling/index.js";
import { createTestDatabase, dropTestDatabase } from "./test-db.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "50" },
    doctors: { type: "string", default: "2000" },
    clinics: { type: "string", default: "40" },
    patients: { type: "string", default: "300" },
    rounds: { type: "string", default: "100" },
    pool: { type: "string", default: "10" },
    database: { type: "string" },
    keep: { type: "boolean", default: false },
    serve: { type: "string" },
    /** The slots window of (a), in days. */
    days: { type: "string", default: "14" },
    /** Also load `/api/v1/tenant` (no database) for the same time: the HTTP stack's own ceiling here. */
    baseline: { type: "boolean", default: false },
    /** Write a V8 CPU profile of the server process into this directory. */
    profile: { type: "string" },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const DOCTORS = Number(values.doctors);
const CLINICS = Number(values.clinics);
const PATIENTS = Math.max(Number(values.patients), CONCURRENCY);
const ROUNDS = Number(values.rounds);
const POOL = Number(values.pool);
const SLUG = "bench-booking";
const HOST = "bench-booking.localhost";
/** Doctors kept out of (b) so that (c) always finds fresh, untouched slots. */
const CONTENTION_DOCTORS = Math.min(100, Math.floor(DOCTORS / 10));
const RULE_DAYS = 60;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const say = (s: string) => process.stdout.write(`${s}\n`);
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

async function makePlatform(url: string): Promise<Platform> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent", DIRECTORY_SWEEP_MS: "0", NODE_ENV: "production" });
  return createPlatform(config, { logger: createLogger({ level: "silent" }), poolMax: POOL, database: { url, source: "DATABASE_URL", stop: async () => undefined } });
}

interface Doctor {
  id: string;
  slug: string;
  clinicId: string;
  timeZone: string;
  capacity: number;
}

/** Two weekly rules per doctor at their first clinic: Mon-Sat 09:00-13:00 and 17:00-20:00, 15-minute slots, for 60 days. */
async function seedRules(platform: Platform, tenant: Parameters<Platform["withTenant"]>[0]): Promise<Doctor[]> {
  return platform.withTenant(tenant, async ({ db }) => {
    await db.raw("delete from availability_rules");
    // Every 25th doctor sees three patients per slot.
    await db.raw(`
      with firsts as (
        select p.id as provider_id, (select pc.clinic_id from provider_clinics pc where pc.provider_id = p.id order by pc.clinic_id limit 1) as clinic_id,
               case when row_number() over (order by p.slug) % 25 = 0 then 3 else 1 end as capacity
        from providers p where p.published
      )
      insert into availability_rules (provider_id, clinic_id, weekdays, start_time, end_time, slot_minutes, capacity, valid_from, valid_until)
      select f.provider_id, f.clinic_id, '{1,2,3,4,5,6}', s.start_time, s.end_time, 15, f.capacity, current_date, current_date + ${RULE_DAYS}
      from firsts f cross join (values (time '09:00', time '13:00'), (time '17:00', time '20:00')) as s(start_time, end_time)
      where f.clinic_id is not null
    `);
    // Bookable as far ahead as the rules go; the benchmark's patients book many doctors.
    await db("booking_policies").whereNull("provider_id").update({ max_advance_days: RULE_DAYS, max_active_per_provider: 20, min_notice_minutes: 60 });
    await db.raw("analyze availability_rules");
    const rows = await db.raw<{ rows: Doctor[] }>(`
      select distinct on (p.id) p.id, p.slug, r.clinic_id as "clinicId", c.time_zone as "timeZone", r.capacity
      from providers p join availability_rules r on r.provider_id = p.id join clinics c on c.id = r.clinic_id
      order by p.id`);
    return rows.rows.sort((x, y) => x.slug.localeCompare(y.slug));
  });
}

/** `count` patients, each with a bearer token; each signs in from its own address so no per-IP limit is shared. */
async function seedPatients(platform: Platform, tenant: { id: string; slug: string; schema: string; role: string; cluster: string; name: string }, count: number): Promise<string[]> {
  const tokens: string[] = new Array(count);
  const password = "bench-password-1";
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const i = next++;
        const email = `patient${i}@bench.example`;
        await platform.identity.createUser(tenant, { kind: "patient", email, name: `Patient ${i}`, password, roles: [{ role: "patient" }] });
        const t = await platform.apiTokens.signInWithPassword({ tenant, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, { grant_type: "password", email, password, client: "bench" });
        tokens[i] = t.accessToken;
      }
    }),
  );
  return tokens;
}

/** Slot `n` of a doctor, counted over weekdays Mon-Sat from the day after tomorrow: its start instant. */
function nthSlot(d: Doctor, n: number): string {
  const PER_DAY = 16 + 12; // 09:00-13:00 and 17:00-20:00 in 15-minute slots
  const today = Math.floor(Date.now() / 86_400_000);
  let day = today + 2;
  let dayIndex = Math.floor(n / PER_DAY);
  for (;;) {
    if (isoWeekday(day) !== 7) {
      if (dayIndex === 0) break;
      dayIndex -= 1;
    }
    day += 1;
  }
  const k = n % PER_DAY;
  const minutes = k < 16 ? 9 * 60 + k * 15 : 17 * 60 + (k - 16) * 15;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return (resolveLocalTime(d.timeZone, formatLocalDate(day), time)[0] as Date).toISOString();
}

interface Result {
  status: number;
  ms: number;
  code: string | null;
  message?: string;
}

function call(agent: http.Agent, port: number, method: "GET" | "POST", path: string, headers: Record<string, string>, body?: unknown): Promise<Result> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: "127.0.0.1", port, method, path, agent, headers: { host: HOST, accept: "application/json", ...(payload ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const dt = performance.now() - t0;
          let code: string | null = null;
          let message: string | undefined;
          if ((res.statusCode ?? 0) >= 400) {
            try {
              const e = (JSON.parse(Buffer.concat(chunks).toString()) as { error?: { code?: string; message?: string } }).error;
              code = e?.code ?? null;
              message = e?.message;
            } catch {
              code = "unparsable";
            }
          }
          resolve({ status: res.statusCode ?? 0, ms: dt, code, message });
        });
      },
    );
    req.on("error", (err) => resolve({ status: 0, ms: performance.now() - t0, code: err.message }));
    req.end(payload);
  });
}

/** Closed loop: `concurrency` workers for `seconds`, each sending the request `next(i)` gives. */
async function closedLoop(agent: http.Agent, seconds: number, concurrency: number, send: (i: number) => Promise<Result>) {
  const results: Result[] = [];
  let i = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) results.push(await send(i++));
    }),
  );
  return { results, elapsed: (performance.now() - started) / 1000 };
}

function summarise(results: Result[]): string {
  const by = new Map<string, number>();
  for (const r of results) {
    const k = r.code ? `${r.status} ${r.code}` : String(r.status);
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  return [...by].sort().map(([k, n]) => `${k}: ${n}`).join(", ");
}

async function main() {
  const url = values.database ?? (await createTestDatabase("bench_booking"));
  say(`bench:booking  doctors=${DOCTORS} clinics=${CLINICS} patients=${PATIENTS} concurrency=${CONCURRENCY} seconds=${SECONDS} rounds=${ROUNDS} pool=${POOL} cores=${os.cpus().length}  database=${new URL(url).pathname.slice(1)}`);
  say(`load average at start: ${loadavg()}`);
  const platform = await makePlatform(url);
  let child: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await platform.migrations.migrateAll();
    const provisioning = createProvisioningService(platform);
    let tenant = await platform.tenants.findByHostname(HOST);
    if (!tenant) {
      await provisioning.create({ slug: SLUG, name: "Bench Booking Hospital", kind: "hospital", domains: [{ hostname: HOST, kind: "primary" }] });
      tenant = await platform.tenants.findByHostname(HOST);
    }
    if (!tenant) throw new Error("tenant not provisioned");
    const published = await platform.withTenant(tenant, ({ db }) => db("providers").where({ published: true }).count<{ n: string }[]>("* as n"));
    if (Number(published[0]?.n) < DOCTORS) {
      const t0 = performance.now();
      const r = await platform.providers.importDirectory(tenant, generateDirectorySeed({ seed: "bench", doctors: DOCTORS, clinics: CLINICS }), {
        onProgress: (done, total) => {
          if (done % 500 === 0 || done === total) process.stderr.write(`  imported ${done}/${total}\n`);
        },
      });
      say(`import: ${r.doctors} doctors in ${ms(performance.now() - t0)}`);
    }
    let t0 = performance.now();
    const doctors = await seedRules(platform, tenant);
    const rules = await platform.withTenant(tenant, ({ db }) => db("availability_rules").count<{ n: string }[]>("* as n"));
    say(`rules: ${rules[0]?.n} weekly rules for ${doctors.length} doctors (${doctors.filter((d) => d.capacity > 1).length} with capacity 3), ${RULE_DAYS} days, in ${ms(performance.now() - t0)}`);
    await platform.withTenant(tenant, ({ db }) => db.raw("delete from appointment_events; delete from appointments"));
    t0 = performance.now();
    const tokens = await seedPatients(platform, { id: tenant.id, slug: tenant.slug, schema: tenant.schema, role: tenant.role, cluster: tenant.cluster, name: tenant.name }, PATIENTS);
    say(`patients: ${tokens.length} signed in (bearer tokens) in ${ms(performance.now() - t0)}`);
    if (!doctors.length) throw new Error("no doctors with rules");

    child = await startServer(url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let x = 0x2545f491;
    const rnd = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
    const auth = (i: number) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` });

    if (values.baseline) {
      const base = await closedLoop(agent, SECONDS, CONCURRENCY, () => call(agent, child!.port, "GET", "/api/v1/tenant", {}));
      const xs = base.results.filter((r) => r.status === 200).map((r) => r.ms);
      say(`baseline GET /api/v1/tenant (no database): ${(xs.length / base.elapsed).toFixed(0)} req/s, p50 ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}  load ${loadavg()}`);
    }

    // (a) Slots for 14 days of random doctors.
    const slotsOf = () => call(agent, child!.port, "GET", `/api/v1/doctors/${doctors[Math.floor(rnd() * doctors.length)]!.slug}/slots?days=${values.days}`, {});
    await closedLoop(agent, 3, CONCURRENCY, slotsOf); // warm the pool, Postgres' buffers and the JIT
    const a = await closedLoop(agent, SECONDS, CONCURRENCY, slotsOf);
    const aOk = a.results.filter((r) => r.status === 200).map((r) => r.ms);
    say(`(a) slots, ${values.days} days, random doctor: ${(aOk.length / a.elapsed).toFixed(0)} req/s, p50 ${ms(quantile(aOk, 0.5))}, p95 ${ms(quantile(aOk, 0.95))}, p99 ${ms(quantile(aOk, 0.99))}  (${a.results.length} requests: ${summarise(a.results)}; goal p95 <= 20 ms)  load ${loadavg()}`);

    // (b) Bookings on distinct slots: request n books slot floor(n / doctors) of doctor n % doctors.
    const bookable = doctors.slice(0, doctors.length - CONTENTION_DOCTORS);
    let n = 0;
    const bookOne = (i: number) => {
      const k = n++;
      const d = bookable[k % bookable.length]!;
      const startsAt = nthSlot(d, Math.floor(k / bookable.length));
      return call(agent, child!.port, "POST", "/api/v1/appointments", { ...auth(i), "idempotency-key": randomUUID() }, { providerId: d.id, clinicId: d.clinicId, startsAt, reason: "Benchmark visit" });
    };
    const b = await closedLoop(agent, SECONDS, CONCURRENCY, bookOne);
    const bOk = b.results.filter((r) => r.status === 201).map((r) => r.ms);
    const bAll = b.results.map((r) => r.ms);
    say(`(b) bookings, distinct slots: ${(bOk.length / b.elapsed).toFixed(0)} bookings/s, p50 ${ms(quantile(bAll, 0.5))}, p95 ${ms(quantile(bAll, 0.95))}, p99 ${ms(quantile(bAll, 0.99))}  (${b.results.length} requests: ${summarise(b.results)}; goal >= 300/s)  load ${loadavg()}`);

    // (c) Contention: every round, CONCURRENCY patients try one fresh slot of capacity 1 at once.
    const contention = doctors.slice(doctors.length - CONTENTION_DOCTORS).filter((d) => d.capacity === 1);
    const perRound: { ok: number; taken: number; other409: number; fivexx: number; other: number }[] = [];
    const cLatency: number[] = [];
    const cAll: Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const d = contention[round % contention.length]!;
      const startsAt = nthSlot(d, Math.floor(round / contention.length));
      const body = { providerId: d.id, clinicId: d.clinicId, startsAt, reason: "Benchmark visit" };
      const offset = (round * CONCURRENCY) % tokens.length;
      const rs = await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => call(agent, child!.port, "POST", "/api/v1/appointments", { ...auth(offset + j), "idempotency-key": randomUUID() }, body)));
      cAll.push(...rs);
      cLatency.push(...rs.map((r) => r.ms));
      perRound.push({
        ok: rs.filter((r) => r.status === 201).length,
        taken: rs.filter((r) => r.status === 409 && r.code === "slot_taken").length,
        other409: rs.filter((r) => r.status === 409 && r.code !== "slot_taken").length,
        fivexx: rs.filter((r) => r.status >= 500 || r.status === 0).length,
        other: rs.filter((r) => r.status !== 201 && r.status !== 409 && r.status < 500 && r.status !== 0).length,
      });
    }
    const exactlyOne = perRound.filter((r) => r.ok === 1).length;
    const total = (k: keyof (typeof perRound)[number]) => perRound.reduce((s, r) => s + r[k], 0);
    say(
      `(c) contention, ${ROUNDS} rounds x ${CONCURRENCY} on one slot of capacity 1: rounds with exactly one success ${exactlyOne}/${ROUNDS}; successes ${total("ok")}, slot_taken ${total("taken")}, other 409 ${total("other409")}, 5xx/network ${total("fivexx")}, other ${total("other")}; per-request p50 ${ms(quantile(cLatency, 0.5))}, p95 ${ms(quantile(cLatency, 0.95))}  (${summarise(cAll)})`,
    );
    const odd = new Map<string, number>();
    for (const r of cAll) if (r.status !== 201 && r.code !== "slot_taken") odd.set(`${r.status} ${r.code}: ${r.message}`, (odd.get(`${r.status} ${r.code}: ${r.message}`) ?? 0) + 1);
    if (odd.size) say(`    answers other than 201 and slot_taken: ${[...odd].map(([k, v]) => `${v} x ${k}`).join("; ")}`);
    const bad = perRound.map((r, i) => ({ ...r, round: i })).filter((r) => r.ok !== 1 || r.fivexx > 0);
    if (bad.length) say(`    rounds not exactly-one or with 5xx: ${bad.slice(0, 10).map((r) => `#${r.round} ok=${r.ok} 5xx=${r.fivexx}`).join(", ")}${bad.length > 10 ? ", ..." : ""}`);
    const stored = await platform.withTenant(tenant, ({ db }) => db("appointments").whereIn("status", ["held", "booked"]).count<{ n: string }[]>("* as n"));
    say(`SUMMARY slots p95 ${ms(quantile(aOk, 0.95))} (goal <= 20 ms) | bookings ${(bOk.length / b.elapsed).toFixed(0)}/s (goal >= 300) | contention ${exactlyOne}/${ROUNDS} rounds exactly one, ${total("fivexx")} 5xx | live appointments ${stored[0]?.n} | load average ${loadavg()} on ${os.cpus().length} cores`);
    agent.destroy();
    await child.stop();
    child = null;
  } finally {
    await child?.stop();
    await platform.close();
    if (!values.keep && !values.database) await dropTestDatabase(url);
    else say(`kept database: ${url}`);
  }
}

/** Starts the server in its own process (so the load generator does not share its event loop). */
async function startServer(url: string) {
  const proc = spawn(process.execPath, [...(values.profile ? ["--cpu-prof", "--cpu-prof-dir", values.profile] : []), "--import", "tsx", fileURLToPath(import.meta.url), "--serve", url, "--pool", String(POOL)], { stdio: ["pipe", "pipe", "inherit"], env: process.env });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = "";
    proc.stdout?.on("data", (d: Buffer) => {
      buf += String(d);
      const nl = buf.indexOf("\n");
      if (nl >= 0) resolve(Number(buf.slice(0, nl)));
    });
    proc.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  let stopped = false;
  return {
    port,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

/** The child process: the real HTTP app (without the Remix pages) on an ephemeral port. */
async function serve(url: string) {
  const platform = await makePlatform(url);
  const provisioning = createProvisioningService(platform);
  // As deployed: the schedule cache serves slots while it hears other processes' changes.
  await scheduleCache.listen(url, { warn: () => undefined });
  const app = createApp({ ...composeAppDeps(platform, provisioning), readiness: async () => ({ database: "ok" }) });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
  process.on("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void scheduleCache.close().then(() => platform.close()).then(() => process.exit(0));
  });
}

const entry = values.serve ? serve(values.serve) : main();
entry.catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
