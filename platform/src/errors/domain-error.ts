/** Stable error codes shared by the API, the Remix edge and the CLI. */
export type ErrorCode =
  | "not_found"
  | "unauthenticated"
  | "forbidden"
  | "rate_limited"
  | "validation_failed"
  | "conflict"
  | "slot_taken"
  | "unavailable"
  | "timeout"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  validation_failed: 422,
  conflict: 409,
  slot_taken: 409,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

/** The one error hierarchy: a stable `code`, an HTTP status and optional details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DomainError";
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/** Something absent, or owned by another tenant or user: the response never confirms it exists. */
export class NotFoundError extends DomainError {
  constructor(message = "Not found", details?: unknown) {
    super("not_found", message, details);
  }
}

/** Input that fails validation; `details` lists the problems per field. */
export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super("validation_failed", message, details);
  }
}

/** Returns true when `err` is a DomainError (also across module copies). */
export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError || (typeof err === "object" && err !== null && (err as { name?: string }).name === "DomainError");
}
