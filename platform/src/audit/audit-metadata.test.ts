import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors/index.js";
import { assertSafeMetadata, forbiddenKeyProblem } from "./audit-metadata.js";

describe("assertSafeMetadata", () => {
  it("accepts ids, methods and reason slugs", () => {
    const metadata = { method: "totp", failure: "bad_credentials", sessionId: "s-1", roles: ["doctor"], attempt: 3, sso: { providerId: "p1" } };
    expect(assertSafeMetadata(metadata)).toEqual(metadata);
    expect(assertSafeMetadata(undefined)).toEqual({});
  });

  it.each([
    "password", "newPassword", "otp", "otp_code", "code", "resetToken", "token", "email", "userEmail", "phone",
    "phoneNumber", "mobile", "name", "firstName", "last-name", "dob", "dateOfBirth", "reason", "emailaddress", "secret",
    "ssoClientSecret", "address", "diagnosis", "notes",
  ])("refuses the key %s", (key) => {
    expect(forbiddenKeyProblem(key)).toMatch(/looks like PHI or a secret/);
    expect(() => assertSafeMetadata({ [key]: "x" })).toThrow(/not allowed/);
  });

  it("refuses PHI-looking keys nested in objects and arrays, naming where", () => {
    try {
      assertSafeMetadata({ sso: { claims: [{ email: "x" }] }, ok: 1 });
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe("validation_failed");
      expect((err as { details: unknown }).details).toEqual([{ field: "metadata.sso.claims.0.email", message: expect.stringMatching(/email/) }]);
    }
  });

  it("refuses email-shaped values under innocent keys", () => {
    expect(() => assertSafeMetadata({ login: "asha@example.com" })).toThrow(/not allowed/);
  });

  it("refuses what JSON cannot hold faithfully", () => {
    expect(() => assertSafeMetadata({ at: new Date() })).toThrow(/not allowed/);
    expect(() => assertSafeMetadata({ n: Number.POSITIVE_INFINITY })).toThrow(/not allowed/);
    expect(() => assertSafeMetadata(["a"])).toThrow(/not allowed/);
    expect(() => assertSafeMetadata({ big: "x".repeat(5000) })).toThrow(/not allowed/);
  });
});
