export { DomainError, NotFoundError, ValidationError, isDomainError, type ErrorCode } from "./domain-error.js";
export { mapPgError } from "./pg-errors.js";
export { parseInput } from "./parse-input.js";
