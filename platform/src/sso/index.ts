// The SSO domain's public API: staff single sign-on with each tenant's own OpenID
// Connect providers (admin configuration, the sign-in flow, and its HTTP routes).
export { createSsoService } from "./create-sso-service.js";
export {
  SsoService,
  DISCOVERY_TTL_MS,
  LOGIN_STATE_TTL_SECONDS,
  SSO_SCOPE,
  START_LIMIT,
  START_LIMIT_WINDOW_SECONDS,
  landingPathFor,
  type SsoCallbackOptions,
  type SsoProviderView,
  type SsoServiceDeps,
  type SsoSignInOption,
  type SsoSignInResult,
  type SsoStartOptions,
} from "./sso-service.js";
export { createSsoRouter, browserBindingOf, SSO_CALLBACK_PATH, type SsoRouterDeps } from "./sso-router.js";
export { SsoSignInError, isSsoSignInError, type SsoRefusal } from "./sso-errors.js";
export { SaveProviderInput, RoleMappingInput, SSO_STAFF_ROLES, type SaveProviderInputValue } from "./sso-inputs.js";
export { mapRoles } from "./role-mapping.js";
export { safeReturnTo } from "./return-to.js";
export type { RoleMapping, StaffRole } from "./sso-store.js";
