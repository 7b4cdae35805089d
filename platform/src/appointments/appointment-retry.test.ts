import { describe, expect, it } from "vitest";
import type { Actor } from "../access/index.js";
import { mapPgError } from "../errors/index.js";
import type { TenantUnitOfWork } from "../db/index.js";
import { AppointmentService, isRetryable } from "./appointment-service.js";

const tenant = { id: "t1", slug: "t", schema: "tenant_t", role: "r", cluster: "default", name: "T", kind: "hospital" as const, primaryHost: "t.test" };
const actor: Actor = { userId: "u1", tenantId: "t1", kind: "patient", roles: ["patient"], clinicIds: [] };
const deadlock = () => mapPgError(Object.assign(new Error("deadlock detected"), { code: "40P01" }));
const noSlots = { findBookableSlot: async () => null, nextOpenSlots: async () => [], policyFor: async () => null } as never;

/** A unit of work that fails with `failures` errors first, then answers `value` without running the work. */
function flaky(failures: unknown[], value: unknown): { withTenant: TenantUnitOfWork; calls: () => number } {
  let calls = 0;
  const withTenant = (async () => {
    calls += 1;
    const err = failures.shift();
    if (err) throw err;
    return value;
  }) as unknown as TenantUnitOfWork;
  return { withTenant, calls: () => calls };
}

describe("booking transactions that lose a lock race", () => {
  it("recognise deadlocks and serialization failures, and nothing else", () => {
    expect(isRetryable(deadlock())).toBe(true);
    expect(isRetryable(mapPgError(Object.assign(new Error("could not serialize"), { code: "40001" })))).toBe(true);
    expect(isRetryable(mapPgError(Object.assign(new Error("exclusion"), { code: "23P01" })))).toBe(false);
    expect(isRetryable(new Error("boom"))).toBe(false);
  });

  it("run again from the start and return the real answer", async () => {
    const uow = flaky([deadlock(), deadlock()], "answer");
    const service = new AppointmentService({ withTenant: uow.withTenant, scheduling: noSlots });
    await expect(service.get(tenant, actor, "00000000-0000-4000-8000-000000000001")).resolves.toBe("answer");
    expect(uow.calls()).toBe(3);
  });

  it("give up after a few attempts, and never retry other errors", async () => {
    const always = flaky([deadlock(), deadlock(), deadlock(), deadlock(), deadlock()], "never");
    await expect(new AppointmentService({ withTenant: always.withTenant, scheduling: noSlots }).get(tenant, actor, "00000000-0000-4000-8000-000000000001")).rejects.toMatchObject({ code: "conflict" });
    expect(always.calls()).toBe(4);
    const other = flaky([new Error("boom")], "never");
    await expect(new AppointmentService({ withTenant: other.withTenant, scheduling: noSlots }).get(tenant, actor, "00000000-0000-4000-8000-000000000001")).rejects.toThrow("boom");
    expect(other.calls()).toBe(1);
  });
});
