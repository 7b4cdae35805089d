import path from "node:path";
import type { Knex } from "knex";
import { REPO_ROOT, resolveDatabase, type Config, type ResolvedDatabase } from "./config/index.js";
import { createKnex, createTenantUnitOfWork, singleClusterRegistry, type ClusterRegistry, type TenantUnitOfWork } from "./db/index.js";
import { loadCatalogues, type Catalogue } from "./i18n/index.js";
import { MigrationService } from "./migrations/index.js";
import { createLogger, type Logger } from "./observability/index.js";
import { TenantResolver, TenantSchemaStore, TenantStore } from "./tenancy/index.js";
import { ThemeService } from "./themes/index.js";
import type { Locale } from "./context.js";
import { Redis } from "ioredis";
import { createTenantAuditService } from "./audit/index.js";
import { PlatformAdminService } from "./identity/platform-admin-service.js";
import { createApiTokenService, type ApiTokenService } from "./api/index.js";
import { createSsoService, type SsoService } from "./sso/index.js";
import { createFileStorage, type FileStorage } from "./storage/index.js";
import { createSearchServices, DIRECTORY_SOURCE, type SearchServices } from "./search/index.js";
import { createDirectoryRelay, type DirectoryRelay } from "./directory/index.js";
import { createProviderServices, type ProviderServices } from "./providers/index.js";
import { createAppointmentServices, QueueEvents, type AppointmentServices, type SchedulingServices } from "./appointments/index.js";
import { BookingPolicyStore, createSchedulingServices, findBookableSlot, nextOpenSlots } from "./scheduling/index.js";
import { AccountAdminService, DevMessageStore, FallbackRateLimiter, IdentityService, PasswordResetService, MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./identity/index.js";

export const PLATFORM_MIGRATIONS_DIR = path.join(REPO_ROOT, "migrations/platform");
export const TENANT_MIGRATIONS_DIR = path.join(REPO_ROOT, "migrations/tenant");

/** The platform's long-lived collaborators, built once per process. */
export interface Platform {
  config: Config;
  logger: Logger;
  database: ResolvedDatabase;
  db: Knex;
  clusters: ClusterRegistry;
  withTenant: TenantUnitOfWork;
  tenants: TenantStore;
  tenantSchemas: TenantSchemaStore;
  migrations: MigrationService;
  resolver: TenantResolver;
  themes: ThemeService;
  catalogues: Record<Locale, Catalogue>;
  /** The installation secret from `platform.installation` (read once, after migrations). */
  secret(): Promise<string>;
  /** Shared with every process through Redis when REDIS_URL is set; in-process otherwise. */
  redis: Redis | null;
  rateLimiter: RateLimiter;
  devMessages: DevMessageStore;
  identity: IdentityService;
  platformAdmins: PlatformAdminService;
  accountAdmin: AccountAdminService;
  apiTokens: ApiTokenService;
  sso: SsoService;
  passwordResets: PasswordResetService;
  /** Uploaded files (documents, photos). */
  storage: FileStorage;
  /** Doctor search and the search read model. */
  search: SearchServices;
  /** Feeds the marketplace directory from hospitals' outboxes. */
  directory: DirectoryRelay;
  /** Provider onboarding, clinics, specialties, applications. */
  providers: ProviderServices;
  /** Availability rules and exceptions, booking rules, open slots. */
  scheduling: SchedulingServices;
  /** Booking, the appointment lifecycle, the waitlist and the doctor's queue. */
  appointments: AppointmentServices;
  /** Changes to tenants' appointments from every process (`listen` starts it; the server does). */
  queueEvents: QueueEvents;
  /** Absolute base URL of a tenant host (links in emails, marketplace links). */
  linkBase(host: string): string;
  close(): Promise<void>;
}

/**
 * Wires the platform for a process (server, CLI, benchmark or test): picks the
 * database, builds the pool and the stores. Nothing here migrates or listens yet.
 */
export async function createPlatform(
  config: Config,
  opts: { logger?: Logger; tenantMigrationsDir?: string; poolMax?: number; database?: ResolvedDatabase } = {},
): Promise<Platform> {
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL });
  const database =
    opts.database ??
    (await resolveDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      localServer: config.LOCAL_POSTGRES_URL,
      log: (msg) => logger.info(msg),
    }));
  const db = createKnex(database.url, { poolMax: opts.poolMax ?? Math.max(config.DB_POOL_MAX, config.MIGRATE_CONCURRENCY + 2) });
  const clusters = singleClusterRegistry(db);
  const tenants = new TenantStore(db);
  const migrations = new MigrationService({
    db,
    clusters,
    platformDir: PLATFORM_MIGRATIONS_DIR,
    tenantDir: opts.tenantMigrationsDir ?? TENANT_MIGRATIONS_DIR,
    concurrency: config.MIGRATE_CONCURRENCY,
  });
  const resolver = new TenantResolver(tenants, { ttlMs: config.TENANT_CACHE_TTL_MS });
  let redis: Redis | null = null;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1000 });
    redis.on("error", (err: Error) => logger.warn({ err: err.message }, "redis error"));
  }
  const rateLimiter: RateLimiter = redis
    ? new FallbackRateLimiter(new RedisRateLimiter(redis, () => tenants.getRolePrefix()), (err) => logger.warn({ err: err.message }, "rate limiter: Redis unavailable, counting in this process"))
    : new MemoryRateLimiter();
  let secret: Promise<string> | null = null;
  const getSecret = () => (secret ??= tenants.getInstallationSecret());
  const withTenant = createTenantUnitOfWork(clusters);
  const devMessages = new DevMessageStore(db);
  const identity = new IdentityService({
    withTenant,
    rateLimiter,
    messages: devMessages,
    secret: getSecret,
    audit: { record: async (scope, entry) => void (await createTenantAuditService(scope).record(entry)) },
  });
  // Links in emails always use the tenant's registered primary host, never the request's Host.
  const linkBase = (host: string) => (config.NODE_ENV === "production" ? `https://${host}` : `http://${host}:${config.PORT}`);
  const accountAdmin = new AccountAdminService({ withTenant, messages: devMessages, linkBase });
  const passwordResets = new PasswordResetService({ withTenant, rateLimiter, messages: devMessages, secret: getSecret, linkBase });
  const storage = createFileStorage(config);
  const search = createSearchServices({ db, withTenant, storage, cacheTtlMs: config.SEARCH_CACHE_TTL_MS });
  const directory = createDirectoryRelay({ db, withTenant, tenants, logger, linkBase, onChanged: () => search.invalidate(DIRECTORY_SOURCE) });
  const providers = createProviderServices({
    db,
    withTenant,
    storage,
    messages: devMessages,
    linkBase,
    indexer: search.indexer,
    directoryChanged: (tenant) => directory.kick(tenant),
    rateLimiter,
  });
  const scheduling = createSchedulingServices({ withTenant });
  // Booking reads slots and rules inside its own transaction, so it gets the scope-level lookups.
  const appointments = createAppointmentServices({
    withTenant,
    scheduling: { findBookableSlot, nextOpenSlots, policyFor: (scope, providerId) => new BookingPolicyStore(scope).policyFor(providerId) },
  });
  const queueEvents = new QueueEvents(logger);
  return {
    config,
    logger,
    database,
    db,
    clusters,
    withTenant,
    tenants,
    tenantSchemas: new TenantSchemaStore(),
    migrations,
    resolver,
    themes: new ThemeService(config.THEMES_DIR),
    catalogues: loadCatalogues(),
    secret: getSecret,
    redis,
    rateLimiter,
    devMessages,
    identity,
    platformAdmins: new PlatformAdminService({ db, rateLimiter }),
    accountAdmin,
    passwordResets,
    apiTokens: createApiTokenService({ withTenant, identity, rateLimiter }),
    sso: createSsoService({ withTenant, rateLimiter }),
    storage,
    search,
    directory,
    providers,
    scheduling,
    appointments,
    queueEvents,
    linkBase,
    async close() {
      await resolver.close();
      await search.close();
      await queueEvents.close();
      if (redis) await redis.quit().catch(() => redis?.disconnect());
      await db.destroy();
      await database.stop();
    },
  };
}
