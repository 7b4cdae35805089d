import { createLogger, createPlatform, loadConfig } from "@visitnow/platform";
import { createTestDatabase, dropTestDatabase } from "../scripts/test-db.mjs";

// One database per test run, its platform schema migrated once here; every integration
// test provisions its own tenants in it with random slugs, so tests share no mutable
// state and can run in parallel.
export default async function setup(): Promise<() => Promise<void>> {
  const url = await createTestDatabase("test");
  process.env.VISITNOW_TEST_DATABASE_URL = url;
  const platform = await createPlatform(loadConfig({ ...process.env, DATABASE_URL: url }), {
    logger: createLogger({ level: "silent" }),
    database: { url, source: "DATABASE_URL", stop: async () => undefined },
  });
  await platform.migrations.migratePlatformOnly();
  await platform.close();
  return async () => {
    await dropTestDatabase(url);
  };
}
