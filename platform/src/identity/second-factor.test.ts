import { describe, expect, it } from "vitest";
import { checkSecondFactor, newRecoveryCodes } from "./second-factor.js";
import { totpAt } from "./totp.js";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = Date.UTC(2026, 10, 25, 12, 0, 10);

describe("second factor", () => {
  it("accepts the current TOTP code and records its step", () => {
    const m = checkSecondFactor({ id: "u1", totpSecret: SECRET, totpLastStep: null, recoveryCodeHashes: [] }, totpAt(SECRET, now), now);
    expect(m).toEqual({ method: "totp", patch: { totpLastStep: Math.floor(now / 30_000) } });
  });

  it("refuses a TOTP code replayed within its window", () => {
    const step = Math.floor(now / 30_000);
    expect(checkSecondFactor({ id: "u1", totpSecret: SECRET, totpLastStep: step, recoveryCodeHashes: [] }, totpAt(SECRET, now), now)).toBeNull();
  });

  it("tolerates one step of clock drift but not two", () => {
    const holder = { id: "u1", totpSecret: SECRET, totpLastStep: null, recoveryCodeHashes: [] };
    expect(checkSecondFactor(holder, totpAt(SECRET, now - 30_000), now)?.method).toBe("totp");
    expect(checkSecondFactor(holder, totpAt(SECRET, now - 90_000), now)).toBeNull();
  });

  it("spends a recovery code once, whatever its spacing or case", () => {
    const { codes, hashes } = newRecoveryCodes("u1");
    expect(new Set(codes).size).toBe(8);
    const code = codes[2] as string;
    const m = checkSecondFactor({ id: "u1", totpSecret: SECRET, totpLastStep: null, recoveryCodeHashes: hashes }, ` ${code.toUpperCase().slice(0, 5)}-${code.slice(5)} `, now);
    expect(m?.method).toBe("recovery_code");
    const left = (m as { patch: { recoveryCodeHashes: string[] } }).patch.recoveryCodeHashes;
    expect(left).toHaveLength(7);
    expect(checkSecondFactor({ id: "u1", totpSecret: SECRET, totpLastStep: null, recoveryCodeHashes: left }, code, now)).toBeNull();
  });

  it("does not accept one account's recovery code for another", () => {
    const { codes, hashes } = newRecoveryCodes("u1");
    expect(checkSecondFactor({ id: "u2", totpSecret: SECRET, totpLastStep: null, recoveryCodeHashes: hashes }, codes[0] as string, now)).toBeNull();
  });
});
