import { describe, expect, it } from "vitest";
import { mapRoles } from "./role-mapping.js";
import type { RoleMapping } from "./sso-store.js";

const mapping: RoleMapping = { claim: "groups", map: { doctors: "doctor", "it-admins": "tenant_admin", reception: "front_desk" } };

describe("mapRoles", () => {
  it("maps every listed value of a list claim, once each, ignoring unknown values", () => {
    expect(mapRoles(mapping, null, { groups: ["doctors", "it-admins", "canteen", "doctors"] })).toEqual(["doctor", "tenant_admin"]);
  });

  it("accepts a single string claim", () => {
    expect(mapRoles(mapping, null, { groups: "reception" })).toEqual(["front_desk"]);
  });

  it("falls back to the default role only when nothing maps", () => {
    expect(mapRoles(mapping, "support", { groups: ["canteen"] })).toEqual(["support"]);
    expect(mapRoles(mapping, "support", { groups: ["doctors"] })).toEqual(["doctor"]);
    expect(mapRoles(mapping, "support", {})).toEqual(["support"]);
  });

  it("grants nothing without a mapped value or a default role", () => {
    expect(mapRoles(mapping, null, { groups: ["canteen"] })).toEqual([]);
    expect(mapRoles(mapping, null, {})).toEqual([]);
    expect(mapRoles(mapping, null, { groups: [1, true, { doctors: 1 }, null] })).toEqual([]);
    expect(mapRoles(mapping, null, { groups: 42 })).toEqual([]);
  });

  it("reads the configured claim only", () => {
    const roles: RoleMapping = { claim: "roles", map: { Physician: "doctor" } };
    expect(mapRoles(roles, null, { groups: ["Physician"] })).toEqual([]);
    expect(mapRoles(roles, null, { roles: ["Physician"] })).toEqual(["doctor"]);
    // Case matters: IdP group names are identifiers, not prose.
    expect(mapRoles(roles, null, { roles: ["physician"] })).toEqual([]);
  });

  it("never resolves values through Object.prototype", () => {
    for (const v of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(mapRoles(mapping, null, { groups: [v] })).toEqual([]);
    }
    expect(mapRoles({ claim: "constructor", map: {} }, null, {})).toEqual([]);
  });
});
