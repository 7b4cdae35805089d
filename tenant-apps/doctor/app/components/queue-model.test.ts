import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { allowedActions, debounce, groupByClinic, nextToCall, queueSignature, queueSummary, todayIn, waitText } from "./queue-model";

const A = "clinic-a";
const B = "clinic-b";

function entry(id: string, status: string, position: number, clinicId = A, startsAt = `2026-03-02T0${position}:00:00.000Z`) {
  return { id, status: status as never, position, clinicId, clinicName: clinicId === A ? "Andheri" : "Bandra", startsAt, estimatedWaitMinutes: 0 };
}

describe("queueSummary", () => {
  it("counts waiting, in consultation, done and no-shows from the queue and the day's finished visits", () => {
    const queue = [entry("1", "in_consultation", 1), entry("2", "checked_in", 2), entry("3", "booked", 3)];
    const day = [
      { id: "1", status: "in_consultation" as const },
      { id: "4", status: "completed" as const },
      { id: "5", status: "completed" as const },
      { id: "6", status: "no_show" as const },
      { id: "7", status: "cancelled" as const },
    ];
    expect(queueSummary(queue, day)).toEqual({ waiting: 2, inConsultation: 1, done: 2, noShows: 1 });
  });

  it("counts a visit once, by its queue status, when the day's list is older", () => {
    const queue = [entry("1", "checked_in", 1)];
    const day = [{ id: "1", status: "booked" as const }];
    expect(queueSummary(queue, day)).toEqual({ waiting: 1, inConsultation: 0, done: 0, noShows: 0 });
  });

  it("is all zeros for an empty day", () => {
    expect(queueSummary([])).toEqual({ waiting: 0, inConsultation: 0, done: 0, noShows: 0 });
  });
});

describe("nextToCall", () => {
  it("picks the first checked-in patient in queue order, skipping those only booked and the one being seen", () => {
    const queue = [entry("1", "in_consultation", 1), entry("3", "booked", 2), entry("5", "checked_in", 4), entry("4", "checked_in", 3)];
    expect(nextToCall(queue)?.id).toBe("4");
  });

  it("stays within the chosen clinic", () => {
    const queue = [entry("1", "checked_in", 1, A), entry("2", "checked_in", 1, B, "2026-03-02T05:00:00.000Z")];
    expect(nextToCall(queue, B)?.id).toBe("2");
  });

  it("is null when nobody has checked in", () => {
    expect(nextToCall([entry("1", "booked", 1), entry("2", "in_consultation", 2)])).toBeNull();
  });
});

describe("allowedActions", () => {
  it("offers check-in, no-show and (for those who may) cancel on a booked visit", () => {
    expect(allowedActions("booked", true)).toEqual(["check_in", "no_show", "cancel"]);
    expect(allowedActions("booked", false)).toEqual(["check_in", "no_show"]);
  });

  it("moves a checked-in patient into consultation and a consultation to complete", () => {
    expect(allowedActions("checked_in", true)).toEqual(["start", "no_show"]);
    expect(allowedActions("in_consultation", true)).toEqual(["complete"]);
  });

  it("offers nothing for finished visits", () => {
    expect(allowedActions("completed", true)).toEqual([]);
    expect(allowedActions("no_show", true)).toEqual([]);
    expect(allowedActions("cancelled", true)).toEqual([]);
  });
});

describe("groupByClinic and queueSignature", () => {
  it("groups by clinic in order of first appearance", () => {
    const groups = groupByClinic([entry("1", "booked", 1, B), entry("2", "booked", 1, A), entry("3", "booked", 2, B)]);
    expect(groups.map((g) => [g.clinicId, g.entries.map((e) => e.id)])).toEqual([
      [B, ["1", "3"]],
      [A, ["2"]],
    ]);
  });

  it("changes when a status or position changes", () => {
    const before = queueSignature([entry("1", "booked", 1)]);
    expect(queueSignature([entry("1", "booked", 1)])).toBe(before);
    expect(queueSignature([entry("1", "checked_in", 1)])).not.toBe(before);
    expect(queueSignature([entry("1", "booked", 2)])).not.toBe(before);
  });
});

describe("waitText", () => {
  it("says now for the consultation, next for a zero wait and rounds other waits up to 5 minutes", () => {
    expect(waitText({ status: "in_consultation", estimatedWaitMinutes: 0 })).toEqual({ kind: "now" });
    expect(waitText({ status: "checked_in", estimatedWaitMinutes: 0 })).toEqual({ kind: "next" });
    expect(waitText({ status: "booked", estimatedWaitMinutes: 13 })).toEqual({ kind: "minutes", minutes: 15 });
    expect(waitText({ status: "booked", estimatedWaitMinutes: 15 })).toEqual({ kind: "minutes", minutes: 15 });
  });
});

describe("todayIn", () => {
  it("is the date in the given zone, not UTC", () => {
    const lateUtc = new Date("2026-03-02T20:00:00Z");
    expect(todayIn("UTC", lateUtc)).toBe("2026-03-02");
    expect(todayIn("Asia/Kolkata", lateUtc)).toBe("2026-03-03");
  });
});

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("calls once after a burst, with the last arguments", () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d(1);
    vi.advanceTimersByTime(100);
    d(2);
    vi.advanceTimersByTime(100);
    d(3);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(3);
  });

  it("calls again for a later burst and never after cancel", () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d();
    vi.advanceTimersByTime(200);
    d();
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(2);
    d();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
