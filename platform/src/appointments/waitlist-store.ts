import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const TABLE = "waitlist_entries";

export interface WaitlistEntryRecord {
  id: string;
  providerId: string;
  clinicId: string | null;
  date: string;
  patientId: string;
  dependantId: string | null;
  status: "waiting" | "offered" | "booked" | "expired" | "cancelled";
  offeredStartsAt: Date | null;
  /** The clinic of the offered slot (the entry's own clinic may be null: any clinic). */
  offeredClinicId: string | null;
  offerExpiresAt: Date | null;
  createdAt: Date;
}

function toRecord(r: Record<string, unknown>): WaitlistEntryRecord {
  return {
    id: r.id as string,
    providerId: r.provider_id as string,
    clinicId: (r.clinic_id as string) ?? null,
    date: r.date_text as string,
    patientId: r.patient_id as string,
    dependantId: (r.dependant_id as string) ?? null,
    status: r.status as WaitlistEntryRecord["status"],
    offeredStartsAt: (r.offered_starts_at as Date) ?? null,
    offeredClinicId: (r.offered_clinic_id as string) ?? null,
    offerExpiresAt: (r.offer_expires_at as Date) ?? null,
    createdAt: r.created_at as Date,
  };
}

/** Patients waiting for a freed slot on a doctor's full day. */
export class WaitlistStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  private select() {
    return this.db(TABLE).select("*", this.db.raw("to_char(date, 'YYYY-MM-DD') as date_text"));
  }

  /** The patient's waiting or offered entry for this doctor and date, if any. */
  async findOpen(patientId: string, providerId: string, date: string): Promise<WaitlistEntryRecord | null> {
    const r = await this.select().where({ patient_id: patientId, provider_id: providerId, date }).whereIn("status", ["waiting", "offered"]).first();
    return r ? toRecord(r) : null;
  }

  async insert(e: { providerId: string; clinicId: string | null; date: string; patientId: string; dependantId: string | null }): Promise<string> {
    const [row] = await this.db(TABLE)
      .insert({ provider_id: e.providerId, clinic_id: e.clinicId, date: e.date, patient_id: e.patientId, dependant_id: e.dependantId })
      .returning("id");
    return row.id as string;
  }

  /**
   * Takes the longest-waiting entry for this doctor and date (any clinic, or this one) and
   * marks it offered; null when nobody waits. Locked rows are skipped, so two cancellations
   * at once offer to two different patients.
   */
  async offerNext(q: { providerId: string; clinicId: string; date: string; startsAt: Date; expiresAt: Date }): Promise<WaitlistEntryRecord | null> {
    const next = await this.db(TABLE)
      .where({ provider_id: q.providerId, date: q.date, status: "waiting" })
      .where((w) => w.whereNull("clinic_id").orWhere("clinic_id", q.clinicId))
      .orderBy([{ column: "created_at" }, { column: "id" }])
      .forUpdate()
      .skipLocked()
      .first("id");
    if (!next) return null;
    await this.db(TABLE).where({ id: next.id }).update({ status: "offered", offered_starts_at: q.startsAt, offered_clinic_id: q.clinicId, offer_expires_at: q.expiresAt });
    const r = await this.select().where({ id: next.id }).first();
    return toRecord(r);
  }

  /**
   * Offers past their expiry at `now`, oldest first, locked for this transaction; rows
   * another sweeper holds are skipped, so concurrent sweeps never handle one offer twice.
   */
  async lockLapsedOffers(now: Date, limit: number): Promise<WaitlistEntryRecord[]> {
    const rows = await this.select()
      .where("status", "offered")
      .where("offer_expires_at", "<=", now)
      .orderBy([{ column: "offer_expires_at" }, { column: "id" }])
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return rows.map(toRecord);
  }

  /** Marks offers (locked by `lockLapsedOffers`) expired. */
  async markExpired(ids: string[]): Promise<void> {
    if (ids.length) await this.db(TABLE).whereIn("id", ids).where("status", "offered").update({ status: "expired" });
  }

  /** The patient booked this doctor on this date: their open entries are done. */
  async markBooked(patientId: string, providerId: string, date: string): Promise<void> {
    await this.db(TABLE).where({ patient_id: patientId, provider_id: providerId, date }).whereIn("status", ["waiting", "offered"]).update({ status: "booked" });
  }
}
