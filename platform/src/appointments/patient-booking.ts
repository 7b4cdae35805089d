// The patient app's booking facade (context.booking): resolves doctors by slug, shows
// slots in the patient's zone, and adds what the pages need (links, the clinic's address,
// whether cancel/reschedule is still possible) to the appointment services' views.
import type { Actor } from "../access/index.js";
import type { AppointmentDetailView, BookingServices, DoctorSlotsView, SlotView } from "../context.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { BookingPolicyStore, formatLocalDate, isKnownTimeZone, parseLocalDate, resolveLocalTime } from "../scheduling/index.js";
// Not in the scheduling index (that file belongs to another change); see patient-zone.ts.
import { zonedClock } from "../scheduling/patient-zone.js";
import type { AppointmentServices, AppointmentView, BookingPolicyView, SchedulingServices, SchedulingTenant } from "./contract.js";
import { buildCalendar } from "./ics.js";
import { PatientBookingStore, type BookableDoctor } from "./patient-booking-store.js";

/** A routed tenant as booking needs it: the database reference, links, and its zone (the default display zone). */
export type BookingTenant = SchedulingTenant & { timeZone: string };

export interface PatientBookingDeps {
  withTenant: TenantUnitOfWork;
  scheduling: Pick<SchedulingServices, "openSlots" | "fullSlotStarts" | "policyFor">;
  appointments: AppointmentServices;
  now?: () => Date;
}

export const DEFAULT_SLOT_DAYS = 14;
export const MAX_SLOT_DAYS = 31;
const MINUTE = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CHECK = "Please check the highlighted fields.";
const LIVE_FOR_CHANGES = new Set(["held", "booked"]);

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * Builds `context.booking` for one request: `actor` is the signed-in patient (past any
 * second factor) or null, in which case only `slots` answers and the rest throw
 * `unauthenticated`.
 */
export function createPatientBooking(deps: PatientBookingDeps): (tenant: BookingTenant, actor: Actor | null) => BookingServices {
  return (tenant, actor) => new PatientBooking(deps, tenant, actor);
}

class PatientBooking implements BookingServices {
  private readonly now: () => Date;

  constructor(
    private readonly deps: PatientBookingDeps,
    private readonly tenant: BookingTenant,
    private readonly actor: Actor | null,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  private patient(): Actor {
    if (!this.actor || this.actor.kind !== "patient") throw new DomainError("unauthenticated", "Please sign in to book.");
    return this.actor;
  }

  private async doctor(slug: string): Promise<BookableDoctor | null> {
    if (!SLUG.test(slug)) return null;
    return this.deps.withTenant(this.tenant, (scope) => new PatientBookingStore(scope).publishedDoctor(slug));
  }

  /** The doctor a form names by slug; a missing or unknown one is a problem with that field. */
  private async doctorFromForm(input: Record<string, unknown>): Promise<BookableDoctor> {
    const slug = text(input.doctorSlug);
    const doctor = slug ? await this.doctor(slug) : null;
    if (!doctor) throw new ValidationError(CHECK, [{ field: "doctorSlug", message: "No such doctor." }]);
    return doctor;
  }

  async slots(doctorSlug: string, q: { zone?: string | null; from?: string | null; days?: number | null; clinicId?: string | null } = {}): Promise<DoctorSlotsView> {
    const problems: { field: string; message: string }[] = [];
    const zone = blank(q.zone) ? this.tenant.timeZone : String(q.zone).trim();
    const zoneOk = isKnownTimeZone(zone);
    if (!zoneOk) problems.push({ field: "zone", message: "Use an IANA time zone such as Asia/Kolkata." });
    const days = blank(q.days) ? DEFAULT_SLOT_DAYS : Number(q.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_SLOT_DAYS) problems.push({ field: "days", message: `Use a whole number from 1 to ${MAX_SLOT_DAYS}.` });
    const fromRaw = blank(q.from) ? null : String(q.from).trim();
    const fromDay = fromRaw === null ? null : parseLocalDate(fromRaw);
    if (fromRaw !== null && fromDay === null) problems.push({ field: "from", message: "Use a date like 2026-12-01." });
    const clinicId = blank(q.clinicId) ? null : String(q.clinicId).trim();
    if (clinicId !== null && !UUID.test(clinicId)) problems.push({ field: "clinicId", message: "Choose one of the doctor's clinics." });
    if (problems.length) throw new ValidationError(CHECK, problems);

    const doctor = await this.doctor(doctorSlug);
    if (!doctor) throw new NotFoundError("No such doctor.");
    if (clinicId !== null && !doctor.clinics.some((c) => c.id === clinicId)) throw new ValidationError(CHECK, [{ field: "clinicId", message: "Choose one of the doctor's clinics." }]);

    const local = zonedClock(zone);
    const first = fromDay ?? (parseLocalDate(local(this.now().getTime()).date) as number);
    const from = formatLocalDate(first);
    // A zone whose clocks skip midnight on that day starts it at 01:00.
    const start = resolveLocalTime(zone, from, "00:00")[0] ?? resolveLocalTime(zone, from, "01:00")[0];
    const [open, full, policy] = await Promise.all([
      this.deps.scheduling.openSlots(this.tenant, { providerId: doctor.id, from: start, days, clinicId }),
      this.deps.scheduling.fullSlotStarts(this.tenant, { providerId: doctor.id, from: start, days, clinicId }),
      this.deps.scheduling.policyFor(this.tenant, doctor.id),
    ]);
    const fullDates = new Set(full.map((iso) => local(Date.parse(iso)).date));
    const clinics = new Map(doctor.clinics.map((c) => [c.id, c]));
    const byDate = new Map<string, SlotView[]>();
    const dates = Array.from({ length: days }, (_, i) => formatLocalDate(first + i));
    for (const d of dates) byDate.set(d, []);
    for (const s of open) {
      const begin = local(Date.parse(s.startsAt));
      const end = local(Date.parse(s.endsAt));
      // The window is `days` times 24 hours; a day with a DST change can push one slot past the last date.
      const list = byDate.get(begin.date);
      if (!list) continue;
      list.push({
        clinicId: s.clinicId,
        clinicName: clinics.get(s.clinicId)?.name ?? "",
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        localDate: begin.date,
        localStart: begin.time,
        localEnd: end.time,
        clinicTimeZone: s.timeZone,
        clinicLocalStart: s.localStart,
        mode: s.mode,
        capacity: s.capacity,
        remaining: s.remaining,
      });
    }
    return {
      providerId: doctor.id,
      zone,
      from,
      to: dates[dates.length - 1]!,
      days: dates.map((date) => {
        const slots = byDate.get(date)!;
        return { date, state: slots.length ? "open" : fullDates.has(date) ? "full" : "closed", slots };
      }),
      clinics: doctor.clinics.map((c) => ({ id: c.id, name: c.name, timeZone: c.timeZone })),
      policy,
    };
  }

  async hold(input: Record<string, unknown>): Promise<AppointmentDetailView> {
    const actor = this.patient();
    const doctor = await this.doctorFromForm(input ?? {});
    const view = await this.deps.appointments.hold(this.tenant, actor, { providerId: doctor.id, clinicId: input.clinicId, startsAt: input.startsAt });
    return this.detail(view);
  }

  async confirm(id: string, input: Record<string, unknown>): Promise<AppointmentDetailView> {
    const actor = this.patient();
    const { dependantId, reason, contactPhone, contactEmail } = input ?? {};
    return this.detail(await this.deps.appointments.confirm(this.tenant, actor, id, { dependantId, reason, contactPhone, contactEmail }));
  }

  async release(id: string): Promise<void> {
    const actor = this.patient();
    const current = await this.deps.appointments.get(this.tenant, actor, id);
    // A hold that lapsed or was already given back needs nothing more.
    if (current.status === "expired" || current.status === "cancelled") return;
    if (current.status !== "held") throw new DomainError("conflict", "This appointment is no longer on hold; cancel it instead.", { status: current.status });
    await this.deps.appointments.cancel(this.tenant, actor, id, null);
  }

  async get(id: string): Promise<AppointmentDetailView> {
    const actor = this.patient();
    return this.detail(await this.deps.appointments.get(this.tenant, actor, id));
  }

  async mine(): Promise<{ upcoming: AppointmentDetailView[]; past: AppointmentDetailView[] }> {
    const actor = this.patient();
    const { upcoming, past } = await this.deps.appointments.listForPatient(this.tenant, actor);
    const all = await this.details([...upcoming, ...past]);
    return { upcoming: all.slice(0, upcoming.length), past: all.slice(upcoming.length) };
  }

  async cancel(id: string, reason?: string | null): Promise<AppointmentDetailView> {
    const actor = this.patient();
    return this.detail(await this.deps.appointments.cancel(this.tenant, actor, id, text(reason) ?? null));
  }

  async reschedule(id: string, input: Record<string, unknown>): Promise<AppointmentDetailView> {
    const actor = this.patient();
    const { startsAt, clinicId } = input ?? {};
    return this.detail(await this.deps.appointments.reschedule(this.tenant, actor, id, { startsAt, clinicId }));
  }

  async joinWaitlist(input: Record<string, unknown>): Promise<{ id: string }> {
    const actor = this.patient();
    const doctor = await this.doctorFromForm(input ?? {});
    const { clinicId, date, dependantId } = input;
    return this.deps.appointments.joinWaitlist(this.tenant, actor, { providerId: doctor.id, clinicId, date, dependantId });
  }

  async calendarFile(id: string): Promise<{ filename: string; body: string }> {
    const a = await this.get(id);
    const date = zonedClock(a.timeZone)(Date.parse(a.startsAt)).date;
    const body = buildCalendar({
      uid: `${a.id}@${this.tenant.primaryHost}`,
      stamp: this.now(),
      start: new Date(a.startsAt),
      end: new Date(a.endsAt),
      summary: `Appointment with ${a.providerName}`,
      location: [a.clinicName, a.clinicAddress].filter(Boolean).join(", "),
      status: a.status === "cancelled" || a.status === "expired" || a.status === "rescheduled" ? "CANCELLED" : a.status === "held" ? "TENTATIVE" : "CONFIRMED",
      sequence: a.status === "cancelled" || a.status === "rescheduled" ? 1 : 0,
    });
    return { filename: `appointment-${date}.ics`, body };
  }

  private async detail(view: AppointmentView): Promise<AppointmentDetailView> {
    return (await this.details([view]))[0]!;
  }

  /** Adds the doctor's slug, the clinic's address and what the patient may still change, in one transaction. */
  private async details(views: AppointmentView[]): Promise<AppointmentDetailView[]> {
    if (!views.length) return [];
    const now = this.now().getTime();
    return this.deps.withTenant(this.tenant, async (scope) => {
      const places = await new PatientBookingStore(scope).places(
        views.map((v) => v.providerId),
        views.map((v) => v.clinicId),
      );
      const policies = new Map<string, BookingPolicyView>();
      const policyStore = new BookingPolicyStore(scope);
      for (const providerId of new Set(views.filter((v) => LIVE_FOR_CHANGES.has(v.status)).map((v) => v.providerId))) {
        policies.set(providerId, await policyStore.policyFor(providerId));
      }
      return views.map((v) => {
        const policy = policies.get(v.providerId);
        const starts = Date.parse(v.startsAt);
        const before = (minutes: number) => now <= starts - minutes * MINUTE;
        return {
          ...v,
          providerSlug: places.providerSlugs.get(v.providerId) ?? "",
          clinicAddress: places.clinicAddresses.get(v.clinicId) ?? "",
          // A hold can always be given back; a booking until the cut-off (the service checks again).
          canCancel: Boolean(policy) && (v.status === "held" ? starts > now : v.status === "booked" && before(policy!.cancelCutoffMinutes)),
          canReschedule: Boolean(policy) && v.status === "booked" && before(policy!.rescheduleCutoffMinutes),
        };
      });
    });
  }
}
