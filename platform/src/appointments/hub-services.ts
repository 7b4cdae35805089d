// The doctor hub's facade (context.hub): the doctors a staff user works with, their
// calendar and queue, availability and booking on a patient's behalf. Every method acts
// as the signed-in user; abilities are checked on the records loaded.
import { canOn, defineAbilityFor, pickPermitted, requireCan, subject, type Actor, type AppAbility } from "../access/index.js";
import { createTenantAuditService } from "../audit/index.js";
import type { CalendarDayView, HubDoctorView, HubServices, PatientSummaryView } from "../context.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { IdentityStore, maskEmail } from "../identity/index.js";
import { formatLocalDate, isoWeekday, parseLocalDate, resolveLocalTime } from "../scheduling/index.js";
import { toView } from "./appointment-service.js";
import type { AppointmentServices, AppointmentStatus, AppointmentView, AvailabilityExceptionView, OpenSlot, SchedulingServices, SchedulingTenant } from "./contract.js";
import { parseRegisterPatientInput } from "./hub-services-inputs.js";
import { HubStore, type CalendarRule, type HubDoctorRecord, type PatientRecord } from "./hub-store.js";

/** A routed tenant as the hub needs it (its zone is the fallback for dates). */
export type HubTenant = SchedulingTenant & { timeZone: string };

export interface HubServicesDeps {
  withTenant: TenantUnitOfWork;
  scheduling: SchedulingServices;
  appointments: AppointmentServices;
  now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECK = "Please check the highlighted fields.";
const MAX_CALENDAR_DAYS = 7;
const MAX_SLOT_DAYS = 31;
const PATIENT_SEARCH_MIN = 3;
const PATIENT_SEARCH_MAX = 100;
const PATIENT_RESULTS = 20;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Builds `context.hub` for one signed-in staff user (past their second factor). */
export function createHubServices(deps: HubServicesDeps): (tenant: HubTenant, actor: Actor) => HubServices {
  return (tenant, actor) => new Hub(deps, tenant, actor);
}

/** `+91••••••3210`: the country code and the last four digits. */
export function maskPhone(phone: string): string {
  const m = /^(\+\d{1,2})(\d*)(\d{4})$/.exec(phone);
  return m ? `${m[1]}${"•".repeat(m[2]!.length)}${m[3]}` : "••••";
}

class Hub implements HubServices {
  private readonly now: () => Date;

  constructor(
    private readonly deps: HubServicesDeps,
    private readonly tenant: HubTenant,
    private readonly actor: Actor,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  private ability(): AppAbility {
    if (this.actor.tenantId !== this.tenant.id) throw new NotFoundError();
    return defineAbilityFor(this.actor, { now: this.now() });
  }

  /** Clinics of a doctor whose appointments or availability this user may see. */
  private visibleClinics(ability: AppAbility, d: HubDoctorRecord): HubDoctorRecord["clinics"] {
    return d.clinics.filter((c) => {
      const at = { providerId: d.id, clinicId: c.id };
      return canOn(ability, "read", "Appointment", at) || canOn(ability, "read", "Availability", at);
    });
  }

  /** The published doctor and the clinics of theirs this user may see; `not_found` when none. */
  private async requireDoctor(ability: AppAbility, providerId: string, clinicId?: string | null): Promise<{ doctor: HubDoctorRecord; clinics: HubDoctorRecord["clinics"] }> {
    if (!UUID.test(providerId ?? "")) throw new NotFoundError("No such doctor.");
    if (clinicId && !UUID.test(clinicId)) throw new NotFoundError("No such clinic.");
    const [doctor] = await this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).publishedDoctors(providerId));
    const clinics = doctor ? this.visibleClinics(ability, doctor).filter((c) => !clinicId || c.id === clinicId) : [];
    if (!doctor || !clinics.length) throw new NotFoundError("No such doctor.");
    return { doctor, clinics };
  }

  async doctors(): Promise<HubDoctorView[]> {
    const ability = this.ability();
    const all = await this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).publishedDoctors());
    const out: HubDoctorView[] = [];
    for (const d of all) {
      const clinics = this.visibleClinics(ability, d);
      if (!clinics.length) continue;
      const anywhere = (action: "manage" | "transition" | "create", type: "Availability" | "Appointment") =>
        clinics.some((c) => canOn(ability, action, type, { providerId: d.id, clinicId: c.id }));
      out.push({
        id: d.id,
        slug: d.slug,
        name: d.name,
        specialties: d.specialties,
        clinics,
        allowed: { manageAvailability: anywhere("manage", "Availability"), runQueue: anywhere("transition", "Appointment"), book: anywhere("create", "Appointment") },
      });
    }
    return out;
  }

  queue(q: { providerId: string; clinicId?: string | null; date?: string | null }) {
    return this.deps.appointments.queue(this.tenant, this.actor, { providerId: q.providerId, clinicId: q.clinicId || null, ...(blank(q.date) ? {} : { date: String(q.date) }) });
  }

  transition(id: string, to: AppointmentStatus, note?: string | null): Promise<AppointmentView> {
    return this.deps.appointments.transition(this.tenant, this.actor, id, to, blank(note) ? null : String(note).trim());
  }

  cancel(id: string, reason?: string | null): Promise<AppointmentView> {
    return this.deps.appointments.cancel(this.tenant, this.actor, id, blank(reason) ? null : String(reason).trim());
  }

  async calendar(q: { providerId: string; from: string; days: number; clinicId?: string | null }): Promise<CalendarDayView[]> {
    const problems: { field: string; message: string }[] = [];
    const first = parseLocalDate(String(q.from ?? ""));
    if (first === null) problems.push({ field: "from", message: "Use a date like 2026-12-01." });
    const days = Number(q.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_CALENDAR_DAYS) problems.push({ field: "days", message: `Use a whole number from 1 to ${MAX_CALENDAR_DAYS}.` });
    if (problems.length) throw new ValidationError(CHECK, problems);
    const ability = this.ability();
    const now = this.now();
    const { clinics } = await this.requireDoctor(ability, q.providerId, q.clinicId);
    const fromDate = formatLocalDate(first!);
    const toDate = formatLocalDate(first! + days - 1);
    const clinicIds = clinics.map((c) => c.id);
    const { rules, exceptions, appointments } = await this.deps.withTenant(this.tenant, async (scope) => {
      const store = new HubStore(scope);
      return {
        rules: await store.activeRules(q.providerId, fromDate, toDate),
        exceptions: await store.exceptions(q.providerId, clinicIds, fromDate, toDate),
        appointments: await store.appointmentsOn(q.providerId, clinicIds, fromDate, toDate, now),
      };
    });
    const names = new Map(clinics.map((c) => [c.id, c.name]));
    const readsAvailability = (clinicId: string) => names.has(clinicId) && canOn(ability, "read", "Availability", { providerId: q.providerId, clinicId });
    const readable = clinicIds.filter(readsAvailability);
    const out: CalendarDayView[] = [];
    for (let day = first!; day < first! + days; day++) {
      const date = formatLocalDate(day);
      const weekday = isoWeekday(day);
      const windows: CalendarDayView["windows"] = [];
      for (const r of rules) {
        if (!readsAvailability(r.clinicId) || !appliesOn(r, date, weekday)) continue;
        for (const part of withoutBreaks(r.start, r.end, r.breaks)) {
          windows.push({ clinicId: r.clinicId, clinicName: names.get(r.clinicId)!, start: part.start, end: part.end, slotMinutes: r.slotMinutes, source: "rule" });
        }
      }
      const closures: CalendarDayView["closures"] = [];
      for (const e of exceptions) {
        if (e.date !== date) continue;
        if (e.kind === "extra_session") {
          if (e.clinicId && readsAvailability(e.clinicId) && e.start && e.end) {
            windows.push({ clinicId: e.clinicId, clinicName: names.get(e.clinicId)!, start: e.start, end: e.end, slotMinutes: e.slotMinutes ?? 0, source: "extra_session" });
          }
          continue;
        }
        // A time off for no clinic applies at every clinic of the doctor, so whoever sees one of them sees it.
        const visible = e.clinicId ? readsAvailability(e.clinicId) : readable.length > 0;
        if (visible) closures.push({ id: e.id, kind: e.kind, clinicId: e.clinicId, start: e.start, end: e.end, note: e.note });
      }
      windows.sort((a, b) => a.start.localeCompare(b.start) || a.clinicName.localeCompare(b.clinicName));
      out.push({
        date,
        weekday,
        windows,
        closures,
        appointments: appointments
          .filter((a) => a.localDate === date && canOn(ability, "read", "Appointment", a))
          .map((a) => pickPermitted(ability, "read", "Appointment", toView(a, now)) as AppointmentView),
      });
    }
    return out;
  }

  listRules(providerId: string) {
    return this.deps.scheduling.listRules(this.tenant, this.actor, providerId);
  }

  saveRule(input: Record<string, unknown>) {
    return this.deps.scheduling.saveRule(this.tenant, this.actor, input);
  }

  removeRule(id: string) {
    return this.deps.scheduling.removeRule(this.tenant, this.actor, id);
  }

  /**
   * The doctor's own exceptions plus the holidays of the clinics of theirs this user may
   * see (a holiday names no doctor, so the scheduling service's doctor filter misses it), by date.
   */
  async listExceptions(filter: { providerId: string; from?: string; to?: string }): Promise<AvailabilityExceptionView[]> {
    const own = await this.deps.scheduling.listExceptions(this.tenant, this.actor, filter);
    if (!UUID.test(filter.providerId ?? "")) return own;
    const ability = this.ability();
    const [doctor] = await this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).publishedDoctors(filter.providerId));
    const clinicIds = doctor ? this.visibleClinics(ability, doctor).filter((c) => canOn(ability, "read", "Availability", { providerId: doctor.id, clinicId: c.id })).map((c) => c.id) : [];
    if (!clinicIds.length) return own;
    const rows = await this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).exceptions(filter.providerId, clinicIds, filter.from ?? "0001-01-01", filter.to ?? "9999-12-31"));
    const seen = new Set(own.map((e) => e.id));
    const holidays: AvailabilityExceptionView[] = rows
      .filter((e) => e.kind === "clinic_holiday" && !seen.has(e.id))
      .map((e) => ({ id: e.id, kind: e.kind, providerId: e.providerId, clinicId: e.clinicId, date: e.date, start: e.start, end: e.end, note: e.note }));
    return [...own, ...holidays].sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? "").localeCompare(b.start ?? ""));
  }

  saveException(input: Record<string, unknown>) {
    return this.deps.scheduling.saveException(this.tenant, this.actor, input);
  }

  removeException(id: string) {
    return this.deps.scheduling.removeException(this.tenant, this.actor, id);
  }

  /** Ids only, of the doctors this user may see. */
  async doctorsWithOwnPolicy(): Promise<string[]> {
    const [ids, doctors] = await Promise.all([this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).providersWithOwnPolicy()), this.doctors()]);
    const visible = new Set(doctors.map((d) => d.id));
    return ids.filter((id) => visible.has(id));
  }

  policyFor(providerId: string | null) {
    if (providerId !== null && !UUID.test(providerId)) return Promise.reject(new NotFoundError("No such doctor."));
    return this.deps.scheduling.policyFor(this.tenant, providerId);
  }

  savePolicy(input: Record<string, unknown>) {
    return this.deps.scheduling.savePolicy(this.tenant, this.actor, input);
  }

  removePolicy(providerId: string) {
    return this.deps.scheduling.removePolicy(this.tenant, this.actor, providerId);
  }

  async openSlots(q: { providerId: string; from?: string | null; days?: number | null; clinicId?: string | null }): Promise<OpenSlot[]> {
    const problems: { field: string; message: string }[] = [];
    const fromDay = blank(q.from) ? null : parseLocalDate(String(q.from).trim());
    if (!blank(q.from) && fromDay === null) problems.push({ field: "from", message: "Use a date like 2026-12-01." });
    const days = blank(q.days) ? 14 : Number(q.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_SLOT_DAYS) problems.push({ field: "days", message: `Use a whole number from 1 to ${MAX_SLOT_DAYS}.` });
    if (problems.length) throw new ValidationError(CHECK, problems);
    const ability = this.ability();
    const { doctor } = await this.requireDoctor(ability, q.providerId, q.clinicId);
    // Booking on the patient's behalf, or reading the doctor's availability there.
    const allowed = new Set(
      doctor.clinics
        .filter((c) => !q.clinicId || c.id === q.clinicId)
        .filter((c) => canOn(ability, "create", "Appointment", { providerId: doctor.id, clinicId: c.id }) || canOn(ability, "read", "Availability", { providerId: doctor.id, clinicId: c.id }))
        .map((c) => c.id),
    );
    if (!allowed.size) throw new NotFoundError("No such doctor.");
    // A date is read in the zone of the clinic it is for (else the tenant's).
    const zone = doctor.clinics.find((c) => allowed.has(c.id))?.timeZone ?? this.tenant.timeZone;
    const from = fromDay === null ? undefined : (resolveLocalTime(zone, formatLocalDate(fromDay), "00:00")[0] ?? resolveLocalTime(zone, formatLocalDate(fromDay), "01:00")[0]);
    const slots = await this.deps.scheduling.openSlots(this.tenant, { providerId: doctor.id, ...(from ? { from: from < this.now() ? this.now() : from } : {}), days, clinicId: q.clinicId || null });
    return slots.filter((s) => allowed.has(s.clinicId));
  }

  async findPatients(query: string): Promise<PatientSummaryView[]> {
    const text = typeof query === "string" ? query.trim().replace(/\s+/g, " ") : "";
    if (text.length < PATIENT_SEARCH_MIN) throw new ValidationError(CHECK, [{ field: "q", message: `Type at least ${PATIENT_SEARCH_MIN} characters of a name, phone or email.` }]);
    if (text.length > PATIENT_SEARCH_MAX) throw new ValidationError(CHECK, [{ field: "q", message: `At most ${PATIENT_SEARCH_MAX} characters.` }]);
    const ability = this.ability();
    if (!ability.can("read", subject("User", { kind: "patient" }))) throw new DomainError("forbidden", "You may not look up patients.");
    const digits = text.replace(/\D/g, "");
    const rows = await this.deps.withTenant(this.tenant, (scope) => new HubStore(scope).findPatients(text, digits.length >= PATIENT_SEARCH_MIN ? digits : null, PATIENT_RESULTS));
    return rows.filter((r) => canOn(ability, "read", "User", { id: r.id, kind: "patient" })).map((r) => this.summary(ability, r));
  }

  /** A patient as this user may see them: contact details masked unless they may read them. */
  private summary(ability: AppAbility, r: PatientRecord): PatientSummaryView {
    const seen = pickPermitted(ability, "read", "User", { id: r.id, kind: "patient", name: r.name, email: r.email, phone: r.phone });
    return {
      id: r.id,
      name: seen.name ?? r.name,
      phone: r.phone === null ? null : "phone" in seen ? r.phone : maskPhone(r.phone),
      email: r.email === null ? null : "email" in seen ? r.email : maskEmail(r.email),
      dependants: r.dependants,
    };
  }

  async registerPatient(input: Record<string, unknown>): Promise<PatientSummaryView> {
    const ability = this.ability();
    requireCan(ability, "create", "User", { kind: "patient" });
    const v = parseRegisterPatientInput(input);
    try {
      return await this.deps.withTenant(this.tenant, async (scope) => {
        const identity = new IdentityStore(scope);
        if (v.phone && (await identity.findUserByPhone("patient", v.phone))) throw taken("phone");
        if (v.email && (await identity.findUserByEmail("patient", v.email))) throw taken("email");
        // No password: the patient signs in later with a code sent to their phone.
        const id = await identity.insertUser({ kind: "patient", email: v.email ?? null, phone: v.phone ?? null, name: v.name, passwordHash: null, roles: [{ role: "patient" }] });
        await createTenantAuditService(scope).record({
          actorType: "user",
          actorId: this.actor.userId,
          action: "auth.sign_up",
          subjectType: "user",
          subjectId: id,
          outcome: "success",
          metadata: { method: "registered_by_staff" },
        });
        const created = await new HubStore(scope).findPatient(id);
        return this.summary(ability, created!);
      });
    } catch (err) {
      // Two desks registering the same number at once: the unique index decides.
      const pg = ((err as { cause?: unknown }).cause ?? err) as { code?: string; constraint?: string };
      if (pg?.code === "23505" || (err as { code?: string }).code === "23505") throw taken(String(pg.constraint ?? "").includes("phone") ? "phone" : "email");
      throw err;
    }
  }

  book(input: Record<string, unknown>, idempotencyKey: string) {
    return this.deps.appointments.book(this.tenant, this.actor, input, idempotencyKey);
  }
}

function taken(field: "phone" | "email"): DomainError {
  const message = field === "phone" ? "A patient with this mobile number is already registered; search for them instead." : "A patient with this email is already registered; search for them instead.";
  return new DomainError("conflict", message, [{ field, message }]);
}

/** Whether a weekly rule applies on `date` (its weekday and validity range). */
function appliesOn(r: CalendarRule, date: string, weekday: number): boolean {
  return r.weekdays.includes(weekday) && r.validFrom <= date && (r.validUntil === null || date <= r.validUntil);
}

/** A session's working parts once its breaks are taken out ("09:00-13:00" less "11:00-11:15"). */
export function withoutBreaks(start: string, end: string, breaks: { start: string; end: string }[]): { start: string; end: string }[] {
  const parts: { start: string; end: string }[] = [];
  let cursor = start;
  for (const b of [...breaks].sort((x, y) => x.start.localeCompare(y.start))) {
    if (b.end <= cursor || b.start >= end) continue;
    if (b.start > cursor) parts.push({ start: cursor, end: b.start });
    if (b.end > cursor) cursor = b.end;
  }
  if (cursor < end) parts.push({ start: cursor, end });
  return parts;
}
