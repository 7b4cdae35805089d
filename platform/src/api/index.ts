// The REST API's public surface: bearer tokens for API clients, the edge middleware and
// router, and the OpenAPI document with its HTML reference.
export {
  ACCESS_TOKEN_PREFIX,
  ACCESS_TOKEN_SECONDS,
  REFRESH_FAMILY_SECONDS,
  REFRESH_TOKEN_PREFIX,
  ApiTokenService,
  type ApiPrincipal,
  type ApiTokenServiceDeps,
  type ApiUser,
  type IssuedApiTokens,
} from "./api-token-service.js";
export { createApiTokenService } from "./create-api-token-service.js";
export { API_ROUTES_OUTSIDE_SPEC, apiAuth, createApiRouter, findApiPrincipal, findApiUser, listRoutes, requireApiUser } from "./api-router.js";
export { openApiDocument, type OpenApiDocument, type OperationObject, type SchemaObject } from "./openapi.js";
export { renderApiDocsPage } from "./api-docs-page.js";
