export { loadMigrations, type Migration } from "./migration-loader.js";
export { MigrationStore } from "./migration-store.js";
export {
  MigrationService,
  applyTenantMigrations,
  mapWithConcurrency,
  type MigrateAllSummary,
  type MigrationProgress,
  type TenantMigrationResult,
} from "./migration-service.js";
