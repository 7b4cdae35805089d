import { DomainError } from "./domain-error.js";

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * The one place that turns Postgres error codes into domain errors. Anything not
 * listed is returned unchanged so the edge reports it as an internal error.
 */
export function mapPgError(err: unknown): unknown {
  const pg = err as PgLikeError;
  if (typeof pg?.code !== "string") return err;
  switch (pg.code) {
    case "23505":
      return new DomainError("conflict", "This already exists.", { constraint: pg.constraint }, { cause: err });
    case "23P01":
      return new DomainError("conflict", "This overlaps with something that already exists.", { constraint: pg.constraint }, { cause: err });
    case "40001":
    case "40P01":
      return new DomainError("conflict", "A concurrent change got there first; please retry.", undefined, { cause: err });
    case "57014":
      return new DomainError("timeout", "The operation took too long.", undefined, { cause: err });
    case "23503":
    case "23502":
    case "23514":
    case "22P02":
      return new DomainError("validation_failed", "The data does not satisfy a rule.", { constraint: pg.constraint }, { cause: err });
    default:
      return err;
  }
}
