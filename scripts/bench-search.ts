// `npm run bench:search -- --seconds 15`: seeds one tenant with 2,000 doctors on a throwaway
// database and runs the search API (GET /api/v1/doctors) at 50 concurrent keep-alive
// connections over a mix of queries, twice: straight to Postgres (the search cache off),
// then as deployed (the cache on, listening for changes) with a long tail of queries
// nobody asked before. Prints figures; asserts nothing (goal: p95 <= 30 ms).
import { spawn } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createApp, createLogger, createPlatform, loadConfig, type DirectorySeed, type Platform } from "@visitnow/platform";
import { createProvisioningService, generateDirectorySeed } from "@visitnow/provisioning";
import { composeAppDeps } from "../platform/src/server/compose.js";
import { createTestDatabase, dropTestDatabase } from "./test-db.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "50" },
    doctors: { type: "string", default: "2000" },
    clinics: { type: "string", default: "40" },
    pool: { type: "string", default: "10" },
    database: { type: "string" },
    keep: { type: "boolean", default: false },
    serve: { type: "string" },
    /** Share of requests (0-1) in the cached phase that are new queries (a random name, city and page). */
    tail: { type: "string", default: "0.3" },
    /** Also load `/api/v1/tenant` (no search) for the same time: the HTTP stack's own ceiling. */
    baseline: { type: "boolean", default: false },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const DOCTORS = Number(values.doctors);
const CLINICS = Number(values.clinics);
const POOL = Number(values.pool);
const SLUG = "bench-search";
const HOST = "bench-search.localhost";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const say = (s: string) => process.stdout.write(`${s}\n`);

async function makePlatform(url: string): Promise<Platform> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent", DIRECTORY_SWEEP_MS: "0", NODE_ENV: "production" });
  return createPlatform(config, { logger: createLogger({ level: "silent" }), poolMax: POOL, database: { url, source: "DATABASE_URL", stop: async () => undefined } });
}

interface Probe {
  kind: string;
  path: string;
}

/** The query mix, built from the seed so every filter value exists. */
function probes(seed: DirectorySeed): Probe[] {
  const cities = [...new Set(seed.clinics.map((c) => c.city))];
  const localities = seed.clinics.map((c) => c.locality);
  const specialties = seed.specialties.map((s) => s.slug);
  const surnames = [...new Set(seed.doctors.map((d) => d.name.split(" ").at(-1) as string))];
  const conditions = [...new Set(seed.doctors.flatMap((d) => d.conditions))];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
  const out: Probe[] = [];
  const add = (kind: string, params: Record<string, string | number>) =>
    out.push({ kind, path: `/api/v1/doctors?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` });
  for (let i = 0; i < 6; i++) {
    add("text", { q: pick(surnames, i * 7) });
    add("text", { q: pick(conditions, i * 5) });
    add("synonym", { q: pick(["skin doctor", "heart doctor", "child specialist", "bone doctor", "eye doctor", "dentist"], i) });
    add("typo", { q: pick(["cardiolgist", "dermatolgy", "pediatrcian", "orthopedc", "gynaecolgist", "neurolgist"], i) });
    add("filter", { city: pick(cities, i) });
    add("filter", { specialty: pick(specialties, i), city: pick(cities, i + 1), language: "Hindi" });
    add("filter", { gender: i % 2 ? "female" : "male", fee_min: 500, fee_max: 1000, mode: "video" });
    add("filter", { q: "cardiology", city: pick(cities, i), page: 1 + (i % 3) });
    add("sort", { sort: "fee_asc", specialty: pick(specialties, i + 2) });
    add("sort", { sort: "fee_desc", city: pick(cities, i + 3), page: 1 + (i % 3) });
    add("sort", { sort: "experience", page: 1 + (i % 3) });
    add("distance", { sort: "distance", near: pick(localities, i * 3), specialty: pick(specialties, i) });
    add("distance", { sort: "distance", near: pick(localities, i * 5 + 1), page: 1 + (i % 3) });
    add("page", { q: pick(["doctor", "clinic", "fever"], i), page: 1 + (i % 3) });
  }
  return out;
}

/** Mostly the popular probes, and a `tail` share of queries unlikely to repeat (a random name, city and page). */
function longTail(seed: DirectorySeed, head: Probe[], tail: number): () => Probe {
  const names = seed.doctors.map((d) => d.name.split(" ").slice(1).join(" "));
  const cities = [...new Set(seed.clinics.map((c) => c.city))];
  const specialties = seed.specialties.map((s) => s.slug);
  let i = 0;
  let x = 0x9e3779b9;
  const rnd = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return () => {
    if (rnd() >= tail) return head[i++ % head.length] as Probe;
    const params: Record<string, string> =
      rnd() < 0.5
        ? { q: names[Math.floor(rnd() * names.length)] as string, page: String(1 + Math.floor(rnd() * 2)) }
        : { specialty: specialties[Math.floor(rnd() * specialties.length)] as string, city: cities[Math.floor(rnd() * cities.length)] as string, fee_max: String(500 + 50 * Math.floor(rnd() * 30)), page: String(1 + Math.floor(rnd() * 3)) };
    return { kind: "tail", path: `/api/v1/doctors?${new URLSearchParams(params)}` };
  };
}

/** Closed-loop load: `concurrency` keep-alive clients for `seconds`, each taking the next probe. */
async function load(port: number, list: Probe[] | (() => Probe), seconds: number, concurrency: number) {
  const next = typeof list === "function" ? list : () => list[i++ % list.length] as Probe;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  let errors = 0;
  let firstError = "";
  let i = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (p: Probe) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: "127.0.0.1", port, path: p.path, agent, headers: { host: HOST, accept: "application/json" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const dt = performance.now() - t0;
          if (res.statusCode === 200) {
            all.push(dt);
            const xs = byKind.get(p.kind) ?? [];
            xs.push(dt);
            byKind.set(p.kind, xs);
          } else {
            errors += 1;
            firstError ||= `${res.statusCode} ${p.path} ${Buffer.concat(chunks).toString().slice(0, 200)}`;
          }
          resolve();
        });
      });
      req.on("error", (err) => {
        errors += 1;
        firstError ||= err.message;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await one(next());
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: all.length / elapsed, all, byKind, errors, firstError };
}

async function main() {
  const url = values.database ?? (await createTestDatabase("bench_search"));
  say(`bench:search  doctors=${DOCTORS} clinics=${CLINICS} concurrency=${CONCURRENCY} seconds=${SECONDS} pool=${POOL} cores=${os.cpus().length}  database=${new URL(url).pathname.slice(1)}`);
  const platform = await makePlatform(url);
  const seed = generateDirectorySeed({ seed: "bench", doctors: DOCTORS, clinics: CLINICS });
  let child: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await platform.migrations.migrateAll();
    const provisioning = createProvisioningService(platform);
    let tenant = await platform.tenants.findByHostname(HOST);
    if (!tenant) {
      await provisioning.create({ slug: SLUG, name: "Bench Search Hospital", kind: "hospital", domains: [{ hostname: HOST, kind: "primary" }] });
      tenant = await platform.tenants.findByHostname(HOST);
    }
    if (!tenant) throw new Error("tenant not provisioned");
    const indexed = await platform.withTenant(tenant, ({ db }) => db("provider_search").count<{ n: string }[]>("* as n"));
    if (Number(indexed[0]?.n) < DOCTORS) {
      const t0 = performance.now();
      const r = await platform.providers.importDirectory(tenant, seed, {
        onProgress: (done, total) => {
          if (done % 500 === 0 || done === total) process.stderr.write(`  imported ${done}/${total}\n`);
        },
      });
      say(`import: ${r.doctors} doctors, ${seed.specialties.length} specialties, ${seed.clinics.length} clinics in ${ms(performance.now() - t0)}`);
    }
    await platform.withTenant(tenant, ({ db }) => db.raw("analyze provider_search"));
    const counts = await platform.withTenant(tenant, ({ db }) => db("provider_search").count<{ n: string }[]>("* as n"));
    say(`indexed doctors: ${counts[0]?.n}`);

    const list = probes(seed);
    const report = (label: string, r: Awaited<ReturnType<typeof load>>) => {
      say(`${label}: ${r.rps.toFixed(0)} req/s, p50 ${ms(quantile(r.all, 0.5))}, p95 ${ms(quantile(r.all, 0.95))}, p99 ${ms(quantile(r.all, 0.99))}  (${r.all.length} requests, ${r.errors} errors; goal p95 <= 30 ms)`);
      for (const [kind, xs] of [...r.byKind].sort()) {
        say(`  ${kind.padEnd(9)} n=${String(xs.length).padStart(6)}  p50 ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}, p99 ${ms(quantile(xs, 0.99))}`);
      }
      if (r.errors) say(`first error: ${r.firstError}`);
    };

    // 1. Every search reaches Postgres: what the query itself costs under load.
    child = await startServer(url, { SEARCH_CACHE_TTL_MS: "0" });
    await load(child.port, list, 3, CONCURRENCY); // warm the pool, Postgres' buffers and the JIT
    report("database only (search cache off)", await load(child.port, list, SECONDS, CONCURRENCY));
    if (values.baseline) {
      const base = await load(child.port, [{ kind: "tenant", path: "/api/v1/tenant" }], SECONDS, CONCURRENCY);
      say(`baseline GET /api/v1/tenant (no search): ${base.rps.toFixed(0)} req/s, p50 ${ms(quantile(base.all, 0.5))}, p95 ${ms(quantile(base.all, 0.95))}`);
    }
    await child.stop();

    // 2. As deployed: the cache on and listening for changes, with a share of new queries.
    const tail = Number(values.tail);
    child = await startServer(url, {});
    await load(child.port, list, 3, CONCURRENCY);
    const r = await load(child.port, longTail(seed, list, tail), SECONDS, CONCURRENCY);
    const stats = await child.stop();
    report(`as deployed (search cache on, ${Math.round(tail * 100)}% new queries)`, r);
    if (stats) say(`  cache: ${stats.hits} hits, ${stats.misses} misses (${((100 * stats.hits) / Math.max(1, stats.hits + stats.misses)).toFixed(1)}% hits, warm-up included)`);
    child = null;
  } finally {
    await child?.stop();
    await platform.close();
    if (!values.keep && !values.database) await dropTestDatabase(url);
    else say(`kept database: ${url}`);
  }
}

/** Starts the server in its own process (so the load generator does not share its event loop). */
async function startServer(url: string, env: Record<string, string>) {
  const proc = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", url, "--pool", String(POOL)], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ...env } });
  const lines: string[] = [];
  let buf = "";
  const waiters: ((line: string) => void)[] = [];
  proc.stdout?.on("data", (d: Buffer) => {
    buf += String(d);
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve, reject) => {
    const queued = lines.shift();
    if (queued !== undefined) return resolve(queued);
    waiters.push(resolve);
    proc.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const port = Number(await nextLine());
  let stopped = false;
  return {
    port,
    /** Stops the server; resolves with its cache counts. */
    async stop(): Promise<{ hits: number; misses: number } | null> {
      if (stopped) return null;
      stopped = true;
      const stats = nextLine().then((l) => JSON.parse(l) as { hits: number; misses: number }).catch(() => null);
      proc.kill("SIGTERM");
      return stats;
    },
  };
}

/** The child process: the real HTTP app (without the Remix pages) on an ephemeral port. */
async function serve(url: string) {
  const platform = await makePlatform(url);
  const provisioning = createProvisioningService(platform);
  const app = createApp({ ...composeAppDeps(platform, provisioning), readiness: async () => ({ database: "ok" }) });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await platform.search.listen(url, { warn: (o, m) => process.stderr.write(`${m} ${JSON.stringify(o)}\n`) });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
  process.on("SIGTERM", () => {
    process.stdout.write(`${JSON.stringify(platform.search.cacheStats())}\n`);
    server.close();
    server.closeAllConnections();
    void platform.close().then(() => process.exit(0));
  });
}

const entry = values.serve ? serve(values.serve) : main();
entry.catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
