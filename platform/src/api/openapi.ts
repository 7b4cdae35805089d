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
  maximum?: number;
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

export interface ParameterObject {
  name: string;
  in: "query" | "path" | "header";
  description: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: SecurityRequirement[];
  parameters?: ParameterObject[];
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


const Money: SchemaObject = {
  type: "object",
  required: ["amountMinor", "currency"],
  properties: {
    amountMinor: { type: "integer", minimum: 0, description: "The amount in the currency's minor unit (paise for INR): `50000` is ₹500." },
    currency: { type: "string", pattern: "^[A-Z]{3}$", description: "ISO 4217 code, e.g. `INR`." },
  },
};

const SpecialtyRef: SchemaObject = {
  type: "object",
  required: ["slug", "name"],
  properties: {
    slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "Shared across sites; use it as the `specialty` filter." },
    name: { type: "string", description: "Display name, e.g. `Dermatology`." },
  },
};

const DoctorCard: SchemaObject = {
  type: "object",
  description: "One search result: public profile data only.",
  required: ["id", "slug", "name", "gender", "photoUrl", "specialties", "qualifications", "yearsExperience", "languages", "modes", "fee", "clinics", "rating", "distanceKm", "url", "hospital"],
  properties: {
    id: { type: "string", format: "uuid", description: "The doctor's id on the site that lists them." },
    slug: { type: "string", description: "The doctor's short name on their site; `GET /api/v1/doctors/{slug}` there." },
    name: { type: "string", description: "Display name." },
    gender: nullable("string", "`female`, `male` or `other`, as the doctor gave it, if they did."),
    photoUrl: nullable("string", "A URL that serves the photo (relative to this host, or absolute on a partner hospital's domain)."),
    specialties: { type: "array", items: ref("schemas", "SpecialtyRef"), description: "The primary specialty first." },
    qualifications: { type: "array", items: { type: "string" }, description: "Degrees, e.g. `MBBS`, `MD Dermatology`." },
    yearsExperience: { type: "integer", minimum: 0, description: "Years in practice." },
    languages: { type: "array", items: { type: "string" }, description: "Languages the doctor consults in." },
    modes: { type: "array", items: { type: "string", enum: ["in_clinic", "video"] }, description: "How the doctor consults." },
    fee: ref("schemas", "Money"),
    clinics: {
      type: "array",
      description: "Where the doctor practises.",
      items: { type: "object", required: ["name", "locality", "city"], properties: { name: { type: "string", description: "Clinic name." }, locality: { type: "string", description: "Neighbourhood." }, city: { type: "string", description: "City." } } },
    },
    rating: {
      type: ["object", "null"],
      description: "Average patient rating, once there are ratings.",
      required: ["average", "count"],
      properties: { average: { type: "number", description: "1 to 5, one decimal." }, count: { type: "integer", description: "How many ratings." } },
    },
    distanceKm: nullable("number", "Kilometres from the `near` locality to the doctor's nearest clinic, when `near` was given."),
    url: { type: "string", description: "The profile page: a path on this host (`/doctors/<slug>`), or an absolute URL on a partner hospital's own domain." },
    hospital: {
      type: ["object", "null"],
      description: "On the Illajwala marketplace: the partner hospital that lists this doctor; `null` for the site's own doctors.",
      required: ["slug", "name"],
      properties: { slug: { type: "string", description: "The hospital's short name." }, name: { type: "string", description: "The hospital's name." } },
    },
  },
};

const Clinic: SchemaObject = {
  type: "object",
  required: ["id", "slug", "name", "addressLine", "locality", "city", "state", "postcode", "latitude", "longitude", "timeZone", "phone", "facilities", "openingHours", "active"],
  properties: {
    id: { type: "string", format: "uuid", description: "The clinic's id." },
    slug: { type: "string", description: "The clinic's short name." },
    name: { type: "string", description: "Clinic name." },
    addressLine: { type: "string", description: "Street address." },
    locality: { type: "string", description: "Neighbourhood." },
    city: { type: "string", description: "City." },
    state: nullable("string", "State."),
    postcode: nullable("string", "PIN code."),
    latitude: nullable("number", "WGS 84 latitude."),
    longitude: nullable("number", "WGS 84 longitude."),
    timeZone: { type: "string", description: "IANA time zone of the clinic, e.g. `Asia/Kolkata`." },
    phone: nullable("string", "Front desk phone."),
    facilities: { type: "array", items: { type: "string" }, description: "E.g. `pharmacy`, `lab`, `wheelchair access`." },
    openingHours: {
      type: "object",
      description: "`mon`..`sun` to a list of `[\"09:00\", \"13:00\"]` ranges; a missing day is closed.",
      additionalProperties: { type: "array", items: { type: "array", items: { type: "string" } } },
    },
    active: { type: "boolean", description: "Whether the clinic is open for bookings." },
  },
};

const DoctorProfile: SchemaObject = {
  type: "object",
  description: "A published doctor's profile: the card's fields and these.",
  required: [...(DoctorCard.required ?? []), "bio", "conditions", "registration", "clinicDetails"],
  properties: {
    ...DoctorCard.properties,
    bio: nullable("string", "The doctor's own introduction."),
    conditions: { type: "array", items: { type: "string" }, description: "Conditions the doctor treats." },
    registration: {
      type: "object",
      required: ["number", "council"],
      description: "Medical council registration, as verified by the site.",
      properties: { number: { type: "string", description: "Registration number." }, council: { type: "string", description: "Issuing council." } },
    },
    clinicDetails: { type: "array", items: ref("schemas", "Clinic"), description: "Full details of each clinic." },
  },
};

const SearchQueryEcho: SchemaObject = {
  type: "object",
  description: "The search as understood (normalised; fees in minor units), to fill a form or build links.",
  required: ["q", "specialty", "city", "locality", "language", "gender", "feeMin", "feeMax", "mode", "minRating", "sort", "near", "page", "pageSize"],
  properties: {
    q: { type: "string", description: "The text, trimmed." },
    specialty: nullable("string", "Specialty slug."),
    city: nullable("string", "City."),
    locality: nullable("string", "Locality."),
    language: nullable("string", "Language."),
    gender: nullable("string", "`female`, `male` or `other`."),
    feeMin: nullable("integer", "Lowest fee in minor units (the request's `fee_min` × 100)."),
    feeMax: nullable("integer", "Highest fee in minor units."),
    mode: nullable("string", "`in_clinic` or `video`."),
    minRating: nullable("number", "Lowest average rating."),
    sort: { type: "string", enum: ["relevance", "fee_asc", "fee_desc", "experience", "distance"], description: "Order." },
    near: nullable("string", "Locality distances are measured from."),
    page: { type: "integer", minimum: 1, description: "Page number." },
    pageSize: { type: "integer", minimum: 1, description: "Results per page." },
  },
};

const DoctorSearchResult: SchemaObject = {
  type: "object",
  required: ["query", "items", "total", "page", "pageSize", "pageCount", "matchedSpecialty"],
  properties: {
    query: ref("schemas", "DoctorSearchQuery"),
    items: { type: "array", items: ref("schemas", "DoctorCard"), description: "This page of results." },
    total: { type: "integer", minimum: 0, description: "Results across all pages." },
    page: { type: "integer", minimum: 1, description: "This page's number." },
    pageSize: { type: "integer", minimum: 1, description: "Results per page." },
    pageCount: { type: "integer", minimum: 1, description: "Number of pages (at least 1)." },
    matchedSpecialty: {
      type: ["object", "null"],
      description: "The specialty the text named, exactly or nearly (`skin doctor` and `dermatolgy` both give Dermatology).",
      required: ["slug", "name"],
      properties: { slug: { type: "string", description: "Specialty slug." }, name: { type: "string", description: "Specialty name." } },
    },
  },
};

const SpecialtyList: SchemaObject = {
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref("schemas", "SpecialtyRef"), description: "Specialties that have published doctors here, by name." } },
};

const q = (name: string, description: string, schema: SchemaObject): ParameterObject => ({ name, in: "query", description, schema });

/** The filters of `GET /api/v1/doctors`: the same as the search page's URL. */
const doctorSearchParameters: ParameterObject[] = [
  q("q", "Free text: a name, specialty or synonym (`skin doctor`), clinic, locality or condition. Typos are tolerated (`cardiolgist`).", { type: "string", maxLength: 100 }),
  q("specialty", "A specialty slug from `GET /api/v1/specialties`.", { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }),
  q("city", "A city (any case).", { type: "string", maxLength: 80 }),
  q("locality", "A locality within a city (any case).", { type: "string", maxLength: 80 }),
  q("language", "A language the doctor consults in, e.g. `Hindi`.", { type: "string", maxLength: 40 }),
  q("gender", "The doctor's gender.", { type: "string", enum: ["female", "male", "other"] }),
  q("fee_min", "Lowest consultation fee in whole rupees.", { type: "integer", minimum: 0 }),
  q("fee_max", "Highest consultation fee in whole rupees; not below `fee_min`.", { type: "integer", minimum: 0 }),
  q("mode", "Consultation mode.", { type: "string", enum: ["in_clinic", "video"] }),
  q("min_rating", "Lowest average rating, 1 to 5.", { type: "number", minimum: 1, maximum: 5 }),
  q("sort", "Order of results. `distance` needs `near`.", { type: "string", enum: ["relevance", "fee_asc", "fee_desc", "experience", "distance"], default: "relevance" }),
  q("near", "A locality (or city) to measure distance from; fills `distanceKm`.", { type: "string", maxLength: 80 }),
  q("page", "Page number.", { type: "integer", minimum: 1, default: 1 }),
  q("page_size", "Results per page, at most 50.", { type: "integer", minimum: 1, maximum: 50, default: 10 }),
];

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
    { name: "Doctors", description: "Public doctor discovery: search, profiles and specialties." },
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
    "/api/v1/doctors": {
      get: {
        operationId: "searchDoctors",
        tags: ["Doctors"],
        summary: "Search published doctors",
        description: [
          "The same search as the site's search page, with the same filters. Needs no authentication. Full-text search with typo tolerance; specialty synonyms match (`skin doctor` finds dermatologists).",
          "On the Illajwala marketplace, results also include doctors of partner hospitals that listed them; their `url` points to the doctor's page on the hospital's own domain and `hospital` names it.",
          "Unknown parameters are ignored; a repeated parameter counts once (its first value).",
        ].join("\n\n"),
        security: [],
        parameters: doctorSearchParameters,
        responses: {
          "200": { description: "A page of results.", content: json(ref("schemas", "DoctorSearchResult")) },
          "404": ref("responses", "NotFound"),
          "422": ref("responses", "ValidationFailed"),
          "503": ref("responses", "Unavailable"),
        },
      },
    },
    "/api/v1/doctors/{slug}": {
      get: {
        operationId: "getDoctor",
        tags: ["Doctors"],
        summary: "A published doctor's profile",
        description: "One doctor of this site by slug. A doctor who is not published here (or belongs to another site) is `404`.",
        security: [],
        parameters: [{ name: "slug", in: "path", required: true, description: "The doctor's slug, from a search result.", schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } }],
        responses: {
          "200": { description: "The profile.", content: json(ref("schemas", "DoctorProfile")) },
          "404": { description: "No published doctor with this slug on this site.", content: json(ref("schemas", "Error")) },
          "503": ref("responses", "Unavailable"),
        },
      },
    },
    "/api/v1/specialties": {
      get: {
        operationId: "listSpecialties",
        tags: ["Doctors"],
        summary: "Specialties with published doctors",
        description: "The values the `specialty` filter accepts here (on the marketplace, including partner hospitals' listed doctors). Needs no authentication.",
        security: [],
        responses: {
          "200": { description: "The specialties, by name.", content: json(ref("schemas", "SpecialtyList")) },
          "404": ref("responses", "NotFound"),
          "503": ref("responses", "Unavailable"),
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
    schemas: { Error: ErrorSchema, FieldProblem, TokenResponse, PasswordGrant, RefreshRequest, RevokeRequest, Me, Tenant, Money, SpecialtyRef, DoctorCard, DoctorProfile, Clinic, DoctorSearchQuery: SearchQueryEcho, DoctorSearchResult, SpecialtyList },
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
        description: "The request body or query parameters are not valid; `details` lists each problem.",
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
