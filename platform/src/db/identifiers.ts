const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validates a Postgres identifier we generate ourselves (schema, role) and returns it
 * double-quoted. Anything outside `[a-z0-9_]` is refused rather than escaped, so a
 * generated name can never smuggle SQL.
 */
export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** True when `name` is a safe generated identifier. */
export function isSafeIdent(name: string): boolean {
  return IDENT.test(name);
}
