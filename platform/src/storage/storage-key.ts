// Keys are built by the platform (`<tenantId>/providers/<providerId>/<uuid>`), but a key
// that could climb out of the storage root must fail loudly wherever it came from.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws unless `key` is 1-8 safe `/`-separated segments (no `..`, no absolute path). */
export function assertStorageKey(key: string): string {
  const parts = typeof key === "string" ? key.split("/") : [];
  const ok = parts.length > 0 && parts.length <= 8 && key.length <= 512 && parts.every((p) => SEGMENT.test(p) && p !== "." && p !== ".." && !p.includes(".."));
  if (!ok) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  return key;
}
