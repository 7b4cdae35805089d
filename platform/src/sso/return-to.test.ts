import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.js";

describe("safeReturnTo", () => {
  it("keeps a relative path with its query and fragment", () => {
    expect(safeReturnTo("/doctor", "/x")).toBe("/doctor");
    expect(safeReturnTo("/doctor/availability?week=2#today", "/x")).toBe("/doctor/availability?week=2#today");
  });

  it("falls back for anything that could leave the host", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "doctor", "/\tevil", "/\r\nSet-Cookie:x", ""]) {
      expect(safeReturnTo(next, "/fallback")).toBe("/fallback");
    }
    expect(safeReturnTo(undefined, "/fallback")).toBe("/fallback");
    expect(safeReturnTo(["/doctor"], "/fallback")).toBe("/fallback");
    expect(safeReturnTo(`/${"a".repeat(600)}`, "/fallback")).toBe("/fallback");
  });

  it("leaves percent-encoded text encoded (inert in a Location header)", () => {
    expect(safeReturnTo("/doctor?q=%0d%0a", "/fallback")).toBe("/doctor?q=%0d%0a");
  });
});
