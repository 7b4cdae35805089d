import { describe, expect, it } from "vitest";
import { GENESIS_HASH, auditHash, canonicalJson, type HashedFields } from "./audit-hash.js";

const fields: HashedFields = {
  occurredAt: new Date("2026-11-25T01:05:00.123Z"),
  actorType: "user",
  actorId: "u1",
  action: "auth.sign_in",
  subjectType: null,
  subjectId: null,
  outcome: "success",
  metadata: { method: "password", b: [1, { y: 2, x: true }] },
};

describe("canonicalJson", () => {
  it("sorts object keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "s" }], c: false } })).toBe('{"a":{"c":false,"d":[3,{"y":"s","z":null}]},"b":1}');
  });

  it("gives the same text for the same value whatever the key order", () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/no JSON form/);
  });
});

describe("auditHash", () => {
  it("is sha256 of the previous hash, a newline and the canonical fields (independently computed vector)", () => {
    expect(auditHash(GENESIS_HASH, fields)).toBe("698eef163efcfeaba34d8a9ae91c168b3ff405147494f85c7cb0720bb730d906");
  });

  it("changes when any field, the time's milliseconds or the previous hash changes", () => {
    const base = auditHash(GENESIS_HASH, fields);
    expect(auditHash("f".repeat(64), fields)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...fields, outcome: "failure" })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...fields, occurredAt: new Date("2026-11-25T01:05:00.124Z") })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...fields, metadata: { method: "sso", b: [1, { y: 2, x: true }] } })).not.toBe(base);
  });

  it("covers tenantId only when the row has one (platform rows), null included", () => {
    const base = auditHash(GENESIS_HASH, fields);
    expect(auditHash(GENESIS_HASH, { ...fields, tenantId: null })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...fields, tenantId: undefined })).toBe(base);
  });
});
