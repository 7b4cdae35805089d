/** What an action hands back to its form after a failed submission. */
export interface FormErrors {
  /** One message for the whole form, or null when the field errors say it all. */
  formError: string | null;
  /** Field name -> message, as the server's `validation_failed` details give them. */
  fieldErrors: Record<string, string>;
}

/*
 * Codes whose messages are written for the person at the form. Anything else (a bug,
 * a database outage, a `forbidden`) is rethrown so the route's error boundary shows it.
 */
const USER_FACING_CODES = new Set(["validation_failed", "unauthenticated", "rate_limited", "conflict", "not_found"]);

interface CodedError {
  code: string;
  message: string;
  details?: unknown;
}

function isCodedError(err: unknown): err is CodedError {
  return (
    typeof err === "object" &&
    err !== null &&
    typeof (err as { code?: unknown }).code === "string" &&
    typeof (err as { message?: unknown }).message === "string"
  );
}

/**
 * Turns an error thrown by `context.auth` into form errors; rethrows anything that is
 * not a known, user-facing failure (including redirects and other Responses).
 */
export function actionErrors(err: unknown): FormErrors {
  if (!isCodedError(err) || !USER_FACING_CODES.has(err.code)) throw err;

  const fieldErrors: Record<string, string> = {};
  const loose: string[] = [];
  if (Array.isArray(err.details)) {
    for (const detail of err.details as unknown[]) {
      const { field, message } = (detail ?? {}) as { field?: unknown; message?: unknown };
      if (typeof message !== "string") continue;
      if (typeof field === "string" && field !== "") fieldErrors[field] ??= message;
      else loose.push(message);
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = loose.length > 0 ? loose.join(" ") : hasFieldErrors ? null : err.message;
  return { formError, fieldErrors };
}

/** Headers carrying each cookie as its own `Set-Cookie` line. */
export function cookieHeaders(cookies: readonly string[]): Headers {
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return headers;
}

/**
 * The `next` target if it is a path on this host (starts with one `/`, no scheme,
 * no backslash tricks), otherwise `fallback`: never an open redirect.
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Browsers treat `\` like `/` and drop tabs and newlines, so `/\t/evil.example` would escape too.
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (char === "\\" || code < 0x20 || code === 0x7f) return fallback;
  }
  return next;
}

/** The values a person typed, to refill a form rendered after a failed post (never passwords or codes). */
export function keepValues(form: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form[name];
    if (typeof value === "string") values[name] = value;
  }
  return values;
}
