import { DomainError } from "../errors/index.js";
import type { AppointmentStatus } from "./contract.js";

/** Every status, in lifecycle order. */
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ["held", "booked", "checked_in", "in_consultation", "completed", "cancelled", "no_show", "rescheduled", "expired"];

/** The moves the lifecycle allows; a status with no moves is terminal. */
export const TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  held: ["booked", "expired", "cancelled"],
  booked: ["checked_in", "cancelled", "no_show", "rescheduled"],
  checked_in: ["in_consultation", "cancelled", "no_show"],
  in_consultation: ["completed"],
  completed: [],
  cancelled: [],
  no_show: [],
  rescheduled: [],
  expired: [],
};

/** Statuses that occupy a seat (the exclusion constraint's `where`, minus `completed`, which is past). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ["held", "booked", "checked_in", "in_consultation"];

/** The targets `transition` serves; the others have their own operation (cancel, reschedule, confirm, expiry). */
export const STAFF_TRANSITIONS: readonly AppointmentStatus[] = ["checked_in", "in_consultation", "completed", "no_show"];

/** Returns true when the lifecycle allows `from -> to`. */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** Returns true when nothing may follow `status`. */
export function isTerminal(status: AppointmentStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Throws `conflict` naming both statuses unless the lifecycle allows `from -> to`. */
export function requireTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (canTransition(from, to)) return;
  const message = isTerminal(from) ? `This appointment is ${label(from)}; it cannot become ${label(to)}.` : `An appointment that is ${label(from)} cannot become ${label(to)}.`;
  throw new DomainError("conflict", message, { from, to, allowed: TRANSITIONS[from] });
}

/** The timestamp column a move into `to` stamps, if any. */
export function stampFor(to: AppointmentStatus): "checkedInAt" | "startedAt" | "completedAt" | null {
  if (to === "checked_in") return "checkedInAt";
  if (to === "in_consultation") return "startedAt";
  if (to === "completed") return "completedAt";
  return null;
}

function label(s: AppointmentStatus): string {
  return s.replace(/_/g, " ");
}
