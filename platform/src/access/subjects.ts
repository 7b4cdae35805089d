import type { ForcedSubject, MongoAbility, MongoQuery } from "@casl/ability";

/** What an actor can do. `manage` is CASL's wildcard: every action. */
export const ACTIONS = ["manage", "read", "create", "update", "delete", "cancel", "transition", "invite", "approve", "publish"] as const;
export type Action = (typeof ACTIONS)[number];

/** The things rules talk about. `all` is CASL's wildcard subject. */
export const SUBJECT_TYPES = [
  "User",
  "Dependant",
  "StaffUser",
  "Invite",
  "SsoProvider",
  "AuditLog",
  "SupportGrant",
  "Session",
  "Tenant",
  "Provider",
  "ProviderDocument",
  "Specialty",
  "Clinic",
  "Availability",
  "BookingPolicy",
  "Appointment",
  "ClinicalNote",
  "Payment",
  "Report",
  "SupportTicket",
  "all",
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export type RecordSubjectType = Exclude<SubjectType, "all">;

// `any`, as CASL's own AnyRecord: with `unknown`, interfaces (and `subject()`'s result,
// which intersects one) would not be assignable, and rule conditions could name no field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecord = Record<PropertyKey, any>;

/** A loaded record tagged with its subject type (see `subject()` from `@casl/ability`). */
export type SubjectRecord = { [K in RecordSubjectType]: AnyRecord & ForcedSubject<K> }[RecordSubjectType];

export type AppAbility = MongoAbility<[Action, SubjectType | SubjectRecord], MongoQuery>;

/**
 * The full field list of the subjects that have field-restricted rules. Rules that grant
 * "every field but X" are computed from these lists, so a field missing here is hidden
 * from those roles (fails closed): add new columns here when a table gains them.
 */
export const ALL_FIELDS = {
  User: ["id", "kind", "name", "email", "phone", "status"],
  // Every field of AppointmentView (platform/src/appointments/contract.ts); the view test checks it.
  Appointment: [
    "id",
    "patientId",
    "providerId",
    "providerName",
    "clinicId",
    "clinicName",
    "visitor",
    "status",
    "startsAt",
    "endsAt",
    "timeZone",
    "mode",
    "holdExpiresAt",
    "fee",
    "cancelledBy",
    "rescheduledFrom",
    "createdAt",
    "reason",
  ],
  ClinicalNote: ["id", "patientId", "providerId", "body", "privateNotes", "createdAt"],
} as const satisfies Partial<Record<RecordSubjectType, readonly string[]>>;

/** Every field of `type` except `excluded`. */
export function fieldsExcept<T extends keyof typeof ALL_FIELDS>(type: T, ...excluded: string[]): string[] {
  return ALL_FIELDS[type].filter((f) => !excluded.includes(f));
}
