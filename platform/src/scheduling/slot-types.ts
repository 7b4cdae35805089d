/** A calendar date in a clinic's zone, "YYYY-MM-DD". */
export type LocalDate = string;

/** A wall-clock time in a clinic's zone, "HH:MM" (00:00-23:59). */
export type LocalTime = string;

/** How the consultation happens. */
export type ConsultationMode = "in_clinic" | "video";

/** A part of a session in which no slot may start or run, such as lunch. */
export interface SessionBreak {
  start: LocalTime;
  end: LocalTime;
}

/** The wall-clock shape of a working session, shared by weekly rules and extra sessions. */
export interface SessionTimes {
  /** IANA zone the wall times are written in (the clinic's). */
  timeZone: string;
  start: LocalTime;
  /** Exclusive: the last slot, buffers included, ends at or before it. */
  end: LocalTime;
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** How many patients one slot takes (a group session or a double-booked doctor). */
  capacity: number;
  mode: ConsultationMode;
  breaks?: SessionBreak[];
}

/** A doctor's weekly recurring availability at one clinic. */
export interface WeeklyRule extends SessionTimes {
  id: string;
  providerId: string;
  clinicId: string;
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  weekdays: number[];
  validFrom: LocalDate;
  /** Inclusive; null while the rule runs on. */
  validUntil: LocalDate | null;
}

/** A doctor away for a whole local day (no start/end) or a part of it. */
export interface TimeOff {
  kind: "time_off";
  providerId: string;
  date: LocalDate;
  start?: LocalTime;
  end?: LocalTime;
  timeZone: string;
}

/** A one-off session on one date, expanded as if it were a one-day weekly rule. */
export interface ExtraSession extends SessionTimes {
  kind: "extra_session";
  id: string;
  providerId: string;
  clinicId: string;
  date: LocalDate;
}

/** A local date on which a clinic is closed for every doctor. */
export interface ClinicHoliday {
  kind: "clinic_holiday";
  clinicId: string;
  date: LocalDate;
  timeZone: string;
}

/** A change to the weekly pattern on one date. */
export type AvailabilityException = TimeOff | ExtraSession | ClinicHoliday;

/** A bookable interval computed from rules and exceptions; never stored. */
export interface Slot {
  providerId: string;
  clinicId: string;
  /** The weekly rule it comes from; null for an extra session. */
  ruleId: string | null;
  startsAt: Date;
  endsAt: Date;
  localDate: LocalDate;
  localStart: LocalTime;
  localEnd: LocalTime;
  timeZone: string;
  capacity: number;
  mode: ConsultationMode;
}

/** One thing wrong with a rule or exception, named by its field path. */
export interface RuleProblem {
  field: string;
  message: string;
}
