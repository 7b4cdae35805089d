// The platform's public entry point: apps, provisioning, scripts and tests import this.
export * from "./context.js";
export { loadConfig, resolveDatabase, REPO_ROOT, type Config, type ResolvedDatabase } from "./config/index.js";
export {
  createKnex,
  createTenantUnitOfWork,
  quoteIdent,
  singleClusterRegistry,
  tenantPreamble,
  type ClusterRegistry,
  type TenantDbRef,
  type TenantScope,
  type TenantUnitOfWork,
} from "./db/index.js";
export { DomainError, NotFoundError, ValidationError, isDomainError, mapPgError, type ErrorCode } from "./errors/index.js";
export { LOCALES, isLocale, loadCatalogues, pickLocale, translate, type Catalogue } from "./i18n/index.js";
export {
  MigrationService,
  applyTenantMigrations,
  loadMigrations,
  mapWithConcurrency,
  type MigrateAllSummary,
  type MigrationProgress,
  type TenantMigrationResult,
} from "./migrations/index.js";
export { createLogger, HttpMetrics, type Logger } from "./observability/index.js";
export {
  normaliseHost,
  RESERVED_SLUGS,
  roleNameFor,
  schemaNameFor,
  slugProblem,
  TenantResolver,
  TenantSchemaStore,
  TenantStore,
  type DomainKind,
  type RoutedTenant,
  type Tenant,
  type TenantDomain,
} from "./tenancy/index.js";
export { ThemeService, ThemeSchema, contrastProblems, contrastRatio, CONTRAST_PAIRS, type Theme } from "./themes/index.js";
export { createApp, requestContext, tenantRouter, tenantInfo, loadRemixBuilds, remixBuildsExist, type AppDeps, type RemixBuilds } from "./http/index.js";
export { createPlatform, PLATFORM_MIGRATIONS_DIR, TENANT_MIGRATIONS_DIR, type Platform } from "./create-platform.js";
export {
  IdentityService,
  AccountAdminService,
  PasswordResetService,
  DevMessageStore,
  SESSION_POLICIES,
  hashToken,
  randomToken,
  totpAt,
  verifyTotp,
  type ResolvedSession,
  type TenantRef,
} from "./identity/index.js";
export { createTenantAuditService, createPlatformAuditService, runAuditCommand } from "./audit/index.js";
export {
  ROLES,
  STAFF_ROLES,
  ADMIN_ROLES,
  ACTIONS,
  SUBJECT_TYPES,
  ALL_FIELDS,
  isRole,
  requiresSecondFactor,
  defineAbilityFor,
  requireCan,
  canOn,
  pickPermitted,
  accessibleWhere,
  packAbility,
  abilityFromPacked,
  subject,
  type Role,
  type Action,
  type Actor,
  type AppAbility,
  type SubjectType,
  type RecordSubjectType,
  type SubjectRecord,
  type PackedRules,
  type RoleRules,
} from "./access/index.js";
export { PlatformAdminService, type PlatformSession, type PlatformAdminView } from "./identity/platform-admin-service.js";
export { ApiTokenService, apiAuth, createApiRouter, createApiTokenService, findApiUser, openApiDocument, requireApiUser, type ApiPrincipal, type ApiUser } from "./api/index.js";
export type { DirectorySeed, ProviderTenant } from "./providers/index.js";
