// Housekeeping of time-bound states, for every tenant: holds nobody confirmed in time
// become `expired` (their seat was already free to others), and a waitlist offer nobody
// took up lapses and the same slot goes to the next patient waiting for that day.
import { createTenantAuditService } from "../audit/index.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import type { SlotLookup } from "./appointment-service.js";
import { AppointmentStore } from "./appointment-store.js";
import { WaitlistStore, type WaitlistEntryRecord } from "./waitlist-store.js";

const MINUTE = 60_000;
/** Rows handled per tenant per sweep; a backlog drains over the next sweeps. */
const BATCH = 500;
export const DEFAULT_WAITLIST_OFFER_MINUTES = 30;
export const DEFAULT_HOLD_SWEEP_MS = 15_000;

/** `WAITLIST_OFFER_MINUTES` (a whole number of minutes, at least 1), else 30. */
export function waitlistOfferMinutesFrom(env: Record<string, string | undefined>): number {
  const n = Number(env.WAITLIST_OFFER_MINUTES);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_WAITLIST_OFFER_MINUTES;
}

/** `HOLD_SWEEP_MS` (milliseconds between sweeps; 0 turns the sweeper off), else 15,000. */
export function holdSweepMsFrom(env: Record<string, string | undefined>): number {
  const raw = env.HOLD_SWEEP_MS;
  const n = raw === undefined || raw === "" ? DEFAULT_HOLD_SWEEP_MS : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_HOLD_SWEEP_MS;
}

export interface SweepResult {
  expiredHolds: number;
  expiredOffers: number;
  offers: number;
}

export interface AppointmentSweeperDeps {
  withTenant: TenantUnitOfWork;
  scheduling: Pick<SlotLookup, "findBookableSlot">;
  /** The tenants to sweep (the server passes the active and suspended ones). */
  listTenants: () => Promise<TenantDbRef[]>;
  log: { warn(obj: object, msg: string): void };
  offerMinutes?: number;
  now?: () => Date;
}

/**
 * Offers the freed slot `startsAt` of a doctor at a clinic to the longest-waiting patient
 * for that day: marks their entry offered until `expiresAt` and writes `waitlist.offered`
 * (ids only) to the outbox, in the caller's transaction. Null when nobody waits.
 */
export async function offerSlotToNextWaiting(
  scope: TenantScope,
  slot: { providerId: string; clinicId: string; date: string; startsAt: Date; expiresAt: Date },
  origin: { freedAppointmentId?: string; lapsedEntryId?: string },
): Promise<WaitlistEntryRecord | null> {
  const entry = await new WaitlistStore(scope).offerNext(slot);
  if (!entry) return null;
  const payload: Record<string, string> = { waitlistEntryId: entry.id, providerId: slot.providerId, clinicId: slot.clinicId, patientId: entry.patientId };
  if (origin.freedAppointmentId) payload.freedAppointmentId = origin.freedAppointmentId;
  if (origin.lapsedEntryId) payload.lapsedWaitlistEntryId = origin.lapsedEntryId;
  await new AppointmentStore(scope).addOutbox([{ topic: "waitlist.offered", payload }]);
  return entry;
}

/** Expires lapsed holds and waitlist offers, per tenant; safe to run in several processes at once. */
export class AppointmentSweeper {
  private readonly now: () => Date;
  private readonly offerMinutes: number;

  constructor(private readonly deps: AppointmentSweeperDeps) {
    this.now = deps.now ?? (() => new Date());
    this.offerMinutes = deps.offerMinutes ?? DEFAULT_WAITLIST_OFFER_MINUTES;
  }

  /**
   * One tenant, one transaction: lapsed holds become `expired` (event and outbox
   * `appointment.expired` each; the appointments trigger tells the queue listeners at
   * commit), lapsed offers become `expired` (outbox `waitlist.expired`) and their slot,
   * when it is still free and bookable, is offered to the next patient waiting.
   */
  async sweepTenant(tenant: TenantDbRef): Promise<SweepResult> {
    const now = this.now();
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new AppointmentStore(scope);
      const waitlist = new WaitlistStore(scope);
      const holds = await store.expireLapsedHoldsBefore(now, BATCH);
      if (holds.length) {
        await store.addEvents(holds.map((h) => ({ appointmentId: h.id, from: "held" as const, to: "expired" as const, actorId: null, actorKind: "system" as const })));
        await store.addOutbox(holds.map((h) => ({ topic: "appointment.expired", payload: { appointmentId: h.id, providerId: h.providerId, clinicId: h.clinicId, patientId: h.patientId } })));
      }
      const lapsed = await waitlist.lockLapsedOffers(now, BATCH);
      let offers = 0;
      if (lapsed.length) {
        await waitlist.markExpired(lapsed.map((e) => e.id));
        await store.addOutbox(lapsed.map((e) => ({ topic: "waitlist.expired", payload: { waitlistEntryId: e.id, providerId: e.providerId, patientId: e.patientId } })));
        const audit = createTenantAuditService(scope);
        for (const e of lapsed) {
          const entry = await this.reoffer(scope, store, e, now);
          if (!entry) continue;
          offers += 1;
          await audit.record({ actorType: "system", actorId: null, action: "waitlist.offered", subjectType: "waitlist_entry", subjectId: entry.id, outcome: "success", metadata: { providerId: e.providerId } });
        }
      }
      return { expiredHolds: holds.length, expiredOffers: lapsed.length, offers };
    });
  }

  /** The lapsed offer's slot goes to the next patient, if it is still in the future, bookable and has a free seat. */
  private async reoffer(scope: TenantScope, store: AppointmentStore, e: WaitlistEntryRecord, now: Date): Promise<WaitlistEntryRecord | null> {
    const clinicId = e.offeredClinicId ?? e.clinicId;
    const startsAt = e.offeredStartsAt;
    if (!clinicId || !startsAt || startsAt <= now) return null;
    const found = await this.deps.scheduling.findBookableSlot(scope, { providerId: e.providerId, clinicId, startsAt }, now);
    if (!found) return null;
    const taken = await store.takenSeats(e.providerId, found.slot.startsAt, found.slot.endsAt);
    if (taken.size >= found.slot.capacity) return null;
    const expiresAt = new Date(Math.min(startsAt.getTime(), now.getTime() + this.offerMinutes * MINUTE));
    return offerSlotToNextWaiting(scope, { providerId: e.providerId, clinicId, date: e.date, startsAt, expiresAt }, { lapsedEntryId: e.id });
  }

  /** Every tenant once; a tenant that fails is logged (slug and error text only) and retried next time. */
  async sweepAll(): Promise<SweepResult> {
    const total: SweepResult = { expiredHolds: 0, expiredOffers: 0, offers: 0 };
    for (const tenant of await this.deps.listTenants()) {
      try {
        const r = await this.sweepTenant(tenant);
        total.expiredHolds += r.expiredHolds;
        total.expiredOffers += r.expiredOffers;
        total.offers += r.offers;
      } catch (err) {
        this.deps.log.warn({ tenant: tenant.slug, err: err instanceof Error ? err.message : String(err) }, "appointment sweep failed; the next sweep retries");
      }
    }
    return total;
  }

  /** Sweeps every `intervalMs` (never two sweeps at once in this process); returns the stop function. */
  start(intervalMs: number): () => void {
    if (intervalMs <= 0) return () => undefined;
    let sweeping = false;
    const timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      this.sweepAll()
        .catch((err: unknown) => this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, "appointment sweep failed"))
        .finally(() => {
          sweeping = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** Wires the sweeper (see `AppointmentSweeper`). */
export function createAppointmentSweeper(deps: AppointmentSweeperDeps): AppointmentSweeper {
  return new AppointmentSweeper(deps);
}
