export { IdentityService, SESSION_POLICIES, SECOND_FACTOR_REQUIRED_ROLES, type AuditSink, type AuthAuditEntry, type CallContext, type IssuedSession, type ResolvedSession, type TenantRef } from "./identity-service.js";
export { IdentityStore, type UserKind, type TenantRole } from "./identity-store.js";
export { DevMessageStore, type MessageChannel, type OutgoingMessage, type DevMessage } from "./message-channel.js";
export { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limiter.js";
export { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrfCheck, csrfTokenValid, issueCsrfToken } from "./csrf.js";
export { hashPassword, verifyPassword } from "./passwords.js";
export { hashToken, randomToken } from "./secrets.js";
export { totpAt, verifyTotp, newTotpSecret, totpUri } from "./totp.js";
