import { hashToken, randomToken } from "./secrets.js";
import { verifyTotp } from "./totp.js";

export interface SecondFactorHolder {
  id: string;
  totpSecret: string;
  totpLastStep: number | null;
  recoveryCodeHashes: string[];
}

/** What a successful check changes on the account: the TOTP step used, or the recovery code spent. */
export type SecondFactorMatch =
  | { method: "totp"; patch: { totpLastStep: number } }
  | { method: "recovery_code"; patch: { recoveryCodeHashes: string[] } };

function recoveryHash(accountId: string, code: string): string {
  return hashToken(`recovery|${accountId}|${code}`);
}

/**
 * Checks a second-factor code: a TOTP code newer than the last one used (no replay
 * within its window), else one of the account's unused recovery codes. Null when neither.
 */
export function checkSecondFactor(holder: SecondFactorHolder, code: string, nowMs: number): SecondFactorMatch | null {
  const normalised = code.replace(/[\s-]/g, "").toLowerCase();
  const step = verifyTotp(holder.totpSecret, normalised, nowMs);
  if (step !== null && (holder.totpLastStep === null || step > holder.totpLastStep)) return { method: "totp", patch: { totpLastStep: step } };
  const h = recoveryHash(holder.id, normalised);
  if (holder.recoveryCodeHashes.includes(h)) {
    return { method: "recovery_code", patch: { recoveryCodeHashes: holder.recoveryCodeHashes.filter((x) => x !== h) } };
  }
  return null;
}

/** Eight fresh single-use recovery codes, and the hashes to store for them. */
export function newRecoveryCodes(accountId: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 8 }, () => randomToken(8).toLowerCase().replace(/[^a-z0-9]/g, "x").slice(0, 10));
  return { codes, hashes: codes.map((c) => recoveryHash(accountId, c)) };
}
