// `npm run bench:tenancy -- --n 200`: provisioning, migration and routing figures on a
// throwaway database. Prints figures; asserts nothing (see docs/runbooks/benchmarks.md).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import express from "express";
import {
  createLogger,
  createPlatform,
  HttpMetrics,
  loadConfig,
  requestContext,
  tenantInfo,
  tenantRouter,
  TENANT_MIGRATIONS_DIR,
  type Platform,
} from "@visitnow/platform";
import { createProvisioningService } from "@visitnow/provisioning";
import { createTestDatabase, dropTestDatabase } from "./test-db.mjs";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "200" },
    concurrency: { type: "string", default: "50" },
    seconds: { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    serve: { type: "string" },
  },
});
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const SECONDS = Number(values.seconds);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const say = (s: string) => process.stdout.write(`${s}\n`);

async function makePlatform(url: string, tenantMigrationsDir?: string): Promise<Platform> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent", MIGRATE_CONCURRENCY: "4" });
  return createPlatform(config, {
    logger: createLogger({ level: "silent" }),
    tenantMigrationsDir,
    database: { url, source: "DATABASE_URL", stop: async () => undefined },
  });
}

/** Closed-loop load: `concurrency` keep-alive clients for `seconds`, hosts round-robin. */
async function load(port: number, hosts: string[], seconds: number, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (host: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: "127.0.0.1", port, path: "/api/v1/tenant", agent, headers: { host } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - t0);
          else errors += 1;
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await one(hosts[i++ % hosts.length] as string);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: latencies.length / elapsed, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), errors };
}

async function main() {
  const url = await createTestDatabase("bench");
  say(`bench:tenancy  N=${N}  database=${new URL(url).pathname.slice(1)}  cores=${os.cpus().length}`);
  let platform = await makePlatform(url);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "vn-bench-"));
  try {
    await platform.migrations.migratePlatformOnly();
    const service = createProvisioningService(platform);

    // 1. Provision N tenants one after another.
    const times: number[] = [];
    const hosts: string[] = [];
    for (let k = 0; k < N; k++) {
      const slug = `bench-${String(k).padStart(5, "0")}`;
      const t0 = performance.now();
      await service.create({ slug, name: `Bench ${k}`, kind: "hospital", domains: [{ hostname: `${slug}.bench.localhost`, kind: "primary" }] });
      times.push(performance.now() - t0);
      hosts.push(`${slug}.bench.localhost`);
      if ((k + 1) % Math.max(1, Math.floor(N / 10)) === 0) process.stderr.write(`  provisioned ${k + 1}/${N}\n`);
    }
    say(`provision one tenant:        median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))} (goal median <= 1000 ms)`);

    // 2. A no-op migrate of all N.
    let t0 = performance.now();
    let summary = await platform.migrations.migrateAll();
    say(`no-op migrate of ${N} tenants: ${ms(performance.now() - t0)} (${summary.counts.noop} no-op, ${summary.counts.failed} failed)`);

    // 3. One added column on all N.
    cpSync(TENANT_MIGRATIONS_DIR, tmp, { recursive: true });
    writeFileSync(
      path.join(tmp, "29991231000000_bench_add_column.ts"),
      `export async function up(knex) { await knex.schema.alterTable("settings", (t) => { t.text("bench_note"); }); }\n`,
    );
    await platform.close();
    platform = await makePlatform(url, tmp);
    t0 = performance.now();
    summary = await platform.migrations.migrateAll();
    say(`add one column on ${N} tenants: ${ms(performance.now() - t0)} (${summary.counts.applied} migrated, ${summary.counts.failed} failed, concurrency 4)`);

    // 4. The same trivial endpoint with and without the tenant router, served by a
    // separate process so the load generator does not share its event loop.
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", url, "--n", String(N)], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const [plainPort, routedPort] = await new Promise<[number, number]>((resolve, reject) => {
      child.stdout.once("data", (d: Buffer) => resolve(JSON.parse(String(d)) as [number, number]));
      child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
    });
    await load(routedPort, hosts, 1, CONCURRENCY); // warm the cache and the JIT
    await load(plainPort, hosts, 1, CONCURRENCY);
    const runs = { plain: [] as Awaited<ReturnType<typeof load>>[], routed: [] as Awaited<ReturnType<typeof load>>[] };
    // ABBA order over several rounds, so drift and warm-up do not favour either side.
    const ROUNDS = 4;
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (["plain", "routed"] as const) : (["routed", "plain"] as const);
      for (const which of order) runs[which].push(await load(which === "plain" ? plainPort : routedPort, hosts, SECONDS / ROUNDS, CONCURRENCY));
    }
    const avg = (xs: Awaited<ReturnType<typeof load>>[], k: "rps" | "p95" | "p50" | "p99") => xs.reduce((a, x) => a + x[k], 0) / xs.length;
    child.kill("SIGTERM");
    say(`no routing:  ${avg(runs.plain, "rps").toFixed(0)} req/s, p50 ${ms(avg(runs.plain, "p50"))}, p95 ${ms(avg(runs.plain, "p95"))}, p99 ${ms(avg(runs.plain, "p99"))}`);
    say(`routed:      ${avg(runs.routed, "rps").toFixed(0)} req/s, p50 ${ms(avg(runs.routed, "p50"))}, p95 ${ms(avg(runs.routed, "p95"))}, p99 ${ms(avg(runs.routed, "p99"))}  (${hosts.length} hosts round-robin, ${CONCURRENCY} concurrent)`);
    say(`routing ratio: throughput ${(avg(runs.plain, "rps") / avg(runs.routed, "rps")).toFixed(3)}x, p95 ${(avg(runs.routed, "p95") / avg(runs.plain, "p95")).toFixed(3)}x (goal <= 1.05)`);
    const errors = [...runs.plain, ...runs.routed].reduce((a, x) => a + x.errors, 0);
    if (errors) say(`errors: ${errors}`);
  } finally {
    await platform.close();
    rmSync(tmp, { recursive: true, force: true });
    if (!values.keep) await dropTestDatabase(url);
  }
}

/** The child process of step 4: both apps on ephemeral ports, ports printed as JSON. */
async function serve(url: string) {
  const platform = await makePlatform(url);
  const logger = createLogger({ level: "silent" });
  const metrics = new HttpMetrics();
  const routed = express();
  routed.use(requestContext({ logger, metrics }));
  routed.use(tenantRouter({ platformHost: "platform.localhost", resolver: platform.resolver, themes: platform.themes, catalogues: platform.catalogues }));
  routed.get("/api/v1/tenant", tenantInfo);
  const tenant = await platform.tenants.findByHostname("bench-00000.bench.localhost");
  const plain = express();
  plain.use(requestContext({ logger, metrics }));
  plain.use((_req, res, next) => {
    res.locals.vn.tenant = tenant;
    next();
  });
  plain.get("/api/v1/tenant", tenantInfo);
  const servers = await Promise.all(
    [plain, routed].map(
      (app) =>
        new Promise<http.Server>((resolve) => {
          const s = http.createServer(app).listen(0, "127.0.0.1", () => resolve(s));
        }),
    ),
  );
  process.stdout.write(JSON.stringify(servers.map((s) => (s.address() as { port: number }).port)));
  process.on("SIGTERM", () => {
    for (const s of servers) s.close();
    void platform.close().then(() => process.exit(0));
  });
}

const entry = values.serve ? serve(values.serve) : main();
entry.catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
