import { randomBytes } from "node:crypto";
import { createLogger, createPlatform, loadConfig, type Platform, type Tenant } from "@visitnow/platform";
import { createProvisioningService } from "./create-provisioning-service.js";
import type { CreateTenantInput, ProvisioningService } from "./provisioning-service.js";

/** A slug no other test uses. */
export function randomSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/**
 * A platform wired to the test run's database (see tests/vitest-global-setup.ts), with
 * the platform schema migrated. Close it in `afterAll`.
 */
export async function createTestPlatform(opts: { tenantMigrationsDir?: string; poolMax?: number } = {}): Promise<Platform> {
  const url = process.env.VISITNOW_TEST_DATABASE_URL;
  if (!url) throw new Error("VISITNOW_TEST_DATABASE_URL is not set: run the tests through vitest (tests/vitest-global-setup.ts)");
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    LOG_LEVEL: "silent",
    NODE_ENV: "test",
  });
  const platform = await createPlatform(config, {
    logger: createLogger({ level: "silent" }),
    tenantMigrationsDir: opts.tenantMigrationsDir,
    poolMax: opts.poolMax,
    database: { url, source: "DATABASE_URL", stop: async () => undefined },
  });
  await platform.migrations.migratePlatformOnly();
  return platform;
}

/** Provisions a tenant with a random slug and a matching `<slug>.test` domain. */
export async function createTestTenant(
  service: ProvisioningService,
  overrides: Partial<CreateTenantInput> = {},
): Promise<Tenant> {
  const slug = overrides.slug ?? randomSlug();
  return service.create({
    slug,
    name: `Test ${slug}`,
    kind: "hospital",
    theme: "default",
    domains: [{ hostname: `${slug}.test`, kind: "primary" }],
    ...overrides,
  });
}

export { createProvisioningService };
export type { ProvisioningService };
