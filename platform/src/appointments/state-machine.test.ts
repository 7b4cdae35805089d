import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import type { AppointmentStatus } from "./contract.js";
import { APPOINTMENT_STATUSES, canTransition, isTerminal, requireTransition, stampFor } from "./state-machine.js";

const ALLOWED: [AppointmentStatus, AppointmentStatus][] = [
  ["held", "booked"],
  ["held", "expired"],
  ["held", "cancelled"],
  ["booked", "checked_in"],
  ["booked", "cancelled"],
  ["booked", "no_show"],
  ["booked", "rescheduled"],
  ["checked_in", "in_consultation"],
  ["checked_in", "cancelled"],
  ["checked_in", "no_show"],
  ["in_consultation", "completed"],
];
const key = (from: string, to: string) => `${from}->${to}`;
const allowed = new Set(ALLOWED.map(([f, t]) => key(f, t)));
const refused = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as [AppointmentStatus, AppointmentStatus])).filter(([f, t]) => !allowed.has(key(f, t)));

describe("appointment state machine", () => {
  it.each(ALLOWED)("allows %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => requireTransition(from, to)).not.toThrow();
  });

  it.each(refused)("refuses %s -> %s with a conflict", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let err: unknown;
    try {
      requireTransition(from, to);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("conflict");
    expect((err as DomainError).details).toMatchObject({ from, to });
  });

  it("covers every pair exactly once", () => {
    expect(ALLOWED.length + refused.length).toBe(APPOINTMENT_STATUSES.length ** 2);
  });

  it("treats completed, cancelled, no_show, rescheduled and expired as terminal", () => {
    expect(APPOINTMENT_STATUSES.filter(isTerminal)).toEqual(["completed", "cancelled", "no_show", "rescheduled", "expired"]);
  });

  it("stamps check-in, start and completion", () => {
    expect(stampFor("checked_in")).toBe("checkedInAt");
    expect(stampFor("in_consultation")).toBe("startedAt");
    expect(stampFor("completed")).toBe("completedAt");
    expect(stampFor("no_show")).toBeNull();
  });
});
