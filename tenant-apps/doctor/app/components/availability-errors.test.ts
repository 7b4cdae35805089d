import { describe, expect, it } from "vitest";
import { availabilityErrors, fieldMessage, formFieldOf } from "./availability-errors";

const fakeT = (key: string, params?: Record<string, string | number>) => {
  const messages: Record<string, string> = {
    "doctor.availability.error.required": "{field}: please fill this in.",
    "doctor.availability.error.atLeast": "{field}: at least {n}.",
    "doctor.availability.error.endAfterStart": "The end time must be after the start time.",
    "doctor.availability.error.breaksInside": "Breaks must fall between the start and end times.",
    "doctor.availability.error.forbidden": "Your role cannot change this.",
    "doctor.availability.error.notFound": "That no longer exists.",
  };
  return (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ""));
};

function domainError(code: string, message: string, details?: unknown) {
  return Object.assign(new Error(message), { code, details });
}

describe("availability form errors", () => {
  it("maps the service's field paths to the form's fields", () => {
    expect(formFieldOf("breaks[1].end")).toBe("breaks");
    expect(formFieldOf("weekdays[2]")).toBe("weekdays");
    expect(formFieldOf("minNoticeMinutes", { minNoticeMinutes: "minNotice" })).toBe("minNotice");
  });

  it("translates known messages and names the field, with or without a label", () => {
    expect(fieldMessage("Required", "Start time", fakeT)).toBe("Start time: please fill this in.");
    expect(fieldMessage("Required", undefined, fakeT)).toBe("please fill this in.");
    expect(fieldMessage("At least 5", "Slot length", fakeT)).toBe("Slot length: at least 5.");
    expect(fieldMessage("must be after start", "End time", fakeT)).toBe("The end time must be after the start time.");
  });

  it("prefixes unknown messages with the field's label", () => {
    expect(fieldMessage("must be something new", "Breaks", fakeT)).toBe("Breaks must be something new");
    expect(fieldMessage("Something else", "Breaks", fakeT)).toBe("Breaks: Something else");
  });

  it("turns validation details into one message per form field", () => {
    const err = domainError("validation_failed", "Please check the highlighted fields.", [
      { field: "breaks[0]", message: "must lie within the session's start and end" },
      { field: "breaks[1]", message: "overlaps breaks[0]" },
      { field: "minNoticeMinutes", message: "Required" },
    ]);
    const { errors, status } = availabilityErrors(err, fakeT, { labels: { minNotice: "Minimum notice" }, rename: { minNoticeMinutes: "minNotice" } });
    expect(status).toBe(400);
    expect(errors.formError).toBeNull();
    expect(errors.fieldErrors).toEqual({
      breaks: "Breaks must fall between the start and end times.",
      minNotice: "Minimum notice: please fill this in.",
    });
  });

  it("says plainly when the role may not, or the thing is gone", () => {
    expect(availabilityErrors(domainError("forbidden", "You may not update this booking policy"), fakeT)).toEqual({
      errors: { formError: "Your role cannot change this.", fieldErrors: {} },
      status: 403,
    });
    expect(availabilityErrors(domainError("not_found", "No such doctor."), fakeT).errors.formError).toBe("That no longer exists.");
  });

  it("rethrows anything that is not a user-facing failure", () => {
    const boom = new Error("database down");
    expect(() => availabilityErrors(boom, fakeT)).toThrow(boom);
  });
});
