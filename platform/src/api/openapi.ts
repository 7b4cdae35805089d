import { ACCESS_TOKEN_SECONDS } from "./api-token-service.js";

// The subset of OpenAPI 3.1 this API uses, typed so a mistake in the document is a
// compile error rather than a broken /api/docs page.

export interface RefObject {
  $ref: string;
}

export type SchemaType = "object" | "string" | "integer" | "number" | "boolean" | "array" | "null";

export interface SchemaObject {
  type?: SchemaType | SchemaType[];
  title?: string;
  description?: string;
  format?: string;
  enum?: readonly (string | number)[];
  const?: string | number;
  default?: string | number | boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  properties?: Record<string, SchemaObject | RefObject>;
  required?: readonly string[];
  items?: SchemaObject | RefObject;
  additionalProperties?: boolean | SchemaObject | RefObject;
  examples?: readonly unknown[];
}

export interface HeaderObject {
  description: string;
  schema: SchemaObject;
}

export interface MediaTypeObject {
  schema: SchemaObject | RefObject;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | RefObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: SecurityRequirement[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | RefObject>;
}

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface SecuritySchemeObject {
  type: "http" | "apiKey";
  scheme?: string;
  bearerFormat?: string;
  name?: string;
  in?: "cookie" | "header";
  description?: string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
    headers: Record<string, HeaderObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}

const ref = (kind: "schemas" | "responses" | "headers", name: string): RefObject => ({ $ref: `#/components/${kind}/${name}` });
const json = (schema: SchemaObject | RefObject) => ({ "application/json": { schema } });
const nullable = (type: SchemaType, description: string): SchemaObject => ({ type: [type, "null"], description });

/** Every error answer: the one shape the whole API uses. */
const ErrorSchema: SchemaObject = {
  type: "object",
  description: "Every error response has this shape. `code` is stable; `message` is written for people.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: ["not_found", "unauthenticated", "forbidden", "rate_limited", "validation_failed", "conflict", "unavailable", "timeout", "internal"],
          description: "Machine-readable error code; branch on this, never on `message`.",
        },
        message: { type: "string", description: "A sentence that can be shown to the user." },
        details: { description: "Depends on `code`: the field problems of `validation_failed`, a `reason` for `forbidden`, `retryAfterSeconds` for `rate_limited`." },
      },
    },
  },
};

const FieldProblem: SchemaObject = {
  type: "object",
  required: ["field", "message"],
  properties: {
    field: { type: "string", description: "The request field, e.g. `email`." },
    message: { type: "string", description: "What is wrong with it, for people." },
  },
};

const TokenResponse: SchemaObject = {
  type: "object",
  description: "RFC 6749 §5.1 access token response.",
  required: ["access_token", "token_type", "expires_in", "refresh_token"],
  properties: {
    access_token: { type: "string", pattern: "^vna_[A-Za-z0-9_-]{43}$", description: "Send as `Authorization: Bearer <access_token>`." },
    token_type: { type: "string", const: "Bearer", description: "How to send the access token." },
    expires_in: { type: "integer", minimum: 1, description: `Seconds until the access token expires (${ACCESS_TOKEN_SECONDS}).` },
    refresh_token: { type: "string", pattern: "^vnr_[A-Za-z0-9_-]{43}$", description: "Single use: exchange it at `/api/v1/auth/refresh` for a new pair." },
  },
};

const Me: SchemaObject = {
  type: "object",
  required: ["id", "kind", "name", "email", "phone", "roles"],
  properties: {
    id: { type: "string", format: "uuid", description: "The account id on this tenant." },
    kind: { type: "string", enum: ["patient", "staff"], description: "Patient and staff accounts are separate, even with the same email." },
    name: { type: "string", description: "Display name." },
    email: nullable("string", "Lower-cased email address, if the account has one."),
    phone: nullable("string", "Mobile number in E.164 form, if the account has one."),
    roles: { type: "array", items: { type: "string", enum: ["patient", "doctor", "front_desk", "clinic_admin", "tenant_admin", "finance", "support"] }, description: "The account's roles on this tenant." },
  },
};

const Tenant: SchemaObject = {
  type: "object",
  required: ["slug", "name", "kind", "defaultLocale", "timeZone"],
  properties: {
    slug: { type: "string", description: "The tenant's short name." },
    name: { type: "string", description: "The hospital's or marketplace's display name." },
    kind: { type: "string", enum: ["hospital", "marketplace"], description: "What kind of site this is." },
    defaultLocale: { type: "string", enum: ["en", "hi"], description: "The language pages open in." },
    timeZone: { type: "string", description: "IANA time zone, e.g. `Asia/Kolkata`." },
  },
};

const PasswordGrant: SchemaObject = {
  type: "object",
  required: ["grant_type", "email", "password"],
  properties: {
    grant_type: { type: "string", const: "password", description: "Only `password` is supported." },
    audience: { type: "string", enum: ["patient", "staff"], default: "patient", description: "Which kind of account to sign in to." },
    email: { type: "string", format: "email", maxLength: 254, description: "The account's email address (case does not matter)." },
    password: { type: "string", minLength: 1, maxLength: 128, description: "The account's password." },
    client: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,39}$", description: "Optional label for the app, e.g. `android`; recorded in the audit log." },
  },
};

const RefreshRequest: SchemaObject = {
  type: "object",
  required: ["refresh_token"],
  properties: { refresh_token: { type: "string", maxLength: 200, description: "The refresh token from the last token response." } },
};

const RevokeRequest: SchemaObject = {
  type: "object",
  required: ["token"],
  properties: {
    token: { type: "string", maxLength: 200, description: "An access or refresh token." },
    token_type_hint: { type: "string", enum: ["access_token", "refresh_token"], description: "Accepted for RFC 7009 clients; not needed." },
  },
};

const noStore: Record<string, HeaderObject | RefObject> = { "Cache-Control": ref("headers", "NoStore") };

/** The OpenAPI 3.1 description of the REST API, served at `/api/v1/openapi.json` and rendered at `/api/docs`. */
export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Illajwala VisitNow API",
    version: "1.0.0",
    description: [
      "The REST API of one VisitNow site. Every hospital and the Illajwala marketplace is a separate tenant with its own accounts and data.",
      "**Tenant routing.** The tenant is chosen by the `Host` header, never by a path or parameter: `https://sunrise.example/api/v1/me` talks to Sunrise's site only. An unknown host answers `404`; a suspended site answers `503` with `Retry-After`. Accounts, tokens and data never cross tenants: a token issued on one host is unknown on every other.",
      "**Signing in.** API clients (mobile apps, partner systems) exchange an email and password for a short-lived access token and a single-use refresh token at `POST /api/v1/auth/token`, then send `Authorization: Bearer <access_token>`. Before the access token expires, exchange the refresh token at `POST /api/v1/auth/refresh` for a new pair. Refresh one request at a time: a refresh token used twice is treated as stolen and ends the whole sign-in.",
      "**Browsers** signed in to the website may call the same endpoints with their session cookie; mutations then also need the `X-CSRF-Token` header. Bearer requests carry no cookies and need no CSRF token.",
      "**Errors** always have the shape `{ \"error\": { \"code\", \"message\", \"details\"? } }`. Validation problems are `422` with one entry per field; rate limits are `429` with `Retry-After`.",
    ].join("\n\n"),
  },
  servers: [{ url: "/", description: "The host of the site you are calling; it selects the tenant." }],
  tags: [
    { name: "Tenant", description: "The site this host serves." },
    { name: "Authentication", description: "Signing in API clients with bearer tokens." },
    { name: "Account", description: "The signed-in account." },
    { name: "Meta", description: "This description of the API." },
  ],
  paths: {
    "/api/v1/tenant": {
      get: {
        operationId: "getTenant",
        tags: ["Tenant"],
        summary: "Describe this site",
        description: "Public facts about the tenant that the `Host` header selects. Needs no authentication.",
        security: [],
        responses: {
          "200": { description: "The tenant of this host.", headers: noStore, content: json(ref("schemas", "Tenant")) },
          "404": ref("responses", "NotFound"),
          "503": ref("responses", "Unavailable"),
        },
      },
    },
    "/api/v1/auth/token": {
      post: {
        operationId: "createToken",
        tags: ["Authentication"],
        summary: "Sign in with email and password",
        description: [
          "The OAuth 2.0 password grant (RFC 6749 §4.3), JSON or form-encoded. Answers an access token valid for 15 minutes and a refresh token.",
          "Wrong passwords, unknown emails, locked and disabled accounts get the same `401`. Five wrong passwords lock the account for 15 minutes; attempts are also limited per account and per IP address (`429`).",
          "Staff accounts that use two-step verification (administrators and finance must) cannot sign in through the API yet: they get `403` with `details.reason` = `second_factor_required` and should use the website.",
          "A refresh token, and with it the sign-in, lasts at most 30 days for patients and 12 hours for staff, however often it is rotated.",
        ].join("\n\n"),
        security: [],
        requestBody: {
          required: true,
          content: { ...json(ref("schemas", "PasswordGrant")), "application/x-www-form-urlencoded": { schema: ref("schemas", "PasswordGrant") } },
        },
        responses: {
          "200": { description: "Signed in.", headers: noStore, content: json(ref("schemas", "TokenResponse")) },
          "401": ref("responses", "Unauthenticated"),
          "403": { description: "The account needs a second factor; sign in on the website.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
          "429": ref("responses", "RateLimited"),
        },
      },
    },
    "/api/v1/auth/refresh": {
      post: {
        operationId: "refreshToken",
        tags: ["Authentication"],
        summary: "Exchange a refresh token for a new pair",
        description: [
          "Rotation: the refresh token is used up and a new access token and refresh token are issued. Keep the new refresh token; the old one no longer works.",
          "Presenting a refresh token that was already used is treated as theft: every token of that sign-in (including the newest access token) is revoked and the answer is `401`. Expired or revoked refresh tokens, and those of disabled accounts, are also `401`: sign in again.",
        ].join("\n\n"),
        security: [],
        requestBody: { required: true, content: { ...json(ref("schemas", "RefreshRequest")), "application/x-www-form-urlencoded": { schema: ref("schemas", "RefreshRequest") } } },
        responses: {
          "200": { description: "A new pair.", headers: noStore, content: json(ref("schemas", "TokenResponse")) },
          "401": ref("responses", "Unauthenticated"),
          "422": ref("responses", "ValidationFailed"),
          "429": ref("responses", "RateLimited"),
        },
      },
    },
    "/api/v1/auth/revoke": {
      post: {
        operationId: "revokeToken",
        tags: ["Authentication"],
        summary: "Sign out: revoke a token and its whole sign-in",
        description:
          "Token revocation (RFC 7009). Send either the access or the refresh token; every token of that sign-in stops working. The answer is `200` whether or not the token was known, so it reveals nothing.",
        security: [],
        requestBody: { required: true, content: { ...json(ref("schemas", "RevokeRequest")), "application/x-www-form-urlencoded": { schema: ref("schemas", "RevokeRequest") } } },
        responses: {
          "200": { description: "Revoked, or already unusable.", content: json({ type: "object", additionalProperties: false }) },
          "422": ref("responses", "ValidationFailed"),
          "429": ref("responses", "RateLimited"),
        },
      },
    },
    "/api/v1/me": {
      get: {
        operationId: "getMe",
        tags: ["Account"],
        summary: "The signed-in account",
        description: "Who the access token (or the browser session) belongs to. Disabling the account ends its tokens at once.",
        security: [{ bearerAuth: [] }, { sessionCookie: [] }],
        responses: {
          "200": { description: "The account.", headers: noStore, content: json(ref("schemas", "Me")) },
          "401": ref("responses", "Unauthenticated"),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["Meta"],
        summary: "This API description",
        description: "This OpenAPI 3.1 document. A readable version is at `/api/docs`.",
        security: [],
        responses: { "200": { description: "The OpenAPI document.", content: json({ type: "object", description: "An OpenAPI 3.1 document." }) } },
      },
    },
  },
  components: {
    schemas: { Error: ErrorSchema, FieldProblem, TokenResponse, PasswordGrant, RefreshRequest, RevokeRequest, Me, Tenant },
    headers: {
      NoStore: { description: "Always `no-store`: the body holds credentials or personal data.", schema: { type: "string", const: "no-store" } },
      RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
      WwwAuthenticate: { description: 'Bearer challenge, e.g. `Bearer error="invalid_token"` when a token was sent but is not valid.', schema: { type: "string" } },
    },
    responses: {
      Unauthenticated: {
        description: "Not signed in, wrong credentials, or a token that is unknown here, expired, revoked or belongs to a disabled account.",
        headers: { "WWW-Authenticate": ref("headers", "WwwAuthenticate") },
        content: json(ref("schemas", "Error")),
      },
      ValidationFailed: {
        description: "The request body is not valid; `details` lists each problem.",
        content: json({
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "details"],
              properties: {
                code: { type: "string", const: "validation_failed", description: "Always `validation_failed`." },
                message: { type: "string", description: "A summary for people." },
                details: { type: "array", items: ref("schemas", "FieldProblem"), description: "One entry per problem." },
              },
            },
          },
        }),
      },
      RateLimited: {
        description: "Too many attempts from this account or IP address.",
        headers: { "Retry-After": ref("headers", "RetryAfter") },
        content: json(ref("schemas", "Error")),
      },
      NotFound: { description: "No site answers at this host.", content: json(ref("schemas", "Error")) },
      Unavailable: { description: "The site is suspended.", headers: { "Retry-After": ref("headers", "RetryAfter") }, content: json(ref("schemas", "Error")) },
    },
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "vna_ access token",
        description: "An access token from `POST /api/v1/auth/token` or `/refresh`, valid for 15 minutes, on the host that issued it only.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "__Host-vn_session",
        description: "The website's session cookie, for browsers only (`vn_session` over plain HTTP in development). Mutations also need the `X-CSRF-Token` header.",
      },
    },
  },
};
