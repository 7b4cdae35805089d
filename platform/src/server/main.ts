import { createServer } from "node:http";
import { createProvisioningService, seedDemo } from "@visitnow/provisioning";
import { createAppointmentSweeper, holdSweepMsFrom, waitlistOfferMinutesFrom } from "../appointments/index.js";
import { loadConfig, REPO_ROOT } from "../config/index.js";
import { createPlatform } from "../create-platform.js";
import { createApp, loadRemixBuilds } from "../http/index.js";
import { createLogger } from "../observability/index.js";
import { findBookableSlot, scheduleCache } from "../scheduling/index.js";
import { composeAppDeps } from "./compose.js";

/**
 * The process entry point of the demo and of production: pick the database, migrate,
 * seed the demo tenants (unless SEED_DEMO=false), and serve every tenant on one port.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const platform = await createPlatform(config, { logger });
  logger.info({ database: platform.database.source, url: platform.database.url.replace(/\/\/[^@/]*@/, "//***@") }, `using ${platform.database.source}`);

  const summary = await platform.migrations.migrateAll({ onWait: () => logger.info("waiting for another migrator") });
  logger.info({ platformApplied: summary.platformApplied, tenants: summary.counts, ms: Math.round(summary.durationMs) }, "migrations done");

  const provisioning = createProvisioningService(platform);
  if (process.env.SEED_DEMO !== "false") {
    await seedDemo(provisioning, (msg) => logger.info(msg), {
      identity: platform.identity,
      platformAdmins: platform.platformAdmins,
      providers: platform.providers,
      directory: platform.directory,
      accountAdmin: platform.accountAdmin,
      scheduling: platform.scheduling,
    });
  }

  const redis = platform.redis;
  if (redis) {
    await redis.connect().catch((err: Error) => logger.warn({ err: err.message }, "redis not reachable yet"));
    logger.info("using Redis for rate limits shared across processes");
  } else {
    logger.info("REDIS_URL not set: rate limits are per process and background jobs run in-process");
  }

  await platform.resolver.listen(platform.database.url, logger);
  await platform.search.listen(platform.database.url, logger);
  await platform.queueEvents.listen(platform.database.url);
  // The safety net behind the kicks: hospitals' directory events reach the marketplace even after a crash.
  const stopDirectory = config.DIRECTORY_SWEEP_MS > 0 ? platform.directory.start(config.DIRECTORY_SWEEP_MS) : () => undefined;
  // Lapsed holds become `expired` and lapsed waitlist offers pass to the next patient, in every
  // tenant; safe with several processes (each row is taken with SKIP LOCKED).
  const stopSweeper = createAppointmentSweeper({
    withTenant: platform.withTenant,
    scheduling: { findBookableSlot },
    listTenants: async () => (await platform.tenants.list()).filter((t) => t.status === "active" || t.status === "suspended"),
    log: logger,
    offerMinutes: waitlistOfferMinutesFrom(process.env),
  }).start(holdSweepMsFrom(process.env));
  // Doctors' schedules and seats are cached per process only while other processes' changes reach it.
  await scheduleCache.listen(platform.database.url, logger);
  const remix = await loadRemixBuilds(REPO_ROOT);
  const app = createApp({
    ...composeAppDeps(platform, provisioning),
    remix,
    immutableAssets: config.NODE_ENV === "production",
    readiness: async () => {
      const checks: Record<string, string> = {};
      try {
        await platform.db.raw("select 1");
        checks.database = "ok";
      } catch (err) {
        checks.database = err instanceof Error ? err.message : "unreachable";
      }
      if (redis) {
        try {
          checks.redis = (await redis.ping()) === "PONG" ? "ok" : "unexpected reply";
        } catch (err) {
          checks.redis = err instanceof Error ? err.message : "unreachable";
        }
      }
      return checks;
    },
  });

  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.listen(config.PORT, config.HOST, () => {
    const port = (server.address() as { port: number }).port;
    logger.info({ port }, `VisitNow is listening on port ${port}`);
    process.stdout.write(
      [
        "",
        "  Illajwala VisitNow demo is running:",
        `    http://illajwala.localhost:${port}/   Illajwala marketplace (also /doctor and /admin)`,
        `    http://sunrise.localhost:${port}/     Sunrise Hospital`,
        `    http://citycare.localhost:${port}/    CityCare Clinics`,
        `    http://${config.PLATFORM_HOST}:${port}/    Platform console`,
        "",
      ].join("\n") + "\n",
    );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close();
    server.closeAllConnections();
    stopDirectory();
    stopSweeper();
    await scheduleCache.close();
    await platform.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
