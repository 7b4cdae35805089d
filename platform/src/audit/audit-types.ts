/** Every event the audit log knows. Adding one is a code change, never free text. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.sign_up",
  "auth.second_factor",
  "auth.second_factor_enrolled",
  "auth.recovery_code_used",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.otp_sent",
  "auth.otp_verified",
  "auth.locked",
  "auth.unlocked",
  "auth.sso_sign_in",
  "auth.sso_linked",
  "auth.session_revoked",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.invited",
  "user.invite_accepted",
  "sso.provider_saved",
  "support_access.requested",
  "support_access.granted",
  "support_access.revoked",
  "support_access.used",
  "support_access.denied",
  "tenant.created",
  "tenant.suspended",
  "tenant.resumed",
  "tenant.deleted",
  "platform_admin.sign_in",
  "provider.applied",
  "provider.created",
  "provider.updated",
  "provider.resubmitted",
  "provider.document_uploaded",
  "provider.document_reviewed",
  "provider.reviewer_assigned",
  "provider.note_added",
  "provider.changes_requested",
  "provider.approved",
  "provider.rejected",
  "provider.published",
  "provider.unpublished",
  "provider.marketplace_listed",
  "provider.marketplace_delisted",
  "provider.imported",
  "clinic.saved",
  "specialty.saved",
  "document_requirement.saved",
  "availability.rule_saved",
  "availability.rule_removed",
  "availability.exception_saved",
  "availability.exception_removed",
  "booking_policy.saved",
  "booking_policy.removed",
  "appointment.held",
  "appointment.booked",
  "appointment.transitioned",
  "appointment.cancelled",
  "appointment.rescheduled",
  "waitlist.joined",
  "waitlist.offered",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_TYPES = ["user", "platform_admin", "system", "anonymous"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const AUDIT_OUTCOMES = ["success", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

/** Ids, methods and reason slugs only; `assertSafeMetadata` refuses PHI-looking keys. */
export type AuditMetadata = { [key: string]: JsonValue };

/** What a caller asks to record in a tenant's audit log. */
export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  outcome: AuditOutcome;
  metadata?: AuditMetadata;
}

/** A console action for the platform audit log, optionally about one tenant. */
export interface PlatformAuditEntry extends AuditEntry {
  tenantId?: string | null;
}

/** A stored audit row. `id` is a bigint, so a string. */
export interface AuditRecord {
  id: string;
  occurredAt: Date;
  actorType: ActorType;
  actorId: string | null;
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  outcome: AuditOutcome;
  metadata: AuditMetadata;
  prevHash: string;
  hash: string;
}

/** A stored platform audit row. */
export interface PlatformAuditRecord extends AuditRecord {
  tenantId: string | null;
}

export type ChainBreak = "hash_mismatch" | "prev_hash_mismatch";

/**
 * The result of walking a chain. `count` is the number of rows found intact: all of
 * them when `ok`, otherwise those before `firstBroken`.
 */
export type ChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBroken: { id: string; reason: ChainBreak } };
