import { canOn, defineAbilityFor, pickPermitted, requireCan, type Actor, type AppAbility } from "../access/index.js";
import { createTenantAuditService, type AuditAction, type AuditEntry, type AuditMetadata } from "../audit/index.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, isDomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { parseBookInput, parseConfirmInput, parseHoldInput, parseRescheduleInput, parseWaitlistInput, type BookInput } from "./appointment-inputs.js";
import { randomUUID } from "node:crypto";
import { AppointmentStore, type AppointmentEvent, type AppointmentRecord, type BookingContext } from "./appointment-store.js";
import type { AppointmentServices, AppointmentStatus, AppointmentView, BookingPolicyView, OpenSlot, QueueEntryView, SchedulingTenant } from "./contract.js";
import { requireTransition, STAFF_TRANSITIONS, stampFor } from "./state-machine.js";
import { offerSlotToNextWaiting, waitlistOfferMinutesFrom } from "./appointment-sweeper.js";
import { WaitlistStore } from "./waitlist-store.js";

/** What the booking transaction needs to know about one slot (the engine's `Slot` fits). */
export interface BookableSlot {
  providerId: string;
  clinicId: string;
  startsAt: Date;
  endsAt: Date;
  localDate: string;
  capacity: number;
  mode: "in_clinic" | "video";
}

/** The scheduling functions booking runs inside its own tenant transaction (platform/src/scheduling/slot-service.ts). */
export interface SlotLookup {
  /** The slot starting exactly at `startsAt` inside the policy's window, whether or not it is full; null when there is none. */
  findBookableSlot(scope: TenantScope, q: { providerId: string; clinicId: string; startsAt: Date }, now: Date): Promise<{ slot: BookableSlot; policy: BookingPolicyView } | null>;
  /** Up to `limit` open slots of the doctor starting after `after`. */
  nextOpenSlots(scope: TenantScope, providerId: string, after: Date, limit: number, now: Date): Promise<OpenSlot[]>;
  /** The booking rules of a doctor (their own row, else the tenant's). */
  policyFor(scope: TenantScope, providerId: string | null): Promise<BookingPolicyView>;
}

export interface AppointmentDeps {
  withTenant: TenantUnitOfWork;
  scheduling: SlotLookup;
  now?: () => Date;
  /** How long a patient has to take up a slot offered from the waitlist (never past the slot's start); default `WAITLIST_OFFER_MINUTES`, else 30. */
  waitlistOfferMinutes?: number;
}

const NEXT_SLOTS = 5;
const MINUTE = 60_000;

interface Ctx {
  scope: TenantScope;
  actor: Actor;
  ability: AppAbility;
  store: AppointmentStore;
  waitlist: WaitlistStore;
  now: Date;
  /** Audit rows to append as the transaction's last statements (see `run`). */
  audits: AuditEntry[];
}

/** A new appointment: the slot, who it is for, and how it came about. */
interface Placement {
  patientId: string;
  providerId: string;
  clinicId: string;
  startsAt: Date;
  dependantId?: string | null;
  reason?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  idempotencyKey?: string | null;
  rescheduledFrom?: string | null;
}

const actorKind = (a: Actor): AppointmentEvent["actorKind"] => (a.kind === "patient" ? "patient" : "staff");

const MAX_ATTEMPTS = 4;

/** A deadlock or serialization failure: the whole transaction may simply run again. */
export function isRetryable(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (err as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}

/** Booking, the appointment lifecycle, the waitlist and the doctor's queue. */
export class AppointmentService implements AppointmentServices {
  private readonly now: () => Date;
  private readonly offerMinutes: number;

  constructor(private readonly deps: AppointmentDeps) {
    this.now = deps.now ?? (() => new Date());
    // The sweeper that re-offers a lapsed offer reads the same variable (see main.ts).
    this.offerMinutes = deps.waitlistOfferMinutes ?? waitlistOfferMinutesFrom(process.env);
  }

  /**
   * Runs `work` in one tenant transaction with the actor's ability; another tenant's actor
   * finds nothing. A transaction that lost a deadlock or serialization race (two bookings
   * crossing on the seat and audit locks) is run again from the start, a few times, so the
   * patient gets the real answer (booked, or `slot_taken`) rather than "please retry".
   */
  private async run<T>(tenant: SchedulingTenant, actor: Actor, work: (ctx: Ctx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(tenant, actor, work);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * attempt)));
      }
    }
  }

  private runOnce<T>(tenant: SchedulingTenant, actor: Actor, work: (ctx: Ctx) => Promise<T>): Promise<T> {
    if (actor.tenantId !== tenant.id) return Promise.reject(new NotFoundError());
    const now = this.now();
    const ability = defineAbilityFor(actor, { now });
    return this.deps.withTenant(tenant, async (scope) => {
      const ctx: Ctx = { scope, actor, ability, store: new AppointmentStore(scope), waitlist: new WaitlistStore(scope), now, audits: [] };
      const result = await work(ctx);
      // The audit chain is one lock per tenant: appending last holds it only until commit,
      // so concurrent bookings queue on it for as short a time as possible.
      if (ctx.audits.length) {
        const audit = createTenantAuditService(scope);
        for (const entry of ctx.audits) await audit.record(entry);
      }
      return result;
    });
  }

  async hold(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<AppointmentView> {
    const i = parseHoldInput(input);
    return this.run(tenant, actor, async (ctx) => {
      const patientId = await this.patientFor(ctx, i.patientId ?? null);
      requireCan(ctx.ability, "create", "Appointment", { patientId, providerId: i.providerId, clinicId: i.clinicId });
      const rec = await this.place(ctx, { ...i, patientId }, "held", { topic: "appointment.held", audit: "appointment.held" });
      return this.view(ctx, rec);
    });
  }

  async confirm(tenant: SchedulingTenant, actor: Actor, id: string, input: Record<string, unknown>): Promise<AppointmentView> {
    const i = parseConfirmInput(input);
    return this.run(tenant, actor, async (ctx) => {
      const rec = await this.load(ctx, id, { lock: true });
      const holder = actor.userId === rec.patientId || (actor.userId === rec.bookedBy && canOn(ctx.ability, "update", "Appointment", rec));
      if (!holder) throw new DomainError("forbidden", "Only whoever holds this slot can confirm it.");
      if (rec.status === "expired" || (rec.status === "held" && rec.holdExpiresAt !== null && rec.holdExpiresAt <= ctx.now)) {
        throw new DomainError("conflict", "Your hold expired; please pick the slot again.", { from: rec.status, to: "booked" });
      }
      requireTransition(rec.status, "booked");
      if (i.dependantId && !(await ctx.store.isDependantOf(i.dependantId, rec.patientId))) throw new NotFoundError("No such dependant.");
      const provider = await ctx.store.publishedProvider(rec.providerId);
      if (!provider) throw new NotFoundError("No such doctor.");
      await ctx.store.patch(rec.id, {
        status: "booked",
        holdExpiresAt: null,
        dependantId: i.dependantId ?? null,
        reason: i.reason,
        contactPhone: i.contactPhone ?? null,
        contactEmail: i.contactEmail ?? null,
        feeMinor: provider.feeMinor,
        currency: provider.currency,
      });
      await ctx.waitlist.markBooked(rec.patientId, rec.providerId, rec.localDate);
      await this.record(ctx, rec, { from: "held", to: "booked" }, "appointment.booked", "appointment.booked", {});
      return this.viewOf(ctx, rec.id);
    });
  }

  async book(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>, idempotencyKey: string): Promise<{ appointment: AppointmentView; replayed: boolean }> {
    const i = parseBookInput(input);
    const key = typeof idempotencyKey === "string" ? idempotencyKey.trim() : "";
    if (!key || key.length > 200) throw new ValidationError("Send an idempotency key.", [{ field: "idempotencyKey", message: "1 to 200 characters, e.g. a UUID." }]);
    try {
      return await this.run(tenant, actor, async (ctx) => {
        const patientId = await this.patientFor(ctx, i.patientId ?? null);
        const context = await ctx.store.bookingContext({ patientId, providerId: i.providerId, clinicId: i.clinicId, dependantId: i.dependantId ?? null, idempotencyKey: key, now: ctx.now });
        if (context.replayId) {
          const first = await ctx.store.find(context.replayId);
          if (first) return { appointment: this.replay(ctx, first, i), replayed: true };
        }
        requireCan(ctx.ability, "create", "Appointment", { patientId, providerId: i.providerId, clinicId: i.clinicId });
        if (i.dependantId && context.dependantName === null) throw new NotFoundError("No such dependant.");
        try {
          const rec = await this.place(ctx, { ...i, patientId, idempotencyKey: key }, "booked", { topic: "appointment.booked", audit: "appointment.booked" }, context);
          return { appointment: this.view(ctx, rec), replayed: false };
        } catch (err) {
          // The same request twice at once: this one's insert waited for the other's (seat
          // or idempotency key) and found it committed, so a new read in this transaction sees it.
          if (!isDomainError(err) || err.code !== "slot_taken") throw err;
          const first = await ctx.store.findByIdempotencyKey(patientId, key);
          if (!first) throw err;
          return { appointment: this.replay(ctx, first, i), replayed: true };
        }
      });
    } catch (err) {
      // The other one committed between this one's checks: answer with it.
      if (!isDomainError(err) || err.code !== "conflict" || (err.details as { field?: string } | undefined)?.field === "idempotencyKey") throw err;
      const winner = await this.run(tenant, actor, async (ctx) => {
        const patientId = await this.patientFor(ctx, i.patientId ?? null);
        const first = await ctx.store.findByIdempotencyKey(patientId, key);
        return first ? this.replay(ctx, first, i) : null;
      });
      if (!winner) throw err;
      return { appointment: winner, replayed: true };
    }
  }

  /** The first appointment made under a key, when this request is the same one again. */
  private replay(ctx: Ctx, first: AppointmentRecord, i: BookInput): AppointmentView {
    const same =
      first.providerId === i.providerId &&
      first.clinicId === i.clinicId &&
      first.startsAt.getTime() === i.startsAt.getTime() &&
      first.dependantId === (i.dependantId ?? null) &&
      first.reason === i.reason &&
      first.contactPhone === (i.contactPhone ?? null) &&
      first.contactEmail === (i.contactEmail ?? null);
    if (!same) throw new DomainError("conflict", "This idempotency key was already used for a different booking; send a new key for a new booking.", { field: "idempotencyKey" });
    return this.view(ctx, first);
  }

  async get(tenant: SchedulingTenant, actor: Actor, id: string): Promise<AppointmentView> {
    return this.run(tenant, actor, async (ctx) => this.view(ctx, await this.load(ctx, id)));
  }

  async listForPatient(tenant: SchedulingTenant, actor: Actor): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }> {
    return this.run(tenant, actor, async (ctx) => {
      const rows = (await ctx.store.listForPatient(actor.userId)).filter((r) => canOn(ctx.ability, "read", "Appointment", r));
      const lapsed = (r: AppointmentRecord) => r.status === "expired" || (r.status === "held" && r.holdExpiresAt !== null && r.holdExpiresAt <= ctx.now);
      const live = (r: AppointmentRecord) => ["held", "booked", "checked_in", "in_consultation"].includes(r.status) && r.endsAt > ctx.now;
      const kept = rows.filter((r) => !lapsed(r));
      return {
        upcoming: kept
          .filter(live)
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
          .map((r) => this.view(ctx, r)),
        past: kept.filter((r) => !live(r)).map((r) => this.view(ctx, r)),
      };
    });
  }

  async transition(tenant: SchedulingTenant, actor: Actor, id: string, to: AppointmentStatus, note?: string | null): Promise<AppointmentView> {
    if (!STAFF_TRANSITIONS.includes(to)) throw new ValidationError("Please check the highlighted fields.", [{ field: "to", message: `One of ${STAFF_TRANSITIONS.join(", ")}.` }]);
    if (note != null && (typeof note !== "string" || note.length > 500)) throw new ValidationError("Please check the highlighted fields.", [{ field: "note", message: "At most 500 characters." }]);
    return this.run(tenant, actor, async (ctx) => {
      const rec = await this.load(ctx, id, { lock: true });
      requireCan(ctx.ability, "transition", "Appointment", rec);
      requireTransition(rec.status, to);
      const stamp = stampFor(to);
      await ctx.store.patch(rec.id, { status: to, ...(stamp ? { [stamp]: ctx.now } : {}) });
      await this.record(ctx, rec, { from: rec.status, to, note: note?.trim() || null }, "appointment.transitioned", "appointment.transitioned", { from: rec.status, to });
      return this.viewOf(ctx, rec.id);
    });
  }

  async cancel(tenant: SchedulingTenant, actor: Actor, id: string, reason?: string | null): Promise<AppointmentView> {
    if (reason != null && (typeof reason !== "string" || reason.length > 500)) throw new ValidationError("Please check the highlighted fields.", [{ field: "reason", message: "At most 500 characters." }]);
    return this.run(tenant, actor, async (ctx) => {
      const rec = await this.load(ctx, id, { lock: true });
      requireCan(ctx.ability, "cancel", "Appointment", rec);
      const byPatient = this.isOwnPatient(actor, rec);
      requireTransition(rec.status, "cancelled");
      if (byPatient && rec.status !== "held") await this.requireBeforeCutoff(ctx, rec, "cancelCutoffMinutes", "cancelled");
      const cancelledBy = byPatient ? "patient" : "clinic";
      await ctx.store.patch(rec.id, { status: "cancelled", cancelledBy, cancelReason: reason?.trim() || null });
      await this.record(ctx, rec, { from: rec.status, to: "cancelled" }, "appointment.cancelled", "appointment.cancelled", { cancelledBy }, { cancelledBy });
      await this.offerFreedSlot(ctx, rec);
      return this.viewOf(ctx, rec.id);
    });
  }

  async reschedule(tenant: SchedulingTenant, actor: Actor, id: string, input: Record<string, unknown>): Promise<AppointmentView> {
    const i = parseRescheduleInput(input);
    return this.run(tenant, actor, async (ctx) => {
      const rec = await this.load(ctx, id, { lock: true });
      const byPatient = this.isOwnPatient(actor, rec);
      // A patient moves their own visit (they may cancel it); staff need to update it.
      requireCan(ctx.ability, byPatient ? "cancel" : "update", "Appointment", rec);
      requireTransition(rec.status, "rescheduled");
      if (byPatient) await this.requireBeforeCutoff(ctx, rec, "rescheduleCutoffMinutes", "rescheduled");
      const clinicId = i.clinicId ?? rec.clinicId;
      requireCan(ctx.ability, "create", "Appointment", { patientId: rec.patientId, providerId: rec.providerId, clinicId });
      // The old visit stops counting first, so the per-patient limit and its seat do not stand in the way.
      await ctx.store.patch(rec.id, { status: "rescheduled" });
      await ctx.store.addEvents([{ appointmentId: rec.id, from: rec.status, to: "rescheduled", actorId: actor.userId, actorKind: actorKind(actor) }]);
      const placed = await this.place(
        ctx,
        {
          patientId: rec.patientId,
          providerId: rec.providerId,
          clinicId,
          startsAt: i.startsAt,
          dependantId: rec.dependantId,
          reason: rec.reason,
          contactPhone: rec.contactPhone,
          contactEmail: rec.contactEmail,
          rescheduledFrom: rec.id,
        },
        "booked",
        { topic: "appointment.rescheduled", audit: "appointment.rescheduled", extra: { rescheduledFrom: rec.id } },
      );
      await this.offerFreedSlot(ctx, rec);
      return this.view(ctx, placed);
    });
  }

  async joinWaitlist(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
    const i = parseWaitlistInput(input);
    return this.run(tenant, actor, async (ctx) => {
      const patientId = await this.patientFor(ctx, i.patientId ?? null);
      requireCan(ctx.ability, "create", "Appointment", { patientId, providerId: i.providerId, clinicId: i.clinicId ?? undefined });
      if (!(await ctx.store.publishedProvider(i.providerId))) throw new NotFoundError("No such doctor.");
      if (i.dependantId && !(await ctx.store.isDependantOf(i.dependantId, patientId))) throw new NotFoundError("No such dependant.");
      const dayStart = new Date(`${i.date}T00:00:00Z`);
      // The local day may begin up to 14 hours before midnight UTC.
      if (dayStart.getTime() + 38 * 60 * MINUTE <= ctx.now.getTime()) throw new ValidationError("Please check the highlighted fields.", [{ field: "date", message: "This day is over." }]);
      const after = new Date(Math.max(ctx.now.getTime(), dayStart.getTime() - 14 * 60 * MINUTE));
      const open = (await this.deps.scheduling.nextOpenSlots(ctx.scope, i.providerId, after, 5000, ctx.now)).filter((s) => s.localDate === i.date && (!i.clinicId || s.clinicId === i.clinicId));
      if (open.length) throw new DomainError("conflict", "This day still has open slots; book one of them instead.", { nextSlots: open.slice(0, NEXT_SLOTS) });
      if (await ctx.waitlist.findOpen(patientId, i.providerId, i.date)) throw new DomainError("conflict", "You are already on the waitlist for this day.");
      const id = await ctx.waitlist.insert({ providerId: i.providerId, clinicId: i.clinicId ?? null, date: i.date, patientId, dependantId: i.dependantId ?? null });
      this.audit(ctx, "waitlist.joined", "waitlist_entry", id, { providerId: i.providerId });
      return { id };
    });
  }

  async queue(tenant: SchedulingTenant, actor: Actor, q: { providerId: string; clinicId?: string | null; date?: string }): Promise<QueueEntryView[]> {
    const problems: { field: string; message: string }[] = [];
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!UUID.test(q.providerId ?? "")) problems.push({ field: "providerId", message: "Use a doctor's id." });
    if (q.clinicId && !UUID.test(q.clinicId)) problems.push({ field: "clinicId", message: "Use a clinic id." });
    if (q.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(q.date)) problems.push({ field: "date", message: "Use a date like 2026-12-01." });
    if (problems.length) throw new ValidationError("Please check the query.", problems);
    return this.run(tenant, actor, async (ctx) => {
      const clinicId = q.clinicId || null;
      // Patients never see a doctor's queue; the doctor sees their own, the front desk their clinics'.
      const mayRead = clinicId
        ? canOn(ctx.ability, "read", "Appointment", { providerId: q.providerId, clinicId })
        : canOn(ctx.ability, "read", "Appointment", { providerId: q.providerId }) || actor.clinicIds.some((c) => canOn(ctx.ability, "read", "Appointment", { providerId: q.providerId, clinicId: c }));
      if (!mayRead) throw new NotFoundError("Appointment not found");
      const rows = await ctx.store.queue({ providerId: q.providerId, clinicId, date: q.date ?? null, now: ctx.now });
      return orderQueue(rows, ctx.now)
        .filter((e) => canOn(ctx.ability, "read", "Appointment", e.record))
        .map((e) => ({ ...this.view(ctx, e.record), position: e.position, estimatedWaitMinutes: e.estimatedWaitMinutes }));
    });
  }

  // ---- shared steps ---------------------------------------------------------------

  /** The patient a booking is for: a patient books for themselves; staff name an active patient. */
  private async patientFor(ctx: Ctx, requested: string | null): Promise<string> {
    if (ctx.actor.kind === "patient") {
      if (requested && requested !== ctx.actor.userId) throw new ValidationError("Please check the highlighted fields.", [{ field: "patientId", message: "You can book for yourself and your dependants only." }]);
      return ctx.actor.userId;
    }
    if (!requested) throw new ValidationError("Please check the highlighted fields.", [{ field: "patientId", message: "Choose the patient this visit is for." }]);
    if (!(await ctx.store.isActivePatient(requested))) throw new NotFoundError("No such patient.");
    return requested;
  }

  private isOwnPatient(actor: Actor, rec: AppointmentRecord): boolean {
    return actor.kind === "patient" && actor.userId === rec.patientId;
  }

  private async load(ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<AppointmentRecord> {
    const rec = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await ctx.store.find(id, opts) : null;
    if (!rec || !canOn(ctx.ability, "read", "Appointment", rec)) throw new NotFoundError("Appointment not found");
    return rec;
  }

  private async requireBeforeCutoff(ctx: Ctx, rec: AppointmentRecord, which: "cancelCutoffMinutes" | "rescheduleCutoffMinutes", to: AppointmentStatus): Promise<void> {
    const policy = await this.deps.scheduling.policyFor(ctx.scope, rec.providerId);
    const minutes = policy[which];
    if (ctx.now.getTime() > rec.startsAt.getTime() - minutes * MINUTE) {
      const verb = to === "cancelled" ? "cancelled" : "moved";
      throw new DomainError("conflict", `Appointments can be ${verb} online until ${minutes} minutes before they start; please call the clinic.`, { cutoffMinutes: minutes });
    }
  }

  /**
   * Takes a seat of the slot for a new appointment, in the caller's transaction: the
   * doctor is published, the slot exists at `now`, the patient is within their limit;
   * lapsed holds on that time are expired, then the lowest free seat is tried, the next
   * one whenever the database says another transaction took it. No seat left: `slot_taken`.
   * Round trips: the context (unless given), the slot's schedule (none when cached), one
   * for expiry and seats, one per seat tried (appointment, event, outbox and waitlist together).
   */
  private async place(ctx: Ctx, p: Placement, status: "held" | "booked", emit: { topic: string; audit: AuditAction; extra?: Record<string, string> }, given?: BookingContext): Promise<AppointmentRecord> {
    const { store, now } = ctx;
    const context = given ?? (await store.bookingContext({ patientId: p.patientId, providerId: p.providerId, clinicId: p.clinicId, dependantId: p.dependantId ?? null, idempotencyKey: null, now }));
    const provider = context.provider;
    if (!provider) throw new NotFoundError("No such doctor.");
    const found = await this.deps.scheduling.findBookableSlot(ctx.scope, { providerId: p.providerId, clinicId: p.clinicId, startsAt: p.startsAt }, now);
    if (!found) {
      if (await store.liveAt(p.providerId, p.startsAt)) throw await this.slotTaken(ctx, p.providerId, p.startsAt);
      throw new ValidationError("No such slot.", [{ field: "startsAt", message: "No such slot: pick one of the open slots." }]);
    }
    const { slot, policy } = found;
    const active = context.active;
    if (active >= policy.maxActivePerProvider) {
      throw new DomainError("conflict", policy.maxActivePerProvider === 1 ? "You already have an upcoming appointment with this doctor." : `You already have ${active} upcoming appointments with this doctor.`, { limit: policy.maxActivePerProvider });
    }
    const { expired, taken } = await store.expireLapsedAndTakenSeats(slot.providerId, slot.startsAt, slot.endsAt, now);
    if (expired.length) {
      await store.addEvents(expired.map((e) => ({ appointmentId: e.id, from: "held" as const, to: "expired" as const, actorId: null, actorKind: "system" as const })));
      await store.addOutbox(expired.map((e) => ({ topic: "appointment.expired", payload: { appointmentId: e.id, providerId: slot.providerId, clinicId: e.clinicId, patientId: e.patientId } })));
    }
    const id = randomUUID();
    const row = {
      id,
      providerId: slot.providerId,
      clinicId: slot.clinicId,
      patientId: p.patientId,
      dependantId: p.dependantId ?? null,
      bookedBy: ctx.actor.userId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      seat: 0,
      mode: slot.mode,
      status,
      holdExpiresAt: status === "held" ? new Date(now.getTime() + policy.holdMinutes * MINUTE) : null,
      reason: p.reason ?? null,
      contactPhone: p.contactPhone ?? null,
      contactEmail: p.contactEmail ?? null,
      feeMinor: status === "booked" ? provider.feeMinor : null,
      currency: status === "booked" ? provider.currency : null,
      rescheduledFrom: p.rescheduledFrom ?? null,
      idempotencyKey: p.idempotencyKey ?? null,
    };
    const extra = {
      event: { to: status, actorId: ctx.actor.userId, actorKind: actorKind(ctx.actor) },
      outbox: { topic: emit.topic, payload: { appointmentId: id, providerId: slot.providerId, clinicId: slot.clinicId, patientId: p.patientId, ...(emit.extra ?? {}) } },
      markWaitlistBooked: status === "booked" ? { date: slot.localDate } : null,
    };
    let createdAt: Date | null = null;
    for (let seat = 1; seat <= slot.capacity && !createdAt; seat += 1) {
      if (taken.has(seat)) continue;
      row.seat = seat;
      createdAt = await store.insertPlaced(row, extra);
    }
    if (!createdAt) throw await this.slotTaken(ctx, p.providerId, slot.startsAt);
    this.audit(ctx, emit.audit, "appointment", id, { providerId: slot.providerId, clinicId: slot.clinicId });
    return {
      ...row,
      providerName: provider.name,
      clinicName: context.clinic?.name ?? "",
      timeZone: context.clinic?.timeZone ?? "",
      patientName: context.patientName ?? "",
      dependantName: p.dependantId ? context.dependantName : null,
      localDate: slot.localDate,
      cancelledBy: null,
      checkedInAt: null,
      startedAt: null,
      completedAt: null,
      createdAt,
    };
  }

  private async slotTaken(ctx: Ctx, providerId: string, startsAt: Date): Promise<DomainError> {
    let nextSlots: OpenSlot[] = [];
    try {
      nextSlots = (await this.deps.scheduling.nextOpenSlots(ctx.scope, providerId, startsAt, NEXT_SLOTS + 1, ctx.now)).filter((s) => new Date(s.startsAt).getTime() !== startsAt.getTime()).slice(0, NEXT_SLOTS);
    } catch {
      // The answer is still "taken"; the alternatives are a courtesy.
    }
    return new DomainError("slot_taken", "This slot was just taken.", { nextSlots });
  }

  /** The event, the outbox row (ids only) and the audit row of one change, in the caller's transaction. */
  private async record(
    ctx: Ctx,
    rec: Pick<AppointmentRecord, "id" | "providerId" | "clinicId" | "patientId">,
    move: { from: AppointmentStatus | null; to: AppointmentStatus; note?: string | null },
    topic: string,
    action: AuditAction,
    metadata: AuditMetadata,
    payload: Record<string, string> = {},
  ): Promise<void> {
    await ctx.store.addEvents([{ appointmentId: rec.id, from: move.from, to: move.to, actorId: ctx.actor.userId, actorKind: actorKind(ctx.actor), note: move.note ?? null }]);
    const base = { appointmentId: rec.id, providerId: rec.providerId, clinicId: rec.clinicId, patientId: rec.patientId };
    await ctx.store.addOutbox([{ topic, payload: { ...base, ...(topic === "appointment.transitioned" ? { from: move.from, to: move.to } : {}), ...payload } }]);
    this.audit(ctx, action, "appointment", rec.id, { providerId: rec.providerId, clinicId: rec.clinicId, ...metadata });
  }

  private audit(ctx: Ctx, action: AuditAction, subjectType: string, subjectId: string, metadata: AuditMetadata, system = false): void {
    ctx.audits.push({
      actorType: system ? "system" : ctx.actor.kind === "platform_admin" ? "platform_admin" : "user",
      actorId: system ? null : ctx.actor.userId,
      action,
      subjectType,
      subjectId,
      outcome: "success",
      metadata,
    });
  }

  /** A future seat was freed: the first patient waiting for that doctor's day is offered it. */
  private async offerFreedSlot(ctx: Ctx, rec: AppointmentRecord): Promise<void> {
    if (rec.startsAt <= ctx.now) return;
    const expiresAt = new Date(Math.min(rec.startsAt.getTime(), ctx.now.getTime() + this.offerMinutes * MINUTE));
    const entry = await offerSlotToNextWaiting(ctx.scope, { providerId: rec.providerId, clinicId: rec.clinicId, date: rec.localDate, startsAt: rec.startsAt, expiresAt }, { freedAppointmentId: rec.id });
    if (!entry) return;
    this.audit(ctx, "waitlist.offered", "waitlist_entry", entry.id, { providerId: rec.providerId, appointmentId: rec.id }, true);
  }

  private async viewOf(ctx: Ctx, id: string): Promise<AppointmentView> {
    const rec = await ctx.store.find(id);
    if (!rec) throw new NotFoundError("Appointment not found");
    return this.view(ctx, rec);
  }

  /** The fields of the view the actor may read (CASL field rules: e.g. no `reason` for admins). */
  private view(ctx: Ctx, rec: AppointmentRecord): AppointmentView {
    return pickPermitted(ctx.ability, "read", "Appointment", toView(rec, ctx.now)) as AppointmentView;
  }
}

/** The view of a record; a hold that lapsed shows as `expired` before anything marks it. */
export function toView(r: AppointmentRecord, now: Date): AppointmentView {
  const lapsed = r.status === "held" && r.holdExpiresAt !== null && r.holdExpiresAt <= now;
  return {
    id: r.id,
    providerId: r.providerId,
    providerName: r.providerName,
    clinicId: r.clinicId,
    clinicName: r.clinicName,
    patientId: r.patientId,
    visitor: r.dependantId ? { kind: "dependant", id: r.dependantId, name: r.dependantName ?? "", accountHolderName: r.patientName } : { kind: "self", id: r.patientId, name: r.patientName },
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    timeZone: r.timeZone,
    mode: r.mode,
    status: lapsed ? "expired" : r.status,
    holdExpiresAt: r.status === "held" && r.holdExpiresAt ? r.holdExpiresAt.toISOString() : null,
    reason: r.reason,
    fee: r.feeMinor !== null && r.currency ? { amountMinor: r.feeMinor, currency: r.currency } : null,
    cancelledBy: r.cancelledBy,
    rescheduledFrom: r.rescheduledFrom,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * A doctor's day in the order patients are seen, per clinic: whoever is in consultation,
 * then those who checked in, then those still expected, each by slot time. The estimated
 * wait is the sum of what is left of the slots ahead (0 for the one in consultation).
 */
export function orderQueue(rows: AppointmentRecord[], now: Date): { record: AppointmentRecord; position: number; estimatedWaitMinutes: number }[] {
  const rank: Partial<Record<AppointmentStatus, number>> = { in_consultation: 0, checked_in: 1, booked: 2 };
  const byClinic = new Map<string, AppointmentRecord[]>();
  for (const r of rows) {
    if (rank[r.status] === undefined) continue;
    byClinic.set(r.clinicId, [...(byClinic.get(r.clinicId) ?? []), r]);
  }
  const out: { record: AppointmentRecord; position: number; estimatedWaitMinutes: number }[] = [];
  for (const list of byClinic.values()) {
    list.sort((a, b) => rank[a.status]! - rank[b.status]! || a.startsAt.getTime() - b.startsAt.getTime() || a.seat - b.seat || a.id.localeCompare(b.id));
    let aheadMs = 0;
    list.forEach((r, i) => {
      out.push({ record: r, position: i + 1, estimatedWaitMinutes: r.status === "in_consultation" ? 0 : Math.ceil(aheadMs / MINUTE) });
      const length = r.endsAt.getTime() - r.startsAt.getTime();
      aheadMs += r.status === "in_consultation" && r.startedAt ? Math.max(0, r.startedAt.getTime() + length - now.getTime()) : length;
    });
  }
  return out;
}
