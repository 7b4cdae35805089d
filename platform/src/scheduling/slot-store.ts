import type { Knex } from "knex";
import type { BookingPolicyView } from "../appointments/contract.js";
import type { TenantScope } from "../db/index.js";
import { FALLBACK_POLICY, POLICY_JSON } from "./booking-policy-store.js";
import type { ConsultationMode, SessionBreak } from "./slot-types.js";

/** Everything slot expansion needs about one doctor and one window, read in one round trip. */
export interface ScheduleSnapshot {
  providerId: string;
  published: boolean;
  policy: BookingPolicyView;
  /** Active clinics the doctor practises at, with their zones. */
  clinics: Map<string, string>;
  rules: SnapshotRule[];
  exceptions: SnapshotException[];
  /**
   * Appointments holding a seat (live, or held and unexpired when read), as epoch-ms
   * [start, end, hold expiry (Infinity for a live one)], sorted by start.
   */
  taken: [number, number, number][];
}

export interface SnapshotRule {
  id: string;
  clinicId: string;
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  capacity: number;
  mode: ConsultationMode;
  breaks: SessionBreak[];
  validFrom: string;
  validUntil: string | null;
}

export interface SnapshotException {
  id: string;
  kind: "time_off" | "extra_session" | "clinic_holiday";
  clinicId: string | null;
  date: string;
  start: string | null;
  end: string | null;
  slotMinutes: number | null;
  bufferBeforeMinutes: number | null;
  bufferAfterMinutes: number | null;
  capacity: number | null;
  mode: ConsultationMode | null;
}

/** Appointment statuses that hold a seat; `held` only until its hold expires. */
export const SEAT_HOLDING_STATUSES = ["booked", "checked_in", "in_consultation", "completed"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Values are inlined as literals so the five reads travel as one simple-protocol,
// multi-statement round trip (as the tenant preamble does): each statement is a plain
// index lookup that plans quickly, where one parameterised statement with five subqueries
// spent more time planning (~1 ms) than running (~0.4 ms). Every literal is made here
// from a validated uuid, a Date or a boolean: no caller text reaches the SQL.
function literals(providerId: string, w: { fromDate: string; toDate: string; from: Date; to: Date; now: Date }) {
  if (!UUID.test(providerId) || !DATE.test(w.fromDate) || !DATE.test(w.toDate)) throw new Error("SlotStore.snapshot: malformed id or date");
  return { id: `'${providerId}'::uuid`, fromDate: `'${w.fromDate}'::date`, toDate: `'${w.toDate}'::date`, from: `'${w.from.toISOString()}'::timestamptz`, to: `'${w.to.toISOString()}'::timestamptz`, now: `'${w.now.toISOString()}'::timestamptz` };
}

function scheduleSql(v: ReturnType<typeof literals>): string[] {
  const clinics = `select pc.clinic_id from provider_clinics pc join clinics c on c.id = pc.clinic_id and c.active where pc.provider_id = ${v.id}`;
  return [
    `select p.published, (select ${POLICY_JSON} from booking_policies bp where bp.provider_id = p.id or bp.provider_id is null order by bp.provider_id is null limit 1) as policy from providers p where p.id = ${v.id}`,
    `select pc.clinic_id, c.time_zone from provider_clinics pc join clinics c on c.id = pc.clinic_id and c.active where pc.provider_id = ${v.id}`,
    `select r.id, r.clinic_id, r.weekdays, to_char(r.start_time, 'HH24:MI') as start_time, to_char(r.end_time, 'HH24:MI') as end_time,
       r.slot_minutes, r.buffer_before_minutes, r.buffer_after_minutes, r.capacity, r.mode, r.breaks,
       to_char(r.valid_from, 'YYYY-MM-DD') as valid_from, to_char(r.valid_until, 'YYYY-MM-DD') as valid_until
     from availability_rules r
     where r.provider_id = ${v.id} and r.active and r.valid_from <= ${v.toDate} and (r.valid_until is null or r.valid_until >= ${v.fromDate})`,
    `select e.id, e.kind, e.clinic_id, to_char(e.date, 'YYYY-MM-DD') as date, to_char(e.start_time, 'HH24:MI') as start_time, to_char(e.end_time, 'HH24:MI') as end_time,
       e.slot_minutes, e.buffer_before_minutes, e.buffer_after_minutes, e.capacity, e.mode
     from availability_exceptions e
     where e.date between ${v.fromDate} and ${v.toDate}
       and (e.provider_id = ${v.id} or (e.kind = 'clinic_holiday' and e.clinic_id in (${clinics})))`,
  ];
}

// One range scan of the (provider_id, starts_at) index: nothing starts more than a day
// before the window and still overlaps it.
function takenSql(v: ReturnType<typeof literals>): string {
  return `select (extract(epoch from a.starts_at) * 1000)::float8 as s, (extract(epoch from a.ends_at) * 1000)::float8 as e,
       case when a.status = 'held' then (extract(epoch from a.hold_expires_at) * 1000)::float8 end as h
     from appointments a
     where a.provider_id = ${v.id} and a.starts_at < ${v.to} and a.starts_at > ${v.from} - interval '1 day' and a.ends_at > ${v.from}
       and (a.status in (${SEAT_HOLDING_STATUSES.map((x) => `'${x}'`).join(", ")}) or (a.status = 'held' and a.hold_expires_at > ${v.now}))
     order by a.starts_at`;
}

function toTaken(rows: Record<string, unknown>[]): [number, number, number][] {
  return rows.map((t) => [t.s as number, t.e as number, t.h === null || t.h === undefined ? Infinity : (t.h as number)]);
}

function toRule(r: Record<string, unknown>): SnapshotRule {
  return {
    id: r.id as string,
    clinicId: r.clinic_id as string,
    weekdays: (r.weekdays as number[]).map(Number),
    start: r.start_time as string,
    end: r.end_time as string,
    slotMinutes: r.slot_minutes as number,
    bufferBeforeMinutes: r.buffer_before_minutes as number,
    bufferAfterMinutes: r.buffer_after_minutes as number,
    capacity: r.capacity as number,
    mode: r.mode as ConsultationMode,
    breaks: (r.breaks as SessionBreak[] | null) ?? [],
    validFrom: r.valid_from as string,
    validUntil: (r.valid_until as string | null) ?? null,
  };
}

function toException(r: Record<string, unknown>): SnapshotException {
  return {
    id: r.id as string,
    kind: r.kind as SnapshotException["kind"],
    clinicId: (r.clinic_id as string | null) ?? null,
    date: r.date as string,
    start: (r.start_time as string | null) ?? null,
    end: (r.end_time as string | null) ?? null,
    slotMinutes: (r.slot_minutes as number | null) ?? null,
    bufferBeforeMinutes: (r.buffer_before_minutes as number | null) ?? null,
    bufferAfterMinutes: (r.buffer_after_minutes as number | null) ?? null,
    capacity: (r.capacity as number | null) ?? null,
    mode: (r.mode as ConsultationMode | null) ?? null,
  };
}

/** Up to this many doctors per batched read (`published`): keeps one statement's arrays and answers small. */
export const BATCH_DOCTORS = 250;

/** Reads a doctor's schedule for slot expansion. */
export class SlotStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /**
   * The doctor's publication, booking policy, clinics, active rules and exceptions for the
   * local dates `fromDate`..`toDate`, and (with `withTaken`) the seat-holding appointments
   * overlapping [from, to); null when there is no such doctor. One round trip.
   */
  async snapshot(providerId: string, w: { fromDate: string; toDate: string; from: Date; to: Date; now: Date; withTaken: boolean }): Promise<ScheduleSnapshot | null> {
    const v = literals(providerId, w);
    const sql = [...scheduleSql(v), ...(w.withTaken ? [takenSql(v)] : [])].join(";\n");
    const results = (await this.db.raw(sql)) as unknown as { rows: Record<string, unknown>[] }[];
    const [provider, clinics, rules, exceptions, taken] = results.map((r) => r.rows);
    const p = provider![0];
    if (!p) return null;
    return {
      providerId,
      published: p.published as boolean,
      policy: (p.policy as BookingPolicyView | null) ?? FALLBACK_POLICY,
      clinics: new Map(clinics!.map((c) => [c.clinic_id as string, c.time_zone as string])),
      rules: rules!.map(toRule),
      exceptions: exceptions!.map(toException),
      taken: taken ? toTaken(taken) : [],
    };
  }

  /** Up to `limit` (at most BATCH_DOCTORS) published doctors after `afterId`, by id, with their slugs. */
  async publishedDoctors(afterId: string | null, limit: number): Promise<{ id: string; slug: string }[]> {
    const q = this.db("providers").where("published", true).orderBy("id").limit(Math.max(1, Math.min(BATCH_DOCTORS, Math.floor(limit)))).select("id", "slug");
    if (afterId !== null) void q.where("id", ">", afterId);
    return (await q) as { id: string; slug: string }[];
  }

  /**
   * `snapshot` (with seats) of each of `providerIds` for one window, in one round trip;
   * doctors that do not exist are missing from the answer.
   */
  async snapshots(
    providerIds: string[],
    w: { fromDate: string; toDate: string; from: Date; to: Date; now: Date },
  ): Promise<{ slug: string; snapshot: ScheduleSnapshot }[]> {
    // The slug comes along for callers that name doctors by it.
    if (providerIds.length === 0) return [];
    if (providerIds.length > BATCH_DOCTORS || providerIds.some((id) => !UUID.test(id))) throw new Error("SlotStore.snapshots: malformed ids");
    const v = literals(providerIds[0]!, w);
    const ids = `'{${providerIds.join(",")}}'::uuid[]`;
    const sql = [
      `select p.id, p.slug, p.published, (select ${POLICY_JSON} from booking_policies bp where bp.provider_id = p.id or bp.provider_id is null order by bp.provider_id is null limit 1) as policy from providers p where p.id = any(${ids}) order by p.id`,
      `select pc.provider_id, pc.clinic_id, c.time_zone from provider_clinics pc join clinics c on c.id = pc.clinic_id and c.active where pc.provider_id = any(${ids})`,
      `select r.provider_id, r.id, r.clinic_id, r.weekdays, to_char(r.start_time, 'HH24:MI') as start_time, to_char(r.end_time, 'HH24:MI') as end_time,
         r.slot_minutes, r.buffer_before_minutes, r.buffer_after_minutes, r.capacity, r.mode, r.breaks,
         to_char(r.valid_from, 'YYYY-MM-DD') as valid_from, to_char(r.valid_until, 'YYYY-MM-DD') as valid_until
       from availability_rules r
       where r.provider_id = any(${ids}) and r.active and r.valid_from <= ${v.toDate} and (r.valid_until is null or r.valid_until >= ${v.fromDate})`,
      // A clinic holiday belongs to every doctor of the clinic: it is returned once per doctor.
      `select d.provider_id, e.id, e.kind, e.clinic_id, to_char(e.date, 'YYYY-MM-DD') as date, to_char(e.start_time, 'HH24:MI') as start_time, to_char(e.end_time, 'HH24:MI') as end_time,
         e.slot_minutes, e.buffer_before_minutes, e.buffer_after_minutes, e.capacity, e.mode
       from availability_exceptions e
       join lateral (
         select e.provider_id where e.provider_id = any(${ids})
         union
         select pc.provider_id from provider_clinics pc join clinics c on c.id = pc.clinic_id and c.active
         where e.kind = 'clinic_holiday' and pc.clinic_id = e.clinic_id and pc.provider_id = any(${ids})
       ) d on true
       where e.date between ${v.fromDate} and ${v.toDate}
       order by e.date, e.id`,
      `select a.provider_id, (extract(epoch from a.starts_at) * 1000)::float8 as s, (extract(epoch from a.ends_at) * 1000)::float8 as e,
         case when a.status = 'held' then (extract(epoch from a.hold_expires_at) * 1000)::float8 end as h
       from appointments a
       where a.provider_id = any(${ids}) and a.starts_at < ${v.to} and a.starts_at > ${v.from} - interval '1 day' and a.ends_at > ${v.from}
         and (a.status in (${SEAT_HOLDING_STATUSES.map((x) => `'${x}'`).join(", ")}) or (a.status = 'held' and a.hold_expires_at > ${v.now}))
       order by a.starts_at`,
    ].join(";\n");
    const results = (await this.db.raw(sql)) as unknown as { rows: Record<string, unknown>[] }[];
    const [providers, clinics, rules, exceptions, taken] = results.map((r) => r.rows) as Record<string, unknown>[][];
    const group = (rows: Record<string, unknown>[]) => {
      const m = new Map<string, Record<string, unknown>[]>();
      for (const r of rows) {
        const k = r.provider_id as string;
        const list = m.get(k);
        if (list) list.push(r);
        else m.set(k, [r]);
      }
      return m;
    };
    const [byClinic, byRule, byException, byTaken] = [group(clinics!), group(rules!), group(exceptions!), group(taken!)];
    return providers!.map((p) => {
      const id = p.id as string;
      return {
        slug: p.slug as string,
        snapshot: {
          providerId: id,
          published: p.published as boolean,
          policy: (p.policy as BookingPolicyView | null) ?? FALLBACK_POLICY,
          clinics: new Map((byClinic.get(id) ?? []).map((c) => [c.clinic_id as string, c.time_zone as string])),
          rules: (byRule.get(id) ?? []).map(toRule),
          exceptions: (byException.get(id) ?? []).map(toException),
          taken: toTaken(byTaken.get(id) ?? []),
        },
      };
    });
  }

  /** Only the seat-holding appointments overlapping [from, to) (see `snapshot`). */
  async taken(providerId: string, w: { from: Date; to: Date; now: Date }): Promise<[number, number, number][]> {
    const v = literals(providerId, { ...w, fromDate: "2000-01-01", toDate: "2000-01-01" });
    const r = (await this.db.raw(takenSql(v))) as unknown as { rows: Record<string, unknown>[] };
    return toTaken(r.rows);
  }
}
