// CONTRACT for issue 5's services (scheduling + appointments), shared by the helpers that
// build them and the API. Implementations: platform/src/scheduling (availability, slots)
// and platform/src/appointments (booking, lifecycle, waitlist, queue).
import type { Actor } from "../access/index.js";
import type { TenantDbRef } from "../db/index.js";

export type AppointmentStatus = "held" | "booked" | "checked_in" | "in_consultation" | "completed" | "cancelled" | "no_show" | "rescheduled" | "expired";
export type SchedulingTenant = TenantDbRef & { name: string; kind: "hospital" | "marketplace"; primaryHost: string };

/** One bookable slot as patients see it. */
export interface OpenSlot {
  providerId: string;
  clinicId: string;
  startsAt: string; // ISO instant
  endsAt: string;
  /** The slot's local date and times in the clinic's zone (what the rule says). */
  localDate: string;
  localStart: string;
  localEnd: string;
  timeZone: string;
  mode: "in_clinic" | "video";
  capacity: number;
  remaining: number;
}

export interface SlotQuery {
  providerId: string;
  /** Inclusive start (default: now); the window is at most 31 days. */
  from?: Date;
  days?: number;
  clinicId?: string | null;
}

/** Scheduling (platform/src/scheduling): availability rules, exceptions, booking policy, open slots. */
export interface SchedulingServices {
  /** Open slots of a published doctor (respecting minimum notice and how far ahead patients may book). */
  openSlots(tenant: SchedulingTenant, q: SlotQuery): Promise<OpenSlot[]>;
  /** Starts of the slots in the window (within the booking policy) that are fully booked: a full day versus a day off. */
  fullSlotStarts(tenant: SchedulingTenant, q: SlotQuery): Promise<string[]>;
  listRules(tenant: SchedulingTenant, actor: Actor, providerId: string): Promise<AvailabilityRuleView[]>;
  /** Adds (no `id`) or updates a rule; times are the clinic's local time. */
  saveRule(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }>;
  removeRule(tenant: SchedulingTenant, actor: Actor, id: string): Promise<void>;
  listExceptions(tenant: SchedulingTenant, actor: Actor, filter: { providerId?: string; clinicId?: string; from?: string; to?: string }): Promise<AvailabilityExceptionView[]>;
  saveException(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }>;
  removeException(tenant: SchedulingTenant, actor: Actor, id: string): Promise<void>;
  /** The rules that apply to a doctor: their own row, else the tenant's. */
  policyFor(tenant: SchedulingTenant, providerId: string | null): Promise<BookingPolicyView>;
  savePolicy(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<void>;
  /** Drops a doctor's own booking rules, so the tenant's apply again. */
  removePolicy(tenant: SchedulingTenant, actor: Actor, providerId: string): Promise<void>;
}

export interface AvailabilityRuleView {
  id: string;
  providerId: string;
  clinicId: string;
  timeZone: string;
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  capacity: number;
  mode: "in_clinic" | "video";
  breaks: { start: string; end: string }[];
  validFrom: string;
  validUntil: string | null;
  active: boolean;
}

export interface AvailabilityExceptionView {
  id: string;
  kind: "time_off" | "extra_session" | "clinic_holiday";
  providerId: string | null;
  clinicId: string | null;
  date: string;
  start: string | null;
  end: string | null;
  note: string | null;
}

export interface BookingPolicyView {
  providerId: string | null;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  cancelCutoffMinutes: number;
  rescheduleCutoffMinutes: number;
  maxActivePerProvider: number;
  holdMinutes: number;
}

export interface AppointmentView {
  id: string;
  providerId: string;
  providerName: string;
  clinicId: string;
  clinicName: string;
  patientId: string;
  /** Who the visit is for: the account holder or one of their dependants. */
  visitor: { kind: "self" | "dependant"; id: string; name: string; /** For a dependant: the account holder who booked (whom the clinic contacts). */ accountHolderName?: string };
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: "in_clinic" | "video";
  status: AppointmentStatus;
  holdExpiresAt: string | null;
  /** Only for the patient and the treating doctor/front desk (CASL field rules). */
  reason?: string | null;
  fee: { amountMinor: number; currency: string } | null;
  cancelledBy: "patient" | "clinic" | null;
  rescheduledFrom: string | null;
  createdAt: string;
}

export interface QueueEntryView extends AppointmentView {
  position: number;
  /** Minutes until this patient is likely seen (0 when in consultation). */
  estimatedWaitMinutes: number;
}

/** Appointments (platform/src/appointments). Errors: `slot_taken` (409, details.nextSlots: OpenSlot[]), `conflict` (invalid transition, policy), `not_found`, `forbidden`, `validation_failed`. */
export interface AppointmentServices {
  /** Holds a slot for `policy.holdMinutes` for the signed-in patient (or, for front desk, `input.patientId`). */
  hold(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<AppointmentView>;
  /** Confirms a hold: who the visit is for (`dependantId` or self), `reason`, contact details. */
  confirm(tenant: SchedulingTenant, actor: Actor, id: string, input: Record<string, unknown>): Promise<AppointmentView>;
  /** Hold and confirm in one step, once per `idempotencyKey` (a retry returns the first result). */
  book(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>, idempotencyKey: string): Promise<{ appointment: AppointmentView; replayed: boolean }>;
  get(tenant: SchedulingTenant, actor: Actor, id: string): Promise<AppointmentView>;
  listForPatient(tenant: SchedulingTenant, actor: Actor): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }>;
  /** `checked_in`, `in_consultation`, `completed`, `no_show`: invalid moves are `conflict`. */
  transition(tenant: SchedulingTenant, actor: Actor, id: string, to: AppointmentStatus, note?: string | null): Promise<AppointmentView>;
  cancel(tenant: SchedulingTenant, actor: Actor, id: string, reason?: string | null): Promise<AppointmentView>;
  reschedule(tenant: SchedulingTenant, actor: Actor, id: string, input: Record<string, unknown>): Promise<AppointmentView>;
  joinWaitlist(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }>;
  /** Today's queue (or `date`) for a doctor at a clinic, in order, with estimated waits. */
  queue(tenant: SchedulingTenant, actor: Actor, q: { providerId: string; clinicId?: string | null; date?: string }): Promise<QueueEntryView[]>;
}
