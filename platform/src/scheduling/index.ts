// Scheduling: availability rules, their exceptions and the slots computed from them.
// Other code imports this file only.
export type {
  AvailabilityException,
  ClinicHoliday,
  ConsultationMode,
  ExtraSession,
  LocalDate,
  LocalTime,
  RuleProblem,
  SessionBreak,
  SessionTimes,
  Slot,
  TimeOff,
  WeeklyRule,
} from "./slot-types.js";
export { expandSlots, type ExpandSlotsInput } from "./slot-engine.js";
export { validateException, validateRule } from "./rule-validation.js";
export { formatLocalDate, formatLocalTime, isoWeekday, parseLocalDate, parseLocalTime, resolveLocalTime } from "./local-time.js";
export { isKnownTimeZone } from "./zone-offsets.js";
export { createSchedulingServices } from "./create-scheduling-services.js";
export { findBookableSlot, nextOpenSlots } from "./slot-service.js";
export { BookingPolicyStore } from "./booking-policy-store.js";
export { ScheduleCache, scheduleCache, SCHEDULE_CHANGED_CHANNEL, SEATS_CHANGED_CHANNEL } from "./schedule-cache.js";
