import type { TenantUnitOfWork } from "../db/index.js";
import type { IdentityService, RateLimiter } from "../identity/index.js";
import { ApiTokenService } from "./api-token-service.js";

/** Wires the API token service from the platform's long-lived collaborators. */
export function createApiTokenService(deps: {
  withTenant: TenantUnitOfWork;
  identity: IdentityService;
  rateLimiter: RateLimiter;
  now?: () => Date;
}): ApiTokenService {
  return new ApiTokenService(deps);
}
