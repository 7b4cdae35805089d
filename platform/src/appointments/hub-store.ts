import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import { toRecord, type AppointmentRecord } from "./appointment-store.js";

const PROVIDERS = "providers";
const PROVIDER_CLINICS = "provider_clinics";
const PROVIDER_SPECIALTIES = "provider_specialties";
const SPECIALTIES = "specialties";
const CLINICS = "clinics";
const RULES = "availability_rules";
const EXCEPTIONS = "availability_exceptions";
const APPOINTMENTS = "appointments";
const USERS = "users";
const DEPENDANTS = "dependants";

/** A published doctor with their specialties (primary first) and clinics. */
export interface HubDoctorRecord {
  id: string;
  slug: string;
  name: string;
  specialties: string[];
  clinics: { id: string; name: string; timeZone: string }[];
}

/** An active weekly rule, as the calendar draws it. */
export interface CalendarRule {
  id: string;
  clinicId: string;
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: number;
  breaks: { start: string; end: string }[];
  validFrom: string;
  validUntil: string | null;
}

/** A time off, extra session or clinic holiday on one date. */
export interface CalendarException {
  id: string;
  kind: "time_off" | "extra_session" | "clinic_holiday";
  providerId: string | null;
  clinicId: string | null;
  date: string;
  start: string | null;
  end: string | null;
  slotMinutes: number | null;
  note: string | null;
}

export interface PatientRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  dependants: { id: string; name: string; relationship: string }[];
}

const hhmm = (col: string) => `to_char(${col}, 'HH24:MI')`;
const ymd = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

/** Escapes `%`, `_` and the escape character itself for a LIKE pattern. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}


/** Reads for the doctor hub: doctors and their clinics, a calendar's rules, exceptions and appointments, patient search. */
export class HubStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /** Published doctors (or just `providerId`) by name, with specialties and clinics. */
  async publishedDoctors(providerId?: string): Promise<HubDoctorRecord[]> {
    const q = this.db(PROVIDERS).where({ published: true }).orderBy([{ column: "name" }, { column: "id" }]).select("id", "slug", "name");
    if (providerId) q.where({ id: providerId });
    const providers = await q;
    if (!providers.length) return [];
    const ids = providers.map((p: { id: string }) => p.id);
    const [clinics, specialties] = await Promise.all([
      this.db(`${PROVIDER_CLINICS} as pc`)
        .join(`${CLINICS} as c`, "c.id", "pc.clinic_id")
        .whereIn("pc.provider_id", ids)
        .orderBy([{ column: "c.name" }, { column: "c.id" }])
        .select("pc.provider_id", "c.id", "c.name", "c.time_zone"),
      this.db(`${PROVIDER_SPECIALTIES} as ps`)
        .join(`${SPECIALTIES} as s`, "s.id", "ps.specialty_id")
        .whereIn("ps.provider_id", ids)
        .orderBy([{ column: "ps.is_primary", order: "desc" }, { column: "s.name" }])
        .select("ps.provider_id", "s.name"),
    ]);
    return providers.map((p: Record<string, unknown>) => ({
      id: p.id as string,
      slug: p.slug as string,
      name: p.name as string,
      specialties: specialties.filter((s: Record<string, unknown>) => s.provider_id === p.id).map((s: Record<string, unknown>) => s.name as string),
      clinics: clinics
        .filter((c: Record<string, unknown>) => c.provider_id === p.id)
        .map((c: Record<string, unknown>) => ({ id: c.id as string, name: c.name as string, timeZone: c.time_zone as string })),
    }));
  }

  /** The doctor's active weekly rules that are valid on some day of [fromDate, toDate]. */
  async activeRules(providerId: string, fromDate: string, toDate: string): Promise<CalendarRule[]> {
    const rows = await this.db(RULES)
      .where({ provider_id: providerId, active: true })
      .where("valid_from", "<=", toDate)
      .where((w) => w.whereNull("valid_until").orWhere("valid_until", ">=", fromDate))
      .orderBy([{ column: "start_time" }, { column: "id" }])
      .select("id", "clinic_id", "weekdays", "slot_minutes", "breaks")
      .select(this.db.raw(`${hhmm("start_time")} as start_time, ${hhmm("end_time")} as end_time, ${ymd("valid_from")} as valid_from, ${ymd("valid_until")} as valid_until`));
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      clinicId: r.clinic_id as string,
      weekdays: (r.weekdays as (number | string)[]).map(Number),
      start: r.start_time as string,
      end: r.end_time as string,
      slotMinutes: Number(r.slot_minutes),
      breaks: (r.breaks as { start: string; end: string }[]) ?? [],
      validFrom: r.valid_from as string,
      validUntil: (r.valid_until as string) ?? null,
    }));
  }

  /** The doctor's exceptions, and the holidays of `clinicIds`, dated within [fromDate, toDate]. */
  async exceptions(providerId: string, clinicIds: string[], fromDate: string, toDate: string): Promise<CalendarException[]> {
    const rows = await this.db(EXCEPTIONS)
      .whereBetween("date", [fromDate, toDate])
      .where((w) => {
        w.where("provider_id", providerId);
        if (clinicIds.length) w.orWhere((h) => h.where("kind", "clinic_holiday").whereIn("clinic_id", clinicIds));
      })
      .orderBy([{ column: "date" }, { column: "start_time", order: "asc", nulls: "first" }, { column: "id" }])
      .select("id", "kind", "provider_id", "clinic_id", "slot_minutes", "note")
      .select(this.db.raw(`${ymd("date")} as date, ${hhmm("start_time")} as start_time, ${hhmm("end_time")} as end_time`));
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      kind: r.kind as CalendarException["kind"],
      providerId: (r.provider_id as string) ?? null,
      clinicId: (r.clinic_id as string) ?? null,
      date: r.date as string,
      start: (r.start_time as string) ?? null,
      end: (r.end_time as string) ?? null,
      slotMinutes: r.slot_minutes === null || r.slot_minutes === undefined ? null : Number(r.slot_minutes),
      note: (r.note as string) ?? null,
    }));
  }

  /**
   * The doctor's appointments at `clinicIds` whose clinic-local date is within
   * [fromDate, toDate], by start; lapsed and expired holds left out.
   */
  async appointmentsOn(providerId: string, clinicIds: string[], fromDate: string, toDate: string, now: Date): Promise<AppointmentRecord[]> {
    if (!clinicIds.length) return [];
    const rows = await this.db(`${APPOINTMENTS} as a`)
      .join(`${PROVIDERS} as p`, "p.id", "a.provider_id")
      .join(`${CLINICS} as c`, "c.id", "a.clinic_id")
      .join(`${USERS} as u`, "u.id", "a.patient_id")
      .leftJoin(`${DEPENDANTS} as d`, "d.id", "a.dependant_id")
      .where("a.provider_id", providerId)
      .whereIn("a.clinic_id", clinicIds)
      .whereNot("a.status", "expired")
      .where((w) => w.whereNot("a.status", "held").orWhere("a.hold_expires_at", ">", now))
      // Zones lie within ±14 h of UTC: the margins let the (provider_id, starts_at) index scan a range.
      .whereRaw("a.starts_at >= ?::date - interval '1 day' and a.starts_at < ?::date + interval '2 days'", [fromDate, toDate])
      .whereRaw("(a.starts_at at time zone c.time_zone)::date between ?::date and ?::date", [fromDate, toDate])
      .orderBy([{ column: "a.starts_at" }, { column: "a.seat" }, { column: "a.id" }])
      .select(
        "a.*",
        "p.name as provider_name",
        "c.name as clinic_name",
        "c.time_zone",
        "u.name as patient_name",
        "d.name as dependant_name",
        this.db.raw("to_char((a.starts_at at time zone c.time_zone)::date, 'YYYY-MM-DD') as local_date"),
      );
    return rows.map(toRecord);
  }

  /**
   * Active patient accounts whose name or email contains `text`, or whose phone contains
   * `digits` (when given), by name; at most `limit`, with their dependants.
   */
  async findPatients(text: string, digits: string | null, limit: number): Promise<PatientRecord[]> {
    const pattern = `%${likeEscape(text.toLowerCase())}%`;
    const rows = await this.db(USERS)
      .where({ kind: "patient", status: "active" })
      .where((w) => {
        w.whereRaw("lower(name) like ? escape '\\'", [pattern]).orWhereRaw("email like ? escape '\\'", [pattern]);
        if (digits) w.orWhereRaw("regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') like ?", [`%${digits}%`]);
      })
      .orderBy([{ column: "name" }, { column: "id" }])
      .limit(limit)
      .select("id", "name", "email", "phone");
    return this.withDependants(rows);
  }

  /** Doctors whose booking rules are their own rather than the tenant default. */
  async providersWithOwnPolicy(): Promise<string[]> {
    return this.db("booking_policies").whereNotNull("provider_id").orderBy("provider_id").pluck("provider_id");
  }

  async findPatient(id: string): Promise<PatientRecord | null> {
    const rows = await this.db(USERS).where({ id, kind: "patient" }).select("id", "name", "email", "phone");
    return (await this.withDependants(rows))[0] ?? null;
  }

  private async withDependants(rows: Record<string, unknown>[]): Promise<PatientRecord[]> {
    const ids = rows.map((r) => r.id as string);
    const deps = ids.length
      ? await this.db(DEPENDANTS).whereIn("patient_id", ids).orderBy([{ column: "name" }, { column: "id" }]).select("id", "patient_id", "name", "relationship")
      : [];
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      email: (r.email as string) ?? null,
      phone: (r.phone as string) ?? null,
      dependants: deps
        .filter((d: Record<string, unknown>) => d.patient_id === r.id)
        .map((d: Record<string, unknown>) => ({ id: d.id as string, name: d.name as string, relationship: d.relationship as string })),
    }));
  }
}
