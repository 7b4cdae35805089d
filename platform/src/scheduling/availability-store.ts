import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";
import type { ConsultationMode, SessionBreak } from "./slot-types.js";

const RULES = "availability_rules";
const EXCEPTIONS = "availability_exceptions";
const CLINICS = "clinics";
const PROVIDERS = "providers";
const LINKS = "provider_clinics";

/** A stored weekly rule with its clinic's zone. */
export interface RuleRecord {
  id: string;
  providerId: string;
  clinicId: string;
  timeZone: string;
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
  active: boolean;
}

export type RuleWrite = Omit<RuleRecord, "id" | "timeZone">;

/** A stored exception; `timeZone` is its clinic's (null for a time off entered for no clinic). */
export interface ExceptionRecord {
  id: string;
  kind: "time_off" | "extra_session" | "clinic_holiday";
  providerId: string | null;
  clinicId: string | null;
  timeZone: string | null;
  date: string;
  start: string | null;
  end: string | null;
  slotMinutes: number | null;
  bufferBeforeMinutes: number | null;
  bufferAfterMinutes: number | null;
  capacity: number | null;
  mode: ConsultationMode | null;
  note: string | null;
}

export type ExceptionWrite = Omit<ExceptionRecord, "id" | "timeZone">;

// Times and dates leave Postgres as text in one fixed shape, whatever the session's
// DateStyle: "HH:MM" and "YYYY-MM-DD".
const hhmm = (col: string) => `to_char(${col}, 'HH24:MI')`;
const ymd = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

const RULE_COLUMNS = [
  "r.id",
  "r.provider_id",
  "r.clinic_id",
  "c.time_zone",
  "r.weekdays",
  "r.slot_minutes",
  "r.buffer_before_minutes",
  "r.buffer_after_minutes",
  "r.capacity",
  "r.mode",
  "r.breaks",
  "r.active",
];

function ruleSelect(db: Knex.Transaction) {
  return db(`${RULES} as r`)
    .join(`${CLINICS} as c`, "c.id", "r.clinic_id")
    .select(RULE_COLUMNS)
    .select(db.raw(`${hhmm("r.start_time")} as start_time, ${hhmm("r.end_time")} as end_time, ${ymd("r.valid_from")} as valid_from, ${ymd("r.valid_until")} as valid_until`));
}

function toRule(r: Record<string, unknown>): RuleRecord {
  return {
    id: r.id as string,
    providerId: r.provider_id as string,
    clinicId: r.clinic_id as string,
    timeZone: r.time_zone as string,
    weekdays: (r.weekdays as number[]).map(Number),
    start: r.start_time as string,
    end: r.end_time as string,
    slotMinutes: r.slot_minutes as number,
    bufferBeforeMinutes: r.buffer_before_minutes as number,
    bufferAfterMinutes: r.buffer_after_minutes as number,
    capacity: r.capacity as number,
    mode: r.mode as ConsultationMode,
    breaks: (r.breaks as SessionBreak[]) ?? [],
    validFrom: r.valid_from as string,
    validUntil: (r.valid_until as string | null) ?? null,
    active: r.active as boolean,
  };
}

function ruleRow(w: RuleWrite) {
  return {
    provider_id: w.providerId,
    clinic_id: w.clinicId,
    weekdays: w.weekdays,
    start_time: w.start,
    end_time: w.end,
    slot_minutes: w.slotMinutes,
    buffer_before_minutes: w.bufferBeforeMinutes,
    buffer_after_minutes: w.bufferAfterMinutes,
    capacity: w.capacity,
    mode: w.mode,
    // Stringified: the pg driver would send a JS array as a Postgres array, not jsonb.
    breaks: JSON.stringify(w.breaks),
    valid_from: w.validFrom,
    valid_until: w.validUntil,
    active: w.active,
  };
}

function exceptionSelect(db: Knex.Transaction) {
  return db(`${EXCEPTIONS} as e`)
    .leftJoin(`${CLINICS} as c`, "c.id", "e.clinic_id")
    .select("e.id", "e.kind", "e.provider_id", "e.clinic_id", "c.time_zone", "e.slot_minutes", "e.buffer_before_minutes", "e.buffer_after_minutes", "e.capacity", "e.mode", "e.note")
    .select(db.raw(`${ymd("e.date")} as date, ${hhmm("e.start_time")} as start_time, ${hhmm("e.end_time")} as end_time`));
}

function toException(r: Record<string, unknown>): ExceptionRecord {
  return {
    id: r.id as string,
    kind: r.kind as ExceptionRecord["kind"],
    providerId: (r.provider_id as string | null) ?? null,
    clinicId: (r.clinic_id as string | null) ?? null,
    timeZone: (r.time_zone as string | null) ?? null,
    date: r.date as string,
    start: (r.start_time as string | null) ?? null,
    end: (r.end_time as string | null) ?? null,
    slotMinutes: (r.slot_minutes as number | null) ?? null,
    bufferBeforeMinutes: (r.buffer_before_minutes as number | null) ?? null,
    bufferAfterMinutes: (r.buffer_after_minutes as number | null) ?? null,
    capacity: (r.capacity as number | null) ?? null,
    mode: (r.mode as ConsultationMode | null) ?? null,
    note: (r.note as string | null) ?? null,
  };
}

function exceptionRow(w: ExceptionWrite) {
  return {
    kind: w.kind,
    provider_id: w.providerId,
    clinic_id: w.clinicId,
    date: w.date,
    start_time: w.start,
    end_time: w.end,
    slot_minutes: w.slotMinutes,
    buffer_before_minutes: w.bufferBeforeMinutes,
    buffer_after_minutes: w.bufferAfterMinutes,
    capacity: w.capacity,
    mode: w.mode,
    note: w.note,
  };
}

/** Availability rules and exceptions of one tenant (the editing side; reads for slots are in `SlotStore`). */
export class AvailabilityStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /** Whether the provider exists, and the clinics they practise at with each clinic's zone. */
  async providerClinics(providerId: string): Promise<{ exists: boolean; clinics: Map<string, string> }> {
    const rows: { clinic_id: string | null; time_zone: string | null }[] = await this.db(`${PROVIDERS} as p`)
      .leftJoin(`${LINKS} as pc`, "pc.provider_id", "p.id")
      .leftJoin(`${CLINICS} as c`, "c.id", "pc.clinic_id")
      .where("p.id", providerId)
      .select("pc.clinic_id", "c.time_zone");
    return { exists: rows.length > 0, clinics: new Map(rows.filter((r) => r.clinic_id).map((r) => [r.clinic_id!, r.time_zone!])) };
  }

  /** The zone of a clinic, or null when there is no such clinic. */
  async clinicZone(clinicId: string): Promise<string | null> {
    const r = await this.db(CLINICS).where({ id: clinicId }).first("time_zone");
    return r ? (r.time_zone as string) : null;
  }

  async rulesOf(providerId: string): Promise<RuleRecord[]> {
    const rows = await ruleSelect(this.db).where("r.provider_id", providerId).orderBy([{ column: "r.valid_from" }, { column: "r.start_time" }, { column: "r.id" }]);
    return rows.map(toRule);
  }

  /** The rule, locked for the rest of the transaction (an edit and a removal must not interleave). */
  async findRule(id: string): Promise<RuleRecord | null> {
    const r = await ruleSelect(this.db).where("r.id", id).forUpdate("r").first();
    return r ? toRule(r) : null;
  }

  /**
   * Active rules of the doctor, other than `exceptId`, that share a weekday and a date with
   * `w` and whose local hours overlap it, at any clinic in the same zone (across zones local
   * hours do not compare; the engine still drops any slots that overlap there).
   */
  async overlappingRules(w: RuleWrite, timeZone: string, exceptId: string | null): Promise<{ id: string; clinicId: string }[]> {
    const q = this.db(`${RULES} as r`)
      .join(`${CLINICS} as c`, "c.id", "r.clinic_id")
      .where({ "r.provider_id": w.providerId, "r.active": true, "c.time_zone": timeZone })
      .whereRaw("r.weekdays && ?::smallint[]", [w.weekdays])
      .where("r.start_time", "<", w.end)
      .where("r.end_time", ">", w.start)
      .whereRaw("r.valid_from <= coalesce(?::date, 'infinity'::date)", [w.validUntil])
      .whereRaw("coalesce(r.valid_until, 'infinity'::date) >= ?::date", [w.validFrom])
      .select("r.id", "r.clinic_id");
    if (exceptId) q.whereNot("r.id", exceptId);
    return (await q).map((r: { id: string; clinic_id: string }) => ({ id: r.id, clinicId: r.clinic_id }));
  }

  /**
   * Serialises rule writes for one doctor until the transaction ends, so two overlapping
   * rules saved at the same moment cannot both pass the overlap check.
   */
  async lockProvider(providerId: string): Promise<void> {
    await this.db.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [`availability:${providerId}`]);
  }

  async insertRule(w: RuleWrite): Promise<string> {
    const [row] = await this.db(RULES).insert(ruleRow(w)).returning("id");
    return row.id as string;
  }

  async updateRule(id: string, w: RuleWrite): Promise<void> {
    await this.db(RULES).where({ id }).update({ ...ruleRow(w), updated_at: this.db.fn.now() });
  }

  async deleteRule(id: string): Promise<void> {
    await this.db(RULES).where({ id }).delete();
  }

  async listExceptions(filter: { providerId?: string; clinicId?: string; from?: string; to?: string }): Promise<ExceptionRecord[]> {
    const q = exceptionSelect(this.db).orderBy([{ column: "e.date" }, { column: "e.start_time" }, { column: "e.id" }]);
    if (filter.providerId) q.where("e.provider_id", filter.providerId);
    if (filter.clinicId) q.where("e.clinic_id", filter.clinicId);
    if (filter.from) q.where("e.date", ">=", filter.from);
    if (filter.to) q.where("e.date", "<=", filter.to);
    return (await q.limit(1000)).map(toException);
  }

  async findException(id: string): Promise<ExceptionRecord | null> {
    const r = await exceptionSelect(this.db).where("e.id", id).forUpdate("e").first();
    return r ? toException(r) : null;
  }

  async insertException(w: ExceptionWrite, createdBy: string | null): Promise<string> {
    const [row] = await this.db(EXCEPTIONS).insert({ ...exceptionRow(w), created_by: createdBy }).returning("id");
    return row.id as string;
  }

  async updateException(id: string, w: ExceptionWrite): Promise<void> {
    await this.db(EXCEPTIONS).where({ id }).update(exceptionRow(w));
  }

  async deleteException(id: string): Promise<void> {
    await this.db(EXCEPTIONS).where({ id }).delete();
  }
}
