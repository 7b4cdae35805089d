// Open slots: availability rules and exceptions expanded by the engine, less what the
// booking policy forbids and what seat-holding appointments already fill.
import type { BookingPolicyView, OpenSlot, SchedulingTenant, SlotQuery } from "../appointments/contract.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import { NotFoundError, ValidationError } from "../errors/index.js";
import { isUuid } from "./availability-inputs.js";
import { formatLocalDate, formatLocalTime } from "./local-time.js";
import { scheduleCache as defaultCache, type ScheduleCache } from "./schedule-cache.js";
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
  cache: ScheduleCache = defaultCache,
): Promise<{ slot: Slot; policy: BookingPolicyView } | null> {
  const at = q.startsAt.getTime();
  if (!isUuid(q.providerId) || !isUuid(q.clinicId) || Number.isNaN(at)) return null;
  const snap = await readSnapshot(cache, scope.tenant, q.providerId, { from: at, to: at + 1, now, withTaken: false }, (work) => work(new SlotStore(scope)));
  if (!snap?.published) return null;
  const { earliest, latest } = policyWindow(snap.policy, now);
  if (at < earliest || at > latest) return null;
  const slot = expand(snap, at, at + 1).find((s) => s.clinicId === q.clinicId && s.startsAt.getTime() === at);
  return slot ? { slot, policy: snap.policy } : null;
}

/** Up to `limit` open slots of `providerId` starting after `after`, for a "this slot was just taken" answer. */
export async function nextOpenSlots(scope: TenantScope, providerId: string, after: Date, limit: number, now: Date, cache: ScheduleCache = defaultCache): Promise<OpenSlot[]> {
  if (!isUuid(providerId) || limit <= 0 || Number.isNaN(after.getTime())) return [];
  const from = Math.max(after.getTime() + 1, now.getTime());
  const to = from + MAX_SLOT_DAYS * DAY_MS;
  const snap = await readSnapshot(cache, scope.tenant, providerId, { from, to, now, withTaken: true }, (work) => work(new SlotStore(scope)));
  if (!snap?.published) return [];
  // A few slots are usually found within a day or two: expand wider only when needed (a
  // prefix of a window's open slots is the open slots of the shorter window).
  for (const days of [2, 8]) {
    const found = openSlotsOf(snap, from, from + days * DAY_MS, now, null);
    if (found.length >= limit) return found.slice(0, limit);
  }
  return openSlotsOf(snap, from, to, now, null).slice(0, limit);
}

/** Open slots for patients: from the cache, else one tenant transaction and one round trip; then the engine. */
export class SlotService {
  constructor(private readonly deps: { withTenant: TenantUnitOfWork; now: () => Date; cache?: ScheduleCache }) {}

  async openSlots(tenant: SchedulingTenant, q: SlotQuery): Promise<OpenSlot[]> {
    const { from, to, clinicId } = parseQuery(q, this.deps.now());
    if (!isUuid(q.providerId)) throw new NotFoundError("No such doctor.");
    const now = this.deps.now();
    const snap = await readSnapshot(this.deps.cache ?? defaultCache, tenant, q.providerId, { from, to, now, withTaken: true }, (work) =>
      this.deps.withTenant(tenant, (scope) => work(new SlotStore(scope))),
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

// What the cache keeps of a doctor's schedule: the local dates from three days ago to
// CACHE_DAYS ahead, so one read serves every window a patient can ask for near today.
const CACHE_DAYS = 400;

/**
 * The snapshot a window needs: schedule and seats from the cache when it holds them
 * (no transaction at all), else read in one round trip through `open` and kept for next
 * time. Without a usable cache this is exactly one read of the window.
 */
async function readSnapshot(
  cache: ScheduleCache,
  tenant: TenantDbRef,
  providerId: string,
  w: { from: number; to: number; now: Date; withTaken: boolean },
  open: <T>(work: (store: SlotStore) => Promise<T>) => Promise<T>,
): Promise<ScheduleSnapshot | null> {
  const dates = dateWindow(w.from, w.to);
  if (!cache.usableFor(tenant)) return open((store) => store.snapshot(providerId, { ...dates, from: new Date(w.from), to: new Date(w.to), now: w.now, withTaken: w.withTaken }));
  // Seats are read for whole UTC days around the window, so neighbouring windows share them.
  const seatsFrom = Math.floor(w.from / DAY_MS) * DAY_MS - DAY_MS;
  const seatsTo = Math.ceil(w.to / DAY_MS) * DAY_MS + DAY_MS;
  let schedule = cache.getSchedule(tenant, providerId, dates.fromDate, dates.toDate);
  let seats = w.withTaken ? cache.getSeats(tenant, providerId, w.from, w.to) : undefined;
  if (!schedule || (w.withTaken && !seats)) {
    const scheduleStamp = cache.scheduleStamp(tenant);
    const seatsStamp = cache.seatsStamp(tenant, providerId);
    const today = Math.floor(w.now.getTime() / DAY_MS);
    const wide = { fromDate: formatLocalDate(today - 3), toDate: formatLocalDate(today + CACHE_DAYS) };
    // A window beyond what the cache keeps is read as asked and not kept.
    const keep = wide.fromDate <= dates.fromDate && wide.toDate >= dates.toDate;
    const seatWindow = { from: new Date(seatsFrom), to: new Date(seatsTo), now: w.now };
    const needSeats = w.withTaken && !seats;
    const loaded = await open(async (store) => {
      if (schedule) return { schedule, taken: await store.taken(providerId, seatWindow) };
      const snap = await store.snapshot(providerId, { ...(keep ? wide : dates), ...seatWindow, withTaken: needSeats });
      return snap ? { schedule: { ...snap, ...(keep ? wide : dates) }, taken: snap.taken } : null;
    });
    if (!loaded) return null;
    if (!schedule) {
      schedule = loaded.schedule;
      if (keep) cache.putSchedule(tenant, providerId, scheduleStamp, schedule);
    }
    if (needSeats) {
      seats = { fromMs: seatsFrom, toMs: seatsTo, taken: loaded.taken };
      cache.putSeats(tenant, providerId, seatsStamp, seats);
    }
  }
  return { ...schedule, taken: seats?.taken ?? [] };
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
  const nowMs = now.getTime();
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
    // A hold counts until it expires (a cached read may hold holds that lapsed since).
    for (let i = lo; i < taken.length && taken[i]![0] < end; i++) if (taken[i]![1] > start && taken[i]![2] > nowMs) used++;
    const remaining = slot.capacity - used;
    if (remaining > 0) out.push(toOpenSlot(slot, remaining));
  }
  return out;
}

// Date#toISOString is the dearest step of a slot page (two per slot); slots start on whole
// minutes, so the UTC date and time come from the same helpers as the local ones.
function isoOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  if (rest % MINUTE_MS !== 0) return new Date(ms).toISOString();
  return `${formatLocalDate(day)}T${formatLocalTime(rest / MINUTE_MS)}:00.000Z`;
}

function toOpenSlot(s: Slot, remaining: number): OpenSlot {
  return {
    providerId: s.providerId,
    clinicId: s.clinicId,
    startsAt: isoOf(s.startsAt.getTime()),
    endsAt: isoOf(s.endsAt.getTime()),
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
