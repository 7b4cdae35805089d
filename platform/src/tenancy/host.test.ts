import { describe, expect, it } from "vitest";
import { normaliseHost } from "./host.js";

describe("normaliseHost", () => {
  it("lower-cases the host", () => {
    expect(normaliseHost("Sunrise.LocalHost")).toBe("sunrise.localhost");
  });

  it("strips a numeric port", () => {
    expect(normaliseHost("sunrise.localhost:3000")).toBe("sunrise.localhost");
    expect(normaliseHost("Example.COM:443")).toBe("example.com");
  });

  it("strips one or more trailing dots, also before a port", () => {
    expect(normaliseHost("example.com.")).toBe("example.com");
    expect(normaliseHost("example.com..")).toBe("example.com");
    expect(normaliseHost("example.com.:8080")).toBe("example.com");
  });

  it("trims surrounding whitespace", () => {
    expect(normaliseHost("  example.com  ")).toBe("example.com");
  });

  it("keeps hyphens and digits inside labels", () => {
    expect(normaliseHost("city-care2.example-1.in")).toBe("city-care2.example-1.in");
  });

  it.each([undefined, null, "", "   ", ".", "..", ":3000"])("rejects an empty host %j", (raw) => {
    expect(normaliseHost(raw)).toBeNull();
  });

  it.each(["[::1]", "[::1]:3000", "[2001:db8::1]"])("rejects the IPv6 literal %s", (raw) => {
    expect(normaliseHost(raw)).toBeNull();
  });

  it.each([
    "example.com:abc",
    "example.com:",
    "example.com:123456",
    "exa mple.com",
    "example.com/path",
    "http://example.com",
    "user@example.com",
    "-example.com",
    "example-.com",
    "ex_ample.com",
    "exämple.com",
    "<script>",
  ])("rejects the junk host %j", (raw) => {
    expect(normaliseHost(raw)).toBeNull();
  });

  it("rejects an empty label such as a..b or a leading dot", () => {
    expect(normaliseHost("a..b")).toBeNull();
    expect(normaliseHost(".example.com")).toBeNull();
  });

  it("accepts a host of 253 characters and rejects one of 254", () => {
    const label = "a".repeat(63);
    const host253 = [label, label, label, "a".repeat(61)].join(".");
    expect(host253).toHaveLength(253);
    expect(normaliseHost(host253)).toBe(host253);
    const host254 = [label, label, label, "a".repeat(62)].join(".");
    expect(normaliseHost(host254)).toBeNull();
  });

  it("measures the length limit after removing the port", () => {
    const label = "a".repeat(63);
    const host253 = [label, label, label, "a".repeat(61)].join(".");
    expect(normaliseHost(`${host253}:3000`)).toBe(host253);
  });
});
