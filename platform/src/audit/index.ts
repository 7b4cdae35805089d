// The audit domain's public API: hash-chained, append-only audit logs per tenant and
// for the platform console.
export {
  ACTOR_TYPES,
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type ActorType,
  type AuditAction,
  type AuditEntry,
  type AuditMetadata,
  type AuditOutcome,
  type AuditRecord,
  type ChainBreak,
  type ChainVerification,
  type JsonValue,
  type PlatformAuditEntry,
  type PlatformAuditRecord,
} from "./audit-types.js";
export { GENESIS_HASH, auditHash, canonicalJson, type HashedFields } from "./audit-hash.js";
export { assertSafeMetadata, forbiddenKeyProblem } from "./audit-metadata.js";
export { AuditService, type AuditServiceDeps } from "./audit-service.js";
export { PlatformAuditStore, TenantAuditStore, type AuditChainStore } from "./audit-store.js";
export {
  createPlatformAuditService,
  createTenantAuditService,
  type PlatformAuditService,
  type TenantAuditService,
} from "./create-audit-service.js";
export { AUDIT_USAGE, formatVerification, runAuditCommand } from "./audit-command.js";
