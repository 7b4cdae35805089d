import type { AppointmentServices } from "./contract.js";
import { AppointmentService, type AppointmentDeps } from "./appointment-service.js";

/** Wires the appointments domain: booking, the lifecycle, the waitlist and the queue. `deps.scheduling` is the slot service (fakes in unit tests). */
export function createAppointmentServices(deps: AppointmentDeps): AppointmentServices {
  return new AppointmentService(deps);
}
