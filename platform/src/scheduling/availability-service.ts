import { canOn, defineAbilityFor, requireCan, type Actor, type AppAbility } from "../access/index.js";
import type { AvailabilityExceptionView, AvailabilityRuleView, BookingPolicyView, SchedulingTenant } from "../appointments/contract.js";
import { createTenantAuditService } from "../audit/index.js";
import type { TenantScope, TenantUnitOfWork } from "../db/index.js";
import { DomainError, NotFoundError, ValidationError } from "../errors/index.js";
import { isUuid, parseExceptionInput, parsePolicyInput, parseRuleInput, type ExceptionInput } from "./availability-inputs.js";
import { AvailabilityStore, type ExceptionRecord, type ExceptionWrite, type RuleRecord, type RuleWrite } from "./availability-store.js";
import { BookingPolicyStore } from "./booking-policy-store.js";
import { parseLocalDate } from "./local-time.js";
import { validateException, validateRule } from "./rule-validation.js";
import type { AvailabilityException, RuleProblem } from "./slot-types.js";

export interface AvailabilityDeps {
  withTenant: TenantUnitOfWork;
  now: () => Date;
}

const CHECK_FIELDS = "Please check the highlighted fields.";

function refuse(problems: RuleProblem[]): never {
  throw new ValidationError(CHECK_FIELDS, problems);
}

function toRuleView(r: RuleRecord): AvailabilityRuleView {
  return {
    id: r.id,
    providerId: r.providerId,
    clinicId: r.clinicId,
    timeZone: r.timeZone,
    weekdays: r.weekdays,
    start: r.start,
    end: r.end,
    slotMinutes: r.slotMinutes,
    bufferBeforeMinutes: r.bufferBeforeMinutes,
    bufferAfterMinutes: r.bufferAfterMinutes,
    capacity: r.capacity,
    mode: r.mode,
    breaks: r.breaks,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    active: r.active,
  };
}

function toExceptionView(e: ExceptionRecord): AvailabilityExceptionView {
  return { id: e.id, kind: e.kind, providerId: e.providerId, clinicId: e.clinicId, date: e.date, start: e.start, end: e.end, note: e.note };
}

// What CASL conditions see of a rule or exception: who and where, nothing else.
const availabilitySubject = (r: { providerId: string | null; clinicId: string | null }) => ({ providerId: r.providerId, clinicId: r.clinicId });

/** Availability rules and exceptions (doctors, clinic admins, tenant admins) and the booking rules (tenant admins). */
export class AvailabilityService {
  constructor(private readonly deps: AvailabilityDeps) {}

  async listRules(tenant: SchedulingTenant, actor: Actor, providerId: string): Promise<AvailabilityRuleView[]> {
    const ability = abilityIn(tenant, actor);
    if (!isUuid(providerId)) throw new NotFoundError("No such doctor.");
    const { exists, clinics, rules } = await this.deps.withTenant(tenant, async (scope) => {
      const store = new AvailabilityStore(scope);
      return { ...(await store.providerClinics(providerId)), rules: await store.rulesOf(providerId) };
    });
    const readable = rules.filter((r) => canOn(ability, "read", "Availability", availabilitySubject(r)));
    // A doctor asking for another doctor's rules learns nothing, not even an empty list.
    const mayAsk = readable.length > 0 || [...clinics.keys()].some((clinicId) => canOn(ability, "read", "Availability", { providerId, clinicId }));
    if (!exists || !mayAsk) throw new NotFoundError("No such doctor.");
    return readable.map(toRuleView);
  }

  /** Adds (no `id`) or updates a rule; times are the clinic's local time. */
  async saveRule(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
    const ability = abilityIn(tenant, actor);
    const v = parseRuleInput(input);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new AvailabilityStore(scope);
      const existing = v.id ? await store.findRule(v.id) : null;
      if (v.id && !existing) throw new NotFoundError("No such availability rule.");
      if (existing) requireCan(ability, "update", "Availability", availabilitySubject(existing));
      // The rule as it will be: an edit may not move a rule somewhere the actor may not write.
      requireMayWrite(ability, existing ? "update" : "create", "Availability", availabilitySubject(v));
      const timeZone = await this.requirePractice(store, v.providerId, v.clinicId);
      const { id: _id, ...write } = v;
      const rule: RuleWrite = write;
      const problems = validateRule({ ...rule, id: existing?.id ?? "new", timeZone });
      if (problems.length) refuse(problems);
      if (rule.active) {
        await store.lockProvider(rule.providerId);
        const clash = await store.overlappingRules(rule, timeZone, existing?.id ?? null);
        if (clash.length) {
          refuse([{ field: "start", message: "Overlaps another active rule of this doctor on a common weekday and date range (a doctor cannot be in two places at once)" }]);
        }
      }
      const id = existing ? (await store.updateRule(existing.id, rule), existing.id) : await store.insertRule(rule);
      await audit(scope, actor, "availability.rule_saved", "availability_rule", id, { created: !existing, providerId: rule.providerId, clinicId: rule.clinicId, active: rule.active });
      return { id };
    });
  }

  async removeRule(tenant: SchedulingTenant, actor: Actor, id: string): Promise<void> {
    const ability = abilityIn(tenant, actor);
    if (!isUuid(id)) throw new NotFoundError("No such availability rule.");
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new AvailabilityStore(scope);
      const rule = await store.findRule(id);
      if (!rule) throw new NotFoundError("No such availability rule.");
      requireCan(ability, "delete", "Availability", availabilitySubject(rule));
      await store.deleteRule(id);
      await audit(scope, actor, "availability.rule_removed", "availability_rule", id, { providerId: rule.providerId, clinicId: rule.clinicId });
    });
  }

  async listExceptions(tenant: SchedulingTenant, actor: Actor, filter: { providerId?: string; clinicId?: string; from?: string; to?: string }): Promise<AvailabilityExceptionView[]> {
    const ability = abilityIn(tenant, actor);
    if (!ability.can("read", "Availability")) throw new NotFoundError();
    const problems: RuleProblem[] = [];
    for (const field of ["providerId", "clinicId"] as const) if (filter[field] && !isUuid(filter[field])) problems.push({ field, message: "Not a valid id" });
    for (const field of ["from", "to"] as const) if (filter[field] && parseLocalDate(filter[field]!) === null) problems.push({ field, message: "Write a real date as YYYY-MM-DD" });
    if (problems.length) refuse(problems);
    const rows = await this.deps.withTenant(tenant, (scope) => new AvailabilityStore(scope).listExceptions(filter));
    return rows.filter((e) => canOn(ability, "read", "Availability", availabilitySubject(e))).map(toExceptionView);
  }

  /** Adds (no `id`) or updates a time off, extra session or clinic holiday. */
  async saveException(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
    const ability = abilityIn(tenant, actor);
    const v = parseExceptionInput(input);
    return this.deps.withTenant(tenant, async (scope) => {
      const store = new AvailabilityStore(scope);
      const existing = v.id ? await store.findException(v.id) : null;
      if (v.id && !existing) throw new NotFoundError("No such exception.");
      if (existing) {
        requireCan(ability, "update", "Availability", availabilitySubject(existing));
        if (existing.kind !== v.kind) refuse([{ field: "kind", message: "An exception's kind cannot change; remove it and add another" }]);
      }
      const write = toExceptionWrite(v);
      requireMayWrite(ability, existing ? "update" : "create", "Availability", availabilitySubject(write));
      const timeZone = await this.exceptionZone(store, v);
      const problems = validateException(toEngineException(v, timeZone));
      if (problems.length) refuse(problems);
      const id = existing ? (await store.updateException(existing.id, write), existing.id) : await store.insertException(write, actor.kind === "platform_admin" ? null : actor.userId);
      await audit(scope, actor, "availability.exception_saved", "availability_exception", id, { created: !existing, kind: v.kind, providerId: write.providerId, clinicId: write.clinicId });
      return { id };
    });
  }

  async removeException(tenant: SchedulingTenant, actor: Actor, id: string): Promise<void> {
    const ability = abilityIn(tenant, actor);
    if (!isUuid(id)) throw new NotFoundError("No such exception.");
    await this.deps.withTenant(tenant, async (scope) => {
      const store = new AvailabilityStore(scope);
      const e = await store.findException(id);
      if (!e) throw new NotFoundError("No such exception.");
      requireCan(ability, "delete", "Availability", availabilitySubject(e));
      await store.deleteException(id);
      await audit(scope, actor, "availability.exception_removed", "availability_exception", id, { kind: e.kind, providerId: e.providerId, clinicId: e.clinicId });
    });
  }

  /** The rules that apply to a doctor: their own row, else the tenant's. */
  async policyFor(tenant: SchedulingTenant, providerId: string | null): Promise<BookingPolicyView> {
    // A malformed id names no doctor: the tenant's rules apply.
    const id = providerId && isUuid(providerId) ? providerId : null;
    return this.deps.withTenant(tenant, (scope) => new BookingPolicyStore(scope).policyFor(id));
  }

  /** Saves the tenant default (`providerId` blank) or one doctor's booking rules (tenant admin). */
  async savePolicy(tenant: SchedulingTenant, actor: Actor, input: Record<string, unknown>): Promise<void> {
    const ability = abilityIn(tenant, actor);
    const v = parsePolicyInput(input);
    // Booking rules are public (patients see the cut-offs), so a refusal hides nothing.
    requireMayWrite(ability, "update", "BookingPolicy", { providerId: v.providerId });
    await this.deps.withTenant(tenant, async (scope) => {
      if (v.providerId && !(await new AvailabilityStore(scope).providerClinics(v.providerId)).exists) throw new NotFoundError("No such doctor.");
      const { providerId, ...write } = v;
      await new BookingPolicyStore(scope).save(providerId, write);
      await audit(scope, actor, "booking_policy.saved", "booking_policy", providerId, { providerId, tenantDefault: providerId === null });
    });
  }

  /** Puts a doctor back on the tenant's default booking rules (tenant admin); a doctor without rules of their own is left as is. */
  async removePolicy(tenant: SchedulingTenant, actor: Actor, providerId: string): Promise<void> {
    const ability = abilityIn(tenant, actor);
    if (!isUuid(providerId)) throw new NotFoundError("No such doctor.");
    requireMayWrite(ability, "update", "BookingPolicy", { providerId });
    await this.deps.withTenant(tenant, async (scope) => {
      if (!(await new AvailabilityStore(scope).providerClinics(providerId)).exists) throw new NotFoundError("No such doctor.");
      if (await new BookingPolicyStore(scope).removeOwn(providerId)) {
        await audit(scope, actor, "booking_policy.removed", "booking_policy", providerId, { providerId });
      }
    });
  }

  // The doctor must practise at the clinic; the clinic's zone is the rule's.
  private async requirePractice(store: AvailabilityStore, providerId: string, clinicId: string): Promise<string> {
    const { exists, clinics } = await store.providerClinics(providerId);
    if (!exists) throw new NotFoundError("No such doctor.");
    const zone = clinics.get(clinicId);
    if (!zone) refuse([{ field: "clinicId", message: "This doctor does not practise at this clinic" }]);
    return zone;
  }

  // The zone an exception's local date and times are read in. A time off entered for no
  // clinic is validated in one of the doctor's zones; slots read it in each of them.
  private async exceptionZone(store: AvailabilityStore, v: ExceptionInput): Promise<string> {
    if (v.kind === "clinic_holiday") {
      const zone = await store.clinicZone(v.clinicId);
      if (!zone) throw new NotFoundError("No such clinic.");
      return zone;
    }
    if (v.clinicId) return this.requirePractice(store, v.providerId, v.clinicId);
    const { exists, clinics } = await store.providerClinics(v.providerId);
    if (!exists) throw new NotFoundError("No such doctor.");
    // Only validation needs a zone here; slots read the time off in each of the doctor's zones.
    return clinics.values().next().value ?? "UTC";
  }
}

// A write of values the actor supplied: they already know what they asked for, so the
// refusal is `forbidden` (requireCan's `not_found` is for records loaded from the database).
function requireMayWrite(ability: AppAbility, action: "create" | "update", type: "Availability" | "BookingPolicy", record: object): void {
  if (!canOn(ability, action, type, record)) throw new DomainError("forbidden", `You may not ${action} this ${type === "Availability" ? "availability" : "booking policy"}`, { action, subject: type });
}

function abilityIn(tenant: SchedulingTenant, actor: Actor): AppAbility {
  // An actor of another tenant sees nothing here (the session check should already stop it).
  if (actor.tenantId !== tenant.id) throw new NotFoundError();
  return defineAbilityFor(actor);
}

function toExceptionWrite(v: ExceptionInput): ExceptionWrite {
  const none = { slotMinutes: null, bufferBeforeMinutes: null, bufferAfterMinutes: null, capacity: null, mode: null };
  switch (v.kind) {
    case "time_off":
      return { kind: v.kind, providerId: v.providerId, clinicId: v.clinicId, date: v.date, start: v.start ?? null, end: v.end ?? null, ...none, note: v.note };
    case "clinic_holiday":
      return { kind: v.kind, providerId: null, clinicId: v.clinicId, date: v.date, start: null, end: null, ...none, note: v.note };
    case "extra_session":
      return {
        kind: v.kind,
        providerId: v.providerId,
        clinicId: v.clinicId,
        date: v.date,
        start: v.start,
        end: v.end,
        slotMinutes: v.slotMinutes,
        bufferBeforeMinutes: v.bufferBeforeMinutes,
        bufferAfterMinutes: v.bufferAfterMinutes,
        capacity: v.capacity,
        mode: v.mode,
        note: v.note,
      };
  }
}

function toEngineException(v: ExceptionInput, timeZone: string): AvailabilityException {
  switch (v.kind) {
    case "time_off":
      return { kind: "time_off", providerId: v.providerId, date: v.date, timeZone, ...(v.start !== undefined ? { start: v.start } : {}), ...(v.end !== undefined ? { end: v.end } : {}) };
    case "clinic_holiday":
      return { kind: "clinic_holiday", clinicId: v.clinicId, date: v.date, timeZone };
    case "extra_session": {
      const { id: _id, note: _note, kind: _kind, ...rest } = v;
      return { ...rest, kind: "extra_session", id: v.id ?? "new", timeZone };
    }
  }
}

async function audit(scope: TenantScope, actor: Actor, action: "availability.rule_saved" | "availability.rule_removed" | "availability.exception_saved" | "availability.exception_removed" | "booking_policy.saved" | "booking_policy.removed", subjectType: string, subjectId: string | null, metadata: Record<string, string | boolean | null>): Promise<void> {
  await createTenantAuditService(scope).record({
    actorType: actor.kind === "platform_admin" ? "platform_admin" : "user",
    actorId: actor.userId,
    action,
    subjectType,
    subjectId,
    outcome: "success",
    metadata,
  });
}
