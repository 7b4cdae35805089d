import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import type { AppointmentStatus } from "./contract.js";
import { ACTIVE_STATUSES } from "./state-machine.js";

const TABLE = "appointments";
const EVENTS = "appointment_events";
const OUTBOX = "outbox";

/** One appointment row with the names a view shows, and its local date in the clinic's zone. */
export interface AppointmentRecord {
  id: string;
  providerId: string;
  providerName: string;
  clinicId: string;
  clinicName: string;
  timeZone: string;
  patientId: string;
  patientName: string;
  dependantId: string | null;
  dependantName: string | null;
  bookedBy: string | null;
  startsAt: Date;
  endsAt: Date;
  localDate: string;
  seat: number;
  mode: "in_clinic" | "video";
  status: AppointmentStatus;
  holdExpiresAt: Date | null;
  reason: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  feeMinor: number | null;
  currency: string | null;
  cancelledBy: "patient" | "clinic" | null;
  rescheduledFrom: string | null;
  idempotencyKey: string | null;
  checkedInAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

/** The columns a new appointment is written with. */
export interface NewAppointment {
  providerId: string;
  clinicId: string;
  patientId: string;
  dependantId: string | null;
  bookedBy: string;
  startsAt: Date;
  endsAt: Date;
  seat: number;
  mode: "in_clinic" | "video";
  status: "held" | "booked";
  holdExpiresAt: Date | null;
  reason: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  feeMinor: number | null;
  currency: string | null;
  rescheduledFrom: string | null;
  idempotencyKey: string | null;
}

/** What a booking needs to know before it takes a seat, read in one round trip (see `bookingContext`). */
export interface BookingContext {
  /** The published doctor; null when there is none (or it is not published). */
  provider: { id: string; name: string; feeMinor: number; currency: string } | null;
  /** The patient's appointments with this doctor that count against the per-patient limit. */
  active: number;
  /** The appointment this patient already made under the idempotency key, if any. */
  replayId: string | null;
  patientName: string | null;
  /** The dependant's name when it belongs to the patient; null otherwise (or none asked). */
  dependantName: string | null;
  clinic: { name: string; timeZone: string } | null;
}

/** Columns a lifecycle step may change. */
export interface AppointmentPatch {
  status?: AppointmentStatus;
  holdExpiresAt?: Date | null;
  dependantId?: string | null;
  reason?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  feeMinor?: number | null;
  currency?: string | null;
  cancelledBy?: "patient" | "clinic" | null;
  cancelReason?: string | null;
  checkedInAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
}

const PATCH_COLUMNS: Record<keyof AppointmentPatch, string> = {
  status: "status",
  holdExpiresAt: "hold_expires_at",
  dependantId: "dependant_id",
  reason: "reason",
  contactPhone: "contact_phone",
  contactEmail: "contact_email",
  feeMinor: "fee_minor",
  currency: "currency",
  cancelledBy: "cancelled_by",
  cancelReason: "cancel_reason",
  checkedInAt: "checked_in_at",
  startedAt: "started_at",
  completedAt: "completed_at",
};

export interface AppointmentEvent {
  appointmentId: string;
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  actorId: string | null;
  actorKind: "patient" | "staff" | "system";
  note?: string | null;
}

/** An appointment row joined with its doctor, clinic, patient and dependant names (see `selectFull`), as a record. */
export function toRecord(r: Record<string, unknown>): AppointmentRecord {
  return {
    id: r.id as string,
    providerId: r.provider_id as string,
    providerName: r.provider_name as string,
    clinicId: r.clinic_id as string,
    clinicName: r.clinic_name as string,
    timeZone: r.time_zone as string,
    patientId: r.patient_id as string,
    patientName: r.patient_name as string,
    dependantId: (r.dependant_id as string) ?? null,
    dependantName: (r.dependant_name as string) ?? null,
    bookedBy: (r.booked_by as string) ?? null,
    startsAt: r.starts_at as Date,
    endsAt: r.ends_at as Date,
    localDate: r.local_date as string,
    seat: Number(r.seat),
    mode: r.mode as "in_clinic" | "video",
    status: r.status as AppointmentStatus,
    holdExpiresAt: (r.hold_expires_at as Date) ?? null,
    reason: (r.reason as string) ?? null,
    contactPhone: (r.contact_phone as string) ?? null,
    contactEmail: (r.contact_email as string) ?? null,
    feeMinor: r.fee_minor === null || r.fee_minor === undefined ? null : Number(r.fee_minor),
    currency: (r.currency as string) ?? null,
    cancelledBy: (r.cancelled_by as "patient" | "clinic") ?? null,
    rescheduledFrom: (r.rescheduled_from as string) ?? null,
    idempotencyKey: (r.idempotency_key as string) ?? null,
    checkedInAt: (r.checked_in_at as Date) ?? null,
    startedAt: (r.started_at as Date) ?? null,
    completedAt: (r.completed_at as Date) ?? null,
    createdAt: r.created_at as Date,
  };
}

/** Appointments of one tenant, their events, and the outbox rows their changes write. */
export class AppointmentStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  private selectFull() {
    return this.db(`${TABLE} as a`)
      .join("providers as p", "p.id", "a.provider_id")
      .join("clinics as c", "c.id", "a.clinic_id")
      .join("users as u", "u.id", "a.patient_id")
      .leftJoin("dependants as d", "d.id", "a.dependant_id")
      .select(
        "a.*",
        "p.name as provider_name",
        "c.name as clinic_name",
        "c.time_zone",
        "u.name as patient_name",
        "d.name as dependant_name",
        this.db.raw("to_char((a.starts_at at time zone c.time_zone)::date, 'YYYY-MM-DD') as local_date"),
      );
  }

  /** One appointment; with `lock`, its row stays locked until the transaction ends. */
  async find(id: string, opts: { lock?: boolean } = {}): Promise<AppointmentRecord | null> {
    if (opts.lock) await this.db(TABLE).where({ id }).forUpdate().first("id");
    const r = await this.selectFull().where("a.id", id).first();
    return r ? toRecord(r) : null;
  }

  /** The appointment a patient made under this idempotency key, if any. */
  async findByIdempotencyKey(patientId: string, key: string): Promise<AppointmentRecord | null> {
    const r = await this.selectFull().where({ "a.patient_id": patientId, "a.idempotency_key": key }).first();
    return r ? toRecord(r) : null;
  }

  /** A published doctor's name and fee, or null. */
  async publishedProvider(id: string): Promise<{ id: string; name: string; feeMinor: number; currency: string } | null> {
    const r = await this.db("providers").where({ id, published: true }).first("id", "name", "fee_minor", "currency");
    return r ? { id: r.id as string, name: r.name as string, feeMinor: Number(r.fee_minor), currency: r.currency as string } : null;
  }

  /** Whether `id` is an active patient account. */
  async isActivePatient(id: string): Promise<boolean> {
    return Boolean(await this.db("users").where({ id, kind: "patient", status: "active" }).first("id"));
  }

  /** Whether the dependant belongs to the patient. */
  async isDependantOf(dependantId: string, patientId: string): Promise<boolean> {
    return Boolean(await this.db("dependants").where({ id: dependantId, patient_id: patientId }).first("id"));
  }

  /**
   * Appointments of this patient with this doctor that still count against the per-patient
   * limit: live holds, and booked or in-progress visits that have not ended.
   */
  async countActive(patientId: string, providerId: string, now: Date): Promise<number> {
    const r = await this.db(TABLE)
      .where({ patient_id: patientId, provider_id: providerId })
      .where((w) =>
        w
          .where((h) => h.where("status", "held").where("hold_expires_at", ">", now))
          .orWhere((b) => b.where("status", "booked").where("ends_at", ">", now))
          .orWhereIn("status", ["checked_in", "in_consultation"]),
      )
      .count<{ n: string }[]>("* as n");
    return Number(r[0]?.n ?? 0);
  }

  /**
   * Everything a booking checks before it takes a seat, in one statement: the published
   * doctor and fee, the patient's live appointments with them (`countActive`), a previous
   * appointment under the idempotency key, the names the answer shows, and whether the
   * dependant belongs to the patient.
   */
  async bookingContext(q: { patientId: string; providerId: string; clinicId: string; dependantId: string | null; idempotencyKey: string | null; now: Date }): Promise<BookingContext> {
    const r = await this.db.raw(
      `select
         (select json_build_object('id', p.id, 'name', p.name, 'feeMinor', p.fee_minor, 'currency', p.currency) from providers p where p.id = :providerId and p.published) as provider,
         (select cast(count(*) as int) from ${TABLE} a where a.patient_id = :patientId and a.provider_id = :providerId
            and ((a.status = 'held' and a.hold_expires_at > :now) or (a.status = 'booked' and a.ends_at > :now) or a.status in ('checked_in', 'in_consultation'))) as active,
         (select a.id from ${TABLE} a where a.patient_id = :patientId and a.idempotency_key = :key) as replay_id,
         (select u.name from users u where u.id = :patientId) as patient_name,
         (select d.name from dependants d where d.id = :dependantId and d.patient_id = :patientId) as dependant_name,
         (select json_build_object('name', c.name, 'timeZone', c.time_zone) from clinics c where c.id = :clinicId) as clinic`,
      { providerId: q.providerId, patientId: q.patientId, clinicId: q.clinicId, dependantId: q.dependantId, key: q.idempotencyKey, now: q.now },
    );
    const row = (r as { rows: Record<string, unknown>[] }).rows[0]!;
    const p = row.provider as { id: string; name: string; feeMinor: number; currency: string } | null;
    return {
      provider: p ? { ...p, feeMinor: Number(p.feeMinor) } : null,
      active: Number(row.active),
      replayId: (row.replay_id as string | null) ?? null,
      patientName: (row.patient_name as string | null) ?? null,
      dependantName: (row.dependant_name as string | null) ?? null,
      clinic: (row.clinic as { name: string; timeZone: string } | null) ?? null,
    };
  }

  /**
   * In one statement: marks this doctor's holds overlapping [startsAt, endsAt) that lapsed
   * by `now` `expired` and returns them, with the seats the live appointments overlapping
   * that time hold. (The seat read sees the rows before the update, so it leaves out the
   * very holds the update expires.)
   */
  async expireLapsedAndTakenSeats(providerId: string, startsAt: Date, endsAt: Date, now: Date): Promise<{ expired: { id: string; clinicId: string; patientId: string }[]; taken: Set<number> }> {
    const r = await this.db.raw(
      `with expired as (
         update ${TABLE} set status = 'expired', updated_at = now()
         where provider_id = :providerId and status = 'held' and hold_expires_at <= :now and tstzrange(starts_at, ends_at) && tstzrange(:startsAt, :endsAt)
         returning id, clinic_id, patient_id
       )
       select id, clinic_id, patient_id, cast(null as smallint) as seat from expired
       union all
       select null, null, null, seat from ${TABLE}
       where provider_id = :providerId and status in ('held', 'booked', 'checked_in', 'in_consultation', 'completed')
         and not (status = 'held' and hold_expires_at <= :now) and tstzrange(starts_at, ends_at) && tstzrange(:startsAt, :endsAt)`,
      { providerId, startsAt, endsAt, now },
    );
    const expired: { id: string; clinicId: string; patientId: string }[] = [];
    const taken = new Set<number>();
    for (const row of (r as { rows: Record<string, unknown>[] }).rows) {
      if (row.id) expired.push({ id: row.id as string, clinicId: row.clinic_id as string, patientId: row.patient_id as string });
      else taken.add(Number(row.seat));
    }
    return { expired, taken };
  }

  /**
   * Takes the seat in one statement with everything that goes with it: the appointment
   * (its id chosen by the caller), its first event, its outbox row and, when asked, the
   * patient's open waitlist entries for that doctor and local date marked booked. Returns
   * the creation time, or null when the seat is taken (the exclusion constraint, or the
   * patient's idempotency key, already used: `on conflict do nothing` waits for a
   * concurrent insert to commit or roll back before it decides, as the constraint does).
   */
  async insertPlaced(
    a: NewAppointment & { id: string },
    extra: { event: Omit<AppointmentEvent, "appointmentId" | "from">; outbox: { topic: string; payload: Record<string, string | null> }; markWaitlistBooked: { date: string } | null },
  ): Promise<Date | null> {
    const r = await this.db.raw(
      `with a as (
         insert into ${TABLE} (id, provider_id, clinic_id, patient_id, dependant_id, booked_by, starts_at, ends_at, seat, mode, status, hold_expires_at,
                               reason, contact_phone, contact_email, fee_minor, currency, rescheduled_from, idempotency_key)
         values (:id, :providerId, :clinicId, :patientId, :dependantId, :bookedBy, :startsAt, :endsAt, :seat, :mode, :status, :holdExpiresAt,
                 :reason, :contactPhone, :contactEmail, :feeMinor, :currency, :rescheduledFrom, :idempotencyKey)
         on conflict do nothing
         returning id, created_at
       ), ev as (
         insert into ${EVENTS} (appointment_id, from_status, to_status, actor_id, actor_kind, note)
         select id, null, :status, :actorId, :actorKind, :note from a
       ), ob as (
         insert into ${OUTBOX} (topic, payload) select :topic, cast(:payload as jsonb) from a
       ), wl as (
         update waitlist_entries set status = 'booked'
         where :markBooked and patient_id = :patientId and provider_id = :providerId and date = cast(:waitlistDate as date)
           and status in ('waiting', 'offered') and exists (select 1 from a)
       )
       select created_at from a`,
      {
        id: a.id,
        providerId: a.providerId,
        clinicId: a.clinicId,
        patientId: a.patientId,
        dependantId: a.dependantId,
        bookedBy: a.bookedBy,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        seat: a.seat,
        mode: a.mode,
        status: a.status,
        holdExpiresAt: a.holdExpiresAt,
        reason: a.reason,
        contactPhone: a.contactPhone,
        contactEmail: a.contactEmail,
        feeMinor: a.feeMinor,
        currency: a.currency,
        rescheduledFrom: a.rescheduledFrom,
        idempotencyKey: a.idempotencyKey,
        actorId: extra.event.actorId,
        actorKind: extra.event.actorKind,
        note: extra.event.note ?? null,
        topic: extra.outbox.topic,
        payload: JSON.stringify(extra.outbox.payload),
        markBooked: extra.markWaitlistBooked !== null,
        waitlistDate: extra.markWaitlistBooked?.date ?? "1970-01-01",
      },
    );
    const row = (r as { rows: { created_at: Date }[] }).rows[0];
    return row ? row.created_at : null;
  }

  /** Marks this doctor's lapsed holds overlapping [startsAt, endsAt) `expired`; returns their ids. */
  async expireLapsedHolds(providerId: string, startsAt: Date, endsAt: Date, now: Date): Promise<string[]> {
    const rows = await this.db(TABLE)
      .where({ provider_id: providerId, status: "held" })
      .where("hold_expires_at", "<=", now)
      .whereRaw("tstzrange(starts_at, ends_at) && tstzrange(?, ?)", [startsAt, endsAt])
      .update({ status: "expired", updated_at: this.db.fn.now() })
      .returning("id");
    return rows.map((r: { id: string }) => r.id);
  }

  /**
   * Marks up to `limit` holds of any doctor that lapsed by `now` `expired`, oldest first;
   * holds another transaction has locked (a confirm, another sweeper) are skipped. Does
   * not write at all when nothing lapsed, so an idle sweep wakes no queue listener.
   */
  async expireLapsedHoldsBefore(now: Date, limit: number): Promise<{ id: string; providerId: string; clinicId: string; patientId: string }[]> {
    const ids = await this.db(TABLE)
      .where("status", "held")
      .where("hold_expires_at", "<=", now)
      .orderBy("hold_expires_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .pluck("id");
    if (!ids.length) return [];
    const rows = await this.db(TABLE)
      .whereIn("id", ids)
      .update({ status: "expired", updated_at: this.db.fn.now() })
      .returning(["id", "provider_id", "clinic_id", "patient_id"]);
    return rows.map((r: Record<string, string>) => ({ id: r.id!, providerId: r.provider_id!, clinicId: r.clinic_id!, patientId: r.patient_id! }));
  }

  /** Seats of this doctor's live appointments overlapping [startsAt, endsAt). */
  async takenSeats(providerId: string, startsAt: Date, endsAt: Date): Promise<Set<number>> {
    const seats = await this.db(TABLE)
      .where({ provider_id: providerId })
      .whereIn("status", [...ACTIVE_STATUSES, "completed"])
      .whereRaw("tstzrange(starts_at, ends_at) && tstzrange(?, ?)", [startsAt, endsAt])
      .pluck("seat");
    return new Set(seats.map(Number));
  }

  /** Whether a live appointment of this doctor starts at exactly this instant. */
  async liveAt(providerId: string, startsAt: Date): Promise<boolean> {
    return Boolean(await this.db(TABLE).where({ provider_id: providerId, starts_at: startsAt }).whereIn("status", [...ACTIVE_STATUSES, "completed"]).first("id"));
  }

  /**
   * Inserts on the row's seat inside a savepoint; null when the exclusion constraint says
   * the seat is taken (the outer transaction carries on). Other errors are thrown.
   */
  async insertOnSeat(a: NewAppointment): Promise<string | null> {
    try {
      return await this.db.transaction(async (sp) => {
        const [row] = await sp(TABLE)
          .insert({
            provider_id: a.providerId,
            clinic_id: a.clinicId,
            patient_id: a.patientId,
            dependant_id: a.dependantId,
            booked_by: a.bookedBy,
            starts_at: a.startsAt,
            ends_at: a.endsAt,
            seat: a.seat,
            mode: a.mode,
            status: a.status,
            hold_expires_at: a.holdExpiresAt,
            reason: a.reason,
            contact_phone: a.contactPhone,
            contact_email: a.contactEmail,
            fee_minor: a.feeMinor,
            currency: a.currency,
            rescheduled_from: a.rescheduledFrom,
            idempotency_key: a.idempotencyKey,
          })
          .returning("id");
        return row.id as string;
      });
    } catch (err) {
      if ((err as { code?: string }).code === "23P01") return null;
      throw err;
    }
  }

  async patch(id: string, patch: AppointmentPatch): Promise<void> {
    const row: Record<string, unknown> = { updated_at: this.db.fn.now() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) row[PATCH_COLUMNS[k as keyof AppointmentPatch]] = v;
    await this.db(TABLE).where({ id }).update(row);
  }

  /** Records one move of the lifecycle (who, when, an optional note). */
  async addEvents(events: AppointmentEvent[]): Promise<void> {
    if (!events.length) return;
    await this.db(EVENTS).insert(
      events.map((e) => ({ appointment_id: e.appointmentId, from_status: e.from, to_status: e.to, actor_id: e.actorId, actor_kind: e.actorKind, note: e.note ?? null })),
    );
  }

  /** Writes domain events for the dispatcher, in this transaction. Payloads carry ids only. */
  async addOutbox(messages: { topic: string; payload: Record<string, string | null> }[]): Promise<void> {
    if (!messages.length) return;
    await this.db(OUTBOX).insert(messages.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) })));
  }

  /** Every appointment of a patient account (their own and their dependants'), newest first. */
  async listForPatient(patientId: string): Promise<AppointmentRecord[]> {
    const rows = await this.selectFull().where("a.patient_id", patientId).orderBy([{ column: "a.starts_at", order: "desc" }, { column: "a.id" }]).limit(500);
    return rows.map(toRecord);
  }

  /**
   * A doctor's waiting and in-progress appointments on one local date (the clinic's zone;
   * with no date, the clinic's today at `now`), optionally at one clinic.
   */
  async queue(q: { providerId: string; clinicId: string | null; date: string | null; now: Date }): Promise<AppointmentRecord[]> {
    const query = this.selectFull()
      .where("a.provider_id", q.providerId)
      .whereIn("a.status", ["booked", "checked_in", "in_consultation"])
      .orderBy([{ column: "a.starts_at" }, { column: "a.seat" }, { column: "a.id" }]);
    if (q.clinicId) query.where("a.clinic_id", q.clinicId);
    // The day is the clinic's local date; the day-wide margins (zones are within +-14 h of
    // UTC) give the (provider_id, starts_at) index a range to scan.
    const day = q.date ?? q.now.toISOString().slice(0, 10);
    query.whereRaw("a.starts_at >= ?::date - interval '1 day' and a.starts_at < ?::date + interval '2 days'", [day, day]);
    if (q.date) query.whereRaw("(a.starts_at at time zone c.time_zone)::date = ?::date", [q.date]);
    else query.whereRaw("(a.starts_at at time zone c.time_zone)::date = (?::timestamptz at time zone c.time_zone)::date", [q.now]);
    return (await query).map(toRecord);
  }
}
