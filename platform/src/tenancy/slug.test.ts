import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, roleNameFor, schemaNameFor, slugProblem } from "./slug.js";

describe("slugProblem", () => {
  it.each(["sunrise", "city-care", "abc", "a1b2", "h-2-o", `a${"b".repeat(38)}c`])("accepts %s", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each(["platform", "www", "api", "admin", "console", "localhost"])("refuses the reserved slug %s", (slug) => {
    expect(slugProblem(slug)).toMatch(/reserved/);
  });

  it("refuses every reserved slug that would otherwise be well formed", () => {
    for (const slug of RESERVED_SLUGS) {
      if (slug.length < 3) continue; // too short to be a slug at all, refused for shape
      expect(slugProblem(slug), slug).toMatch(/reserved/);
    }
  });

  it.each([
    ["too short", "ab"],
    ["too long (41 chars)", `a${"b".repeat(40)}`],
    ["starts with a digit", "1abc"],
    ["starts with a hyphen", "-abc"],
    ["ends with a hyphen", "abc-"],
    ["upper case", "Sunrise"],
    ["underscore", "city_care"],
    ["dot", "city.care"],
    ["space", "city care"],
    ["empty", ""],
    ["non-ascii", "sünrise"],
  ])("refuses a bad shape: %s", (_label, slug) => {
    expect(slugProblem(slug)).toMatch(/3-40 characters/);
  });

  it("refuses two hyphens in a row", () => {
    expect(slugProblem("city--care")).toMatch(/two hyphens/);
  });

  it("accepts exactly 40 characters", () => {
    const slug = `a${"b".repeat(39)}`;
    expect(slug).toHaveLength(40);
    expect(slugProblem(slug)).toBeNull();
  });
});

describe("schemaNameFor", () => {
  it("prefixes tenant_ and turns hyphens into underscores", () => {
    expect(schemaNameFor("sunrise")).toBe("tenant_sunrise");
    expect(schemaNameFor("city-care-2")).toBe("tenant_city_care_2");
  });

  it("fits in Postgres' 63-byte identifier limit for the longest slug", () => {
    expect(schemaNameFor(`a${"b".repeat(39)}`).length).toBeLessThanOrEqual(63);
  });
});

describe("roleNameFor", () => {
  it("carries the installation prefix and turns hyphens into underscores", () => {
    expect(roleNameFor("vn_abc123", "city-care")).toBe("vn_abc123_city_care");
  });

  it("gives the same slug different roles in different installations", () => {
    expect(roleNameFor("vn_aaaaaa", "sunrise")).not.toBe(roleNameFor("vn_bbbbbb", "sunrise"));
  });

  it("fits in Postgres' 63-byte identifier limit for the longest slug", () => {
    expect(roleNameFor("vn_abc123", `a${"b".repeat(39)}`).length).toBeLessThanOrEqual(63);
  });
});
