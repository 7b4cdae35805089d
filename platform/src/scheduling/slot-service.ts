// Open slots: availability rules and exceptions expanded by the engine, less what the
// booking policy forbids and what seat-holding appointments already fill.
import type { BookingPolicyView, OpenSlot, SchedulingTenant, SlotQuery } from "../appointments/contract.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { NotFoundError, ValidationError } from "../errors/index.js";
import { isUuid } from "./availability-inputs.js";
import { expandSlots } from "./slot-engine.js";
import { SlotStore, type ScheduleSnapshot } from "./slot-store.js";
import type { AvailabilityException, Slot, WeeklyRule } from "./slot-types.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const DEFAULT_SLOT_DAYS = 14;
export const MAX_SLOT_DAYS = 31;

/**
 * The slot of `providerId` at `clinicId` starting exactly at `startsAt`, within the booking
 * policy's window at `now`, with the policy that applies; null when there is no such slot
 * (or the doctor is not published). Runs inside the caller's tenant transaction; it does
 * not count appointments: seats are the booking's job (and the database's).
 */
export async function findBookableSlot(
  scope: TenantScope,
  q: { providerId: string; clinicId: string; startsAt: Date },
  now: Date,
): Promise<{ slot: Slot; policy: BookingPolicyView } | null> {
  const at = q.startsAt.getTime();
  if (!isUuid(q.providerId) || !isUuid(q.clinicId) || Number.isNaN(at)) return null;
  const snap = await new SlotStore(scope).snapshot(q.providerId, { ...dateWindow(at, at + 1), from: q.startsAt, to: new Date(at + 1), now, withTaken: false });
  if (!snap?.published) return null;
  const { earliest, latest } = policyWindow(snap.policy, now);
  if (at < earliest || at > latest) return null;
  const slot = expand(snap, at, at + 1).find((s) => s.clinicId === q.clinicId && s.startsAt.getTime() === at);
  return slot ? { slot, policy: snap.policy } : null;
}

/** Up to `limit` open slots of `providerId` starting after `after`, for a "this slot was just taken" answer. */
export async function nextOpenSlots(scope: TenantScope, providerId: string, after: Date, limit: number, now: Date): Promise<OpenSlot[]> {
  if (!isUuid(providerId) || limit <= 0 || Number.isNaN(after.getTime())) return [];
  const from = Math.max(after.getTime() + 1, now.getTime());
  const to = from + MAX_SLOT_DAYS * DAY_MS;
  const snap = await new SlotStore(scope).snapshot(providerId, { ...dateWindow(from, to), from: new Date(from), to: new Date(to), now, withTaken: true });
  if (!snap?.published) return [];
  return openSlotsOf(snap, from, to, now, null).slice(0, limit);
}

/** Open slots for patients: one tenant transaction, one query, then the engine. */
export class SlotService {
  constructor(private readonly deps: { withTenant: TenantUnitOfWork; now: () => Date }) {}

  async openSlots(tenant: SchedulingTenant, q: SlotQuery): Promise<OpenSlot[]> {
    const { from, to, clinicId } = parseQuery(q, this.deps.now());
    if (!isUuid(q.providerId)) throw new NotFoundError("No such doctor.");
    const now = this.deps.now();
    const snap = await this.deps.withTenant(tenant, (scope) =>
      new SlotStore(scope).snapshot(q.providerId, { ...dateWindow(from, to), from: new Date(from), to: new Date(to), now, withTaken: true }),
    );
    // An unpublished doctor is as absent as one that does not exist.
    if (!snap?.published) throw new NotFoundError("No such doctor.");
    return openSlotsOf(snap, from, to, now, clinicId);
  }
}

function parseQuery(q: SlotQuery, now: Date): { from: number; to: number; clinicId: string | null } {
  const problems: { field: string; message: string }[] = [];
  const from = q.from === undefined ? now.getTime() : q.from instanceof Date ? q.from.getTime() : NaN;
  if (Number.isNaN(from)) problems.push({ field: "from", message: "Must be a date and time" });
  const days = q.days ?? DEFAULT_SLOT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SLOT_DAYS) problems.push({ field: "days", message: `Must be a whole number from 1 to ${MAX_SLOT_DAYS}` });
  const clinicId = q.clinicId || null;
  if (clinicId !== null && !isUuid(clinicId)) problems.push({ field: "clinicId", message: "Not a valid id" });
  if (problems.length) throw new ValidationError("Please check the highlighted fields.", problems);
  return { from, to: from + days * DAY_MS, clinicId };
}

// The local dates a window can touch in any zone (offsets lie within ±14h), one more day on
// each side because the engine settles overlaps over the neighbouring days too.
function dateWindow(fromMs: number, toMs: number): { fromDate: string; toDate: string } {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { fromDate: iso(fromMs - 2 * DAY_MS), toDate: iso(toMs + 2 * DAY_MS) };
}

/** The instants between which a slot may start under `policy` at `now` (both inclusive). */
function policyWindow(policy: BookingPolicyView, now: Date): { earliest: number; latest: number } {
  return { earliest: now.getTime() + policy.minNoticeMinutes * MINUTE_MS, latest: now.getTime() + policy.maxAdvanceDays * DAY_MS };
}

function openSlotsOf(snap: ScheduleSnapshot, fromMs: number, toMs: number, now: Date, clinicId: string | null): OpenSlot[] {
  const { earliest, latest } = policyWindow(snap.policy, now);
  const from = Math.max(fromMs, earliest);
  const to = Math.min(toMs, latest + 1);
  if (from >= to) return [];
  const slots = expand(snap, from, to);
  const out: OpenSlot[] = [];
  const taken = snap.taken;
  let longest = 0;
  for (const [s, e] of taken) longest = Math.max(longest, e - s);
  // Slots and appointments are both in start order: `lo` skips appointments that end
  // before every remaining slot can start (none is longer than `longest`).
  let lo = 0;
  for (const slot of slots) {
    if (clinicId !== null && slot.clinicId !== clinicId) continue;
    const start = slot.startsAt.getTime();
    const end = slot.endsAt.getTime();
    while (lo < taken.length && taken[lo]![0] + longest <= start) lo++;
    let used = 0;
    for (let i = lo; i < taken.length && taken[i]![0] < end; i++) if (taken[i]![1] > start) used++;
    const remaining = slot.capacity - used;
    if (remaining > 0) out.push(toOpenSlot(slot, remaining));
  }
  return out;
}

function toOpenSlot(s: Slot, remaining: number): OpenSlot {
  return {
    providerId: s.providerId,
    clinicId: s.clinicId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    localDate: s.localDate,
    localStart: s.localStart,
    localEnd: s.localEnd,
    timeZone: s.timeZone,
    mode: s.mode,
    capacity: s.capacity,
    remaining,
  };
}

/** The engine's slots in [fromMs, toMs) from a snapshot; rules and exceptions at clinics the doctor left are ignored. */
function expand(snap: ScheduleSnapshot, fromMs: number, toMs: number): Slot[] {
  const providerId = snap.providerId;
  const rules: WeeklyRule[] = [];
  for (const r of snap.rules) {
    const timeZone = snap.clinics.get(r.clinicId);
    if (timeZone) rules.push({ ...r, providerId, timeZone });
  }
  const zones = [...new Set(snap.clinics.values())];
  const exceptions: AvailabilityException[] = [];
  for (const e of snap.exceptions) {
    const zone = e.clinicId ? snap.clinics.get(e.clinicId) : undefined;
    if (e.kind === "clinic_holiday") {
      if (zone) exceptions.push({ kind: "clinic_holiday", clinicId: e.clinicId!, date: e.date, timeZone: zone });
    } else if (e.kind === "time_off") {
      // A time off entered for no clinic (or one the doctor has left) is read in each of the
      // doctor's zones: blocking generously beats leaving a slot bookable on a day off.
      const range = e.start !== null && e.end !== null ? { start: e.start, end: e.end } : {};
      for (const timeZone of zone ? [zone] : zones) exceptions.push({ kind: "time_off", providerId, date: e.date, timeZone, ...range });
    } else if (zone && e.start !== null && e.end !== null && e.slotMinutes !== null) {
      exceptions.push({
        kind: "extra_session",
        id: e.id,
        providerId,
        clinicId: e.clinicId!,
        date: e.date,
        timeZone: zone,
        start: e.start,
        end: e.end,
        slotMinutes: e.slotMinutes,
        bufferBeforeMinutes: e.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: e.bufferAfterMinutes ?? 0,
        capacity: e.capacity ?? 1,
        mode: e.mode ?? "in_clinic",
      });
    }
  }
  if (rules.length === 0 && !exceptions.some((e) => e.kind === "extra_session")) return [];
  return expandSlots({ rules, exceptions, from: new Date(fromMs), to: new Date(toMs) });
}
