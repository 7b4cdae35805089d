import type { SchedulingServices } from "../appointments/contract.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { AvailabilityService } from "./availability-service.js";
import type { ScheduleCache } from "./schedule-cache.js";
import { SlotService } from "./slot-service.js";

/** Wires scheduling: availability rules and exceptions, booking rules and open slots. */
export function createSchedulingServices(deps: { withTenant: TenantUnitOfWork; now?: () => Date; cache?: ScheduleCache }): SchedulingServices & { openSlotsJson: SlotService["openSlotsJson"]; warmSlots: SlotService["warm"] } {
  const wired = { withTenant: deps.withTenant, now: deps.now ?? (() => new Date()), cache: deps.cache };
  const availability = new AvailabilityService(wired);
  const slots = new SlotService(wired);
  return {
    openSlots: (tenant, q) => slots.openSlots(tenant, q),
    fullSlotStarts: (tenant, q) => slots.fullSlotStarts(tenant, q),
    openSlotsJson: (tenant, q) => slots.openSlotsJson(tenant, q),
    warmSlots: (tenant) => slots.warm(tenant),
    listRules: (tenant, actor, providerId) => availability.listRules(tenant, actor, providerId),
    saveRule: (tenant, actor, input) => availability.saveRule(tenant, actor, input),
    removeRule: (tenant, actor, id) => availability.removeRule(tenant, actor, id),
    listExceptions: (tenant, actor, filter) => availability.listExceptions(tenant, actor, filter),
    saveException: (tenant, actor, input) => availability.saveException(tenant, actor, input),
    removeException: (tenant, actor, id) => availability.removeException(tenant, actor, id),
    policyFor: (tenant, providerId) => availability.policyFor(tenant, providerId),
    savePolicy: (tenant, actor, input) => availability.savePolicy(tenant, actor, input),
    removePolicy: (tenant, actor, providerId) => availability.removePolicy(tenant, actor, providerId),
  };
}
