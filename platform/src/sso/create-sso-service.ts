import { SsoService, type SsoServiceDeps } from "./sso-service.js";

/**
 * Builds the SSO service. `allowInsecureIssuers` is for tests with a loopback IdP only;
 * production leaves it off, and openid-client then refuses any non-https IdP call.
 */
export function createSsoService(deps: SsoServiceDeps): SsoService {
  return new SsoService(deps);
}
