// The appointments domain's public API: booking (hold, confirm, book once per key), the
// appointment lifecycle, the waitlist, the doctor's queue and its live change feed.
// See CONTEXT.md.
export type {
  AppointmentServices,
  AppointmentStatus,
  AppointmentView,
  AvailabilityExceptionView,
  AvailabilityRuleView,
  BookingPolicyView,
  OpenSlot,
  QueueEntryView,
  SchedulingServices,
  SchedulingTenant,
  SlotQuery,
} from "./contract.js";
export type { AppointmentDeps, BookableSlot, SlotLookup } from "./appointment-service.js";
export { createAppointmentServices } from "./create-appointment-services.js";
export { APPOINTMENT_STATUSES, ACTIVE_STATUSES, STAFF_TRANSITIONS, TRANSITIONS, canTransition, isTerminal, requireTransition } from "./state-machine.js";
export { QUEUE_CHANGED_CHANNEL, QueueEvents, type QueueListener } from "./queue-events.js";
export { createPatientBooking, type BookingTenant, type PatientBookingDeps } from "./patient-booking.js";
export { createHubServices, maskPhone, type HubServicesDeps, type HubTenant } from "./hub-services.js";
export { buildCalendar, escapeText, foldLine, formatUtc, type CalendarEvent } from "./ics.js";
export { AppointmentSweeper, createAppointmentSweeper, holdSweepMsFrom, waitlistOfferMinutesFrom, type SweepResult } from "./appointment-sweeper.js";
