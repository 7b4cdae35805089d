import { ValidationError } from "../errors/index.js";
import type { AuditMetadata, JsonValue } from "./audit-types.js";

/**
 * Words that, as a word of a metadata key (`userName`, `otp_code`, `reset-token`), mark
 * the value as PHI or a secret. Audit rows live forever and cannot be redacted, so they
 * hold ids, methods and fixed reason slugs only; a free-text `reason` could hold anything.
 */
const FORBIDDEN_WORDS = new Set([
  "password", "passwd", "passphrase", "pwd", "secret", "code", "token", "otp", "totp", "pin",
  "email", "mail", "phone", "mobile", "msisdn", "name", "dob", "birth", "birthday", "birthdate", "age", "gender",
  "address", "reason", "aadhaar", "pan", "ssn", "diagnosis", "symptom", "symptoms", "note", "notes",
  "comment", "cookie", "credential", "credentials", "answer",
]);

/** Caught inside keys written without separators (`emailaddress`, `resettoken`). */
const FORBIDDEN_FRAGMENTS = ["password", "passwd", "secret", "token", "email", "phone", "mobile", "aadhaar", "birth", "address", "diagnos"];

const EMAIL_SHAPED = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const MAX_DEPTH = 4;
const MAX_BYTES = 4096;

/** The words of a key: `resetTokenID` -> reset, token, id; `otp_code` -> otp, code. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Why `key` may not appear in audit metadata, or null when it may. */
export function forbiddenKeyProblem(key: string): string | null {
  const word = keyWords(key).find((w) => FORBIDDEN_WORDS.has(w));
  if (word) return `"${key}" looks like PHI or a secret ("${word}"); record ids, methods and reason slugs only`;
  const compact = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  const fragment = FORBIDDEN_FRAGMENTS.find((f) => compact.includes(f));
  if (fragment) return `"${key}" looks like PHI or a secret ("${fragment}"); record ids, methods and reason slugs only`;
  return null;
}

/** Why a string (metadata value, actor or subject id) may not be logged, or null. */
export function forbiddenValueProblem(value: string): string | null {
  if (EMAIL_SHAPED.test(value)) return "looks like an email address; record the user's id instead";
  if (value.includes("\u0000")) return "contains a NUL character";
  return null;
}

function walk(value: unknown, path: string, depth: number, problems: { field: string; message: string }[]): void {
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "string") {
    const problem = forbiddenValueProblem(value);
    if (problem) problems.push({ field: path, message: `The value ${problem}` });
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) problems.push({ field: path, message: "Numbers must be finite" });
    return;
  }
  if (depth >= MAX_DEPTH) {
    problems.push({ field: path, message: `Metadata nests deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}.${i}`, depth + 1, problems));
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, v] of Object.entries(value)) {
      const field = `${path}.${key}`;
      const problem = forbiddenKeyProblem(key);
      if (problem) problems.push({ field, message: problem });
      else walk(v, field, depth + 1, problems);
    }
    return;
  }
  problems.push({ field: path, message: `Only JSON values are allowed (got ${value instanceof Date ? "a Date; use an ISO string" : typeof value})` });
}

/**
 * Returns `metadata` when it is safe to keep forever: a plain JSON object whose keys do
 * not look like PHI or secrets and whose strings are not email addresses. Throws a
 * `ValidationError` listing every problem otherwise, so a mistake fails loudly in tests.
 */
export function assertSafeMetadata(metadata: unknown): AuditMetadata {
  if (metadata === undefined) return {};
  const problems: { field: string; message: string }[] = [];
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    problems.push({ field: "metadata", message: "Metadata must be an object" });
  } else {
    walk(metadata, "metadata", 0, problems);
  }
  if (!problems.length && Buffer.byteLength(JSON.stringify(metadata), "utf8") > MAX_BYTES) {
    problems.push({ field: "metadata", message: `Metadata is larger than ${MAX_BYTES} bytes` });
  }
  if (problems.length) throw new ValidationError("The audit metadata is not allowed.", problems);
  return metadata as { [key: string]: JsonValue };
}
