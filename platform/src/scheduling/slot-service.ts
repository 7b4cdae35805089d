// Open slots: availability rules and exceptions expanded by the engine, less what the
// booking policy forbids and what seat-holding appointments already fill.
import type { BookingPolicyView, OpenSlot, SchedulingTenant, SlotQuery } from "../appointments/contract.js";
import type { TenantDbRef, TenantScope, TenantUnitOfWork } from "../db/index.js";
import { NotFoundError, ValidationError } from "../errors/index.js";
import { isUuid } from "./availability-inputs.js";
import { formatLocalDate, formatLocalTime } from "./local-time.js";
import { scheduleCache as defaultCache, type CachedSchedule, type CachedSeats, type ScheduleCache } from "./schedule-cache.js";
import { expandSlots } from "./slot-engine.js";
import { BATCH_DOCTORS, SlotStore, type ScheduleSnapshot } from "./slot-store.js";
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

  /**
   * The starts (ISO instants) of the doctor's slots in the window that are bookable by the
   * booking policy but have no seat left: what tells a fully booked day from a day off.
   */
  async fullSlotStarts(tenant: SchedulingTenant, q: SlotQuery): Promise<string[]> {
    const { from, to, clinicId } = parseQuery(q, this.deps.now());
    if (!isUuid(q.providerId)) throw new NotFoundError("No such doctor.");
    const now = this.deps.now();
    const snap = await readSnapshot(this.deps.cache ?? defaultCache, tenant, q.providerId, { from, to, now, withTaken: true }, (work) =>
      this.deps.withTenant(tenant, (scope) => work(new SlotStore(scope))),
    );
    if (!snap?.published) throw new NotFoundError("No such doctor.");
    const { earliest, latest } = policyWindow(snap.policy, now);
    const lo = Math.max(from, earliest);
    const hi = Math.min(to, latest + 1);
    const out: string[] = [];
    if (lo < hi) countOpen(snap, lo, hi, now.getTime(), clinicId, () => {}, (slot) => out.push(isoOf(slot.startsAt.getTime())));
    return out;
  }

  /** See `warmSchedules`: fills the cache for the tenant's published doctors (throttled). */
  warm(tenant: SchedulingTenant): Promise<{ slug: string; id: string }[]> {
    return warmSchedules(this.deps.cache ?? defaultCache, this.deps.withTenant, tenant, this.deps.now());
  }

  /**
   * `openSlots` as UTF-8 JSON (exactly `JSON.stringify` of its answer; do not modify the buffer). On a cache hit the
   * slots come pre-serialised from a memo of the cached schedule and seats, so a repeated
   * request neither expands the schedule nor serialises ~340 objects again; the window,
   * the booking policy (minimum notice, advance limit) and the clinic are applied per
   * request at the current time.
   */
  async openSlotsJson(tenant: SchedulingTenant, q: SlotQuery): Promise<Buffer> {
    const { from, to, clinicId } = parseQuery(q, this.deps.now());
    if (!isUuid(q.providerId)) throw new NotFoundError("No such doctor.");
    const now = this.deps.now();
    const entries: CacheEntries = {};
    const snap = await readSnapshot(
      this.deps.cache ?? defaultCache,
      tenant,
      q.providerId,
      { from, to, now, withTaken: true },
      (work) => this.deps.withTenant(tenant, (scope) => work(new SlotStore(scope))),
      entries,
    );
    // A cold read: the next requests will likely ask for other doctors of this tenant too.
    if (entries.read) this.warm(tenant).catch(() => undefined);
    if (!snap?.published) throw new NotFoundError("No such doctor.");
    const { schedule, seats } = entries;
    // The memo expands the whole seats window, so the schedule must cover its dates too.
    const need = seats ? dateWindow(seats.fromMs, seats.toMs) : null;
    if (!schedule || !seats || !need || schedule.fromDate > need.fromDate || schedule.toDate < need.toDate) return Buffer.from(JSON.stringify(openSlotsOf(snap, from, to, now, clinicId)));
    const { earliest, latest } = policyWindow(snap.policy, now);
    const lo = Math.max(from, earliest);
    const hi = Math.min(to, latest + 1);
    if (lo >= hi) return Buffer.from("[]");
    return renderMemo(memoOf(schedule, seats, snap, now.getTime(), lo, hi), lo, hi, clinicId);
  }
}

/** The most doctors of one tenant a warm-up reads, and how often it may run per tenant. */
const WARM_MAX_DOCTORS = 5_000;
const WARM_EVERY_MS = 20_000;
const warmupsOf = new WeakMap<ScheduleCache, Map<string, { at: number; doctors: Promise<{ slug: string; id: string }[]> }>>();

/**
 * Fills the schedule cache for a tenant's published doctors (at most WARM_MAX_DOCTORS, in
 * batches of BATCH_DOCTORS, one transaction at a time so it holds one pooled connection),
 * schedules for the dates the cache keeps and seats for the windows a default request
 * asks (from now, up to 31 days). Runs at most once per WARM_EVERY_MS per tenant and only
 * while the cache is usable; answers the published doctors' slugs and ids it read (none
 * when it did not run). A read that raced a change is not kept, as in `readSnapshot`.
 */
export async function warmSchedules(
  cache: ScheduleCache,
  withTenant: TenantUnitOfWork,
  tenant: TenantDbRef,
  now: Date,
): Promise<{ slug: string; id: string }[]> {
  if (!cache.usableFor(tenant)) return [];
  const key = `${tenant.cluster}/${tenant.schema}`;
  const nowMs = now.getTime();
  let warmups = warmupsOf.get(cache);
  if (!warmups) warmupsOf.set(cache, (warmups = new Map()));
  const last = warmups.get(key);
  // Within the period, every caller shares the last (or running) warm-up's answer.
  if (last !== undefined && nowMs - last.at < WARM_EVERY_MS && nowMs >= last.at) return last.doctors;
  if (warmups.size >= 1_000) warmups.clear();
  const doctors = readAll(cache, withTenant, tenant, now);
  warmups.set(key, { at: nowMs, doctors });
  return doctors;
}

async function readAll(cache: ScheduleCache, withTenant: TenantUnitOfWork, tenant: TenantDbRef, now: Date): Promise<{ slug: string; id: string }[]> {
  const nowMs = now.getTime();
  const today = Math.floor(nowMs / DAY_MS);
  const wide = { fromDate: formatLocalDate(today - 3), toDate: formatLocalDate(today + CACHE_DAYS) };
  // The seats window readSnapshot would read for any request from now of up to MAX_SLOT_DAYS.
  const seatsFrom = today * DAY_MS - DAY_MS;
  const seatsTo = (today + MAX_SLOT_DAYS + 2) * DAY_MS;
  const found: { slug: string; id: string }[] = [];
  let after: string | null = null;
  while (found.length < WARM_MAX_DOCTORS) {
    const read = await withTenant(tenant, async (scope) => {
      const store = new SlotStore(scope);
      const doctors = await store.publishedDoctors(after, Math.min(BATCH_DOCTORS, WARM_MAX_DOCTORS - found.length));
      // Stamps before the read: a change committed from here on is not kept.
      const scheduleStamp = cache.scheduleStamp(tenant);
      const seatStamps = doctors.map((d) => cache.seatsStamp(tenant, d.id));
      const snaps = await store.snapshots(
        doctors.map((d) => d.id),
        { ...wide, from: new Date(seatsFrom), to: new Date(seatsTo), now },
      );
      return { doctors, scheduleStamp, seatStamps, snaps: new Map(snaps.map((x) => [x.snapshot.providerId, x.snapshot])) };
    });
    read.doctors.forEach((d, i) => {
      const snap = read.snaps.get(d.id);
      if (!snap) return;
      const { taken, ...schedule } = snap;
      cache.putSchedule(tenant, d.id, read.scheduleStamp, { ...schedule, ...wide });
      cache.putSeats(tenant, d.id, read.seatStamps[i]!, { fromMs: seatsFrom, toMs: seatsTo, taken });
      if (snap.published) found.push({ slug: d.slug, id: d.id });
    });
    if (read.doctors.length < BATCH_DOCTORS) break;
    after = read.doctors[read.doctors.length - 1]!.id;
  }
  return found;
}

/** The cache's own schedule and seats objects a snapshot was made of (their identity keys the memo). */
interface CacheEntries {
  schedule?: CachedSchedule;
  seats?: CachedSeats;
  /** Whether the database was read (something was not cached). */
  read?: boolean;
}

/**
 * The open slots of part of a cached seats window, serialised: valid while its schedule is
 * the cached one, until a counted hold lapses, and for requests inside [fromMs, toMs).
 * `body` holds every slot's JSON joined by commas; slot i is bytes offsets[i] to
 * offsets[i + 1] - 1 (the last one has no comma after it), so a window is one slice.
 */
interface SlotMemo {
  schedule: CachedSchedule;
  validUntil: number;
  fromMs: number;
  toMs: number;
  starts: number[];
  clinics: string[];
  offsets: Uint32Array;
  body: Buffer;
  /** What it costs the budget: the body and a rough share for the arrays and the entry. */
  bytes: number;
}

// A 14-day answer is ~105 KB, so memos are kept least recently used first within a byte
// budget (about 2,000 doctors' two weeks); one evicted is rebuilt on its next request.
const MEMO_BUDGET_BYTES = 256 * 1024 * 1024;
const memos = new Map<CachedSeats, SlotMemo>();
let memoBytes = 0;

function forgetMemo(seats: CachedSeats): void {
  const old = memos.get(seats);
  if (!old) return;
  memos.delete(seats);
  memoBytes -= old.bytes;
}

/** The memo of `seats` covering [lo, hi), made (for whole UTC days, and at least what the last one covered) when missing or stale. */
function memoOf(schedule: CachedSchedule, seats: CachedSeats, snap: ScheduleSnapshot, nowMs: number, lo: number, hi: number): SlotMemo {
  const hit = memos.get(seats);
  if (hit && hit.schedule === schedule && nowMs < hit.validUntil && hit.fromMs <= lo && hit.toMs >= hi) {
    memos.delete(seats);
    memos.set(seats, hit);
    return hit;
  }
  const keep = hit && hit.schedule === schedule;
  const fromMs = Math.max(seats.fromMs, Math.floor(Math.min(lo, keep ? hit.fromMs : lo) / DAY_MS) * DAY_MS);
  const toMs = Math.min(seats.toMs, Math.ceil(Math.max(hi, keep ? hit.toMs : hi) / DAY_MS) * DAY_MS);
  // The engine's slots of a sub-window are that sub-window's slots of a wider expansion,
  // so requests take slices of this; remaining seats are counted at `nowMs`.
  let validUntil = Infinity;
  for (const t of seats.taken) if (t[2] > nowMs && t[2] < validUntil) validUntil = t[2];
  const starts: number[] = [];
  const clinics: string[] = [];
  const parts: string[] = [];
  const fixed = new Map<string, [string, string]>();
  countOpen(snap, fromMs, toMs, nowMs, null, (slot, remaining) => {
    // Key order and values exactly as JSON.stringify(toOpenSlot(...)) gives them; ids, zone
    // and mode are escaped once, the rest are formatted digits.
    const k = `${slot.clinicId}|${slot.timeZone}|${slot.mode}`;
    let f = fixed.get(k);
    if (!f) {
      f = [
        `{"providerId":${JSON.stringify(slot.providerId)},"clinicId":${JSON.stringify(slot.clinicId)},"startsAt":"`,
        `,"timeZone":${JSON.stringify(slot.timeZone)},"mode":${JSON.stringify(slot.mode)},"capacity":`,
      ];
      fixed.set(k, f);
    }
    const start = slot.startsAt.getTime();
    starts.push(start);
    clinics.push(slot.clinicId);
    parts.push(
      `${f[0]}${isoOf(start)}","endsAt":"${isoOf(slot.endsAt.getTime())}","localDate":${JSON.stringify(slot.localDate)},"localStart":${JSON.stringify(slot.localStart)},"localEnd":${JSON.stringify(slot.localEnd)}${f[1]}${slot.capacity},"remaining":${remaining}}`,
    );
  });
  const offsets = new Uint32Array(parts.length + 1);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    offsets[i] = at;
    at += Buffer.byteLength(parts[i]!) + 1;
  }
  offsets[parts.length] = at;
  const body = Buffer.from(parts.join(","));
  const memo: SlotMemo = { schedule, validUntil, fromMs, toMs, starts, clinics, offsets, body, bytes: body.length + 24 * starts.length + 512 };
  forgetMemo(seats);
  memos.set(seats, memo);
  memoBytes += memo.bytes;
  while (memoBytes > MEMO_BUDGET_BYTES && memos.size > 1) forgetMemo(memos.keys().next().value as CachedSeats);
  return memo;
}

/** The index of the first of `starts` (ascending) that is not below `x`. */
function lowerBound(starts: number[], x: number): number {
  let a = 0;
  let b = starts.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (starts[m]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

const OPEN_BRACKET = Buffer.from("[");
const CLOSE_BRACKET = Buffer.from("]");
const COMMA = Buffer.from(",");

/** The memo's slots starting in [lo, hi) (at `clinicId`, if named), as a UTF-8 JSON array. */
function renderMemo(memo: SlotMemo, lo: number, hi: number, clinicId: string | null): Buffer {
  const a = lowerBound(memo.starts, lo);
  const b = lowerBound(memo.starts, hi);
  const { body, offsets } = memo;
  if (clinicId === null) return Buffer.concat([OPEN_BRACKET, body.subarray(offsets[a]!, a < b ? offsets[b]! - 1 : offsets[a]!), CLOSE_BRACKET]);
  const pieces: Buffer[] = [OPEN_BRACKET];
  for (let i = a; i < b; i++) {
    if (memo.clinics[i] !== clinicId) continue;
    if (pieces.length > 1) pieces.push(COMMA);
    pieces.push(body.subarray(offsets[i]!, offsets[i + 1]! - 1));
  }
  pieces.push(CLOSE_BRACKET);
  return Buffer.concat(pieces);
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
  entries?: CacheEntries,
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
    if (entries) entries.read = true;
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
  if (entries) {
    entries.schedule = schedule;
    entries.seats = seats;
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
  const out: OpenSlot[] = [];
  countOpen(snap, from, to, now.getTime(), clinicId, (slot, remaining) => out.push(toOpenSlot(slot, remaining)));
  return out;
}

/** The engine's slots starting in [from, to) with a seat left at `nowMs`, in order, without the policy window. */
function countOpen(
  snap: ScheduleSnapshot,
  from: number,
  to: number,
  nowMs: number,
  clinicId: string | null,
  emit: (slot: Slot, remaining: number) => void,
  onFull?: (slot: Slot) => void,
): void {
  const slots = expand(snap, from, to);
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
    // A hold counts until it expires (a cached read may hold holds that lapsed since).
    for (let i = lo; i < taken.length && taken[i]![0] < end; i++) if (taken[i]![1] > start && taken[i]![2] > nowMs) used++;
    const remaining = slot.capacity - used;
    if (remaining > 0) emit(slot, remaining);
    else onFull?.(slot);
  }
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
