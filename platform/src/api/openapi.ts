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
          enum: ["not_found", "unauthenticated", "forbidden", "rate_limited", "validation_failed", "conflict", "slot_taken", "unavailable", "timeout", "internal"],
          description: "Machine-readable error code; branch on this, never on `message`.",
        },
        message: { type: "string", description: "A sentence that can be shown to the user." },
        details: { description: "Depends on `code`: the field problems of `validation_failed`, a `reason` for `forbidden`, `retryAfterSeconds` for `rate_limited`, `nextSlots` for `slot_taken`." },
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


const slotMode: SchemaObject = { type: "string", enum: ["in_clinic", "video"], description: "How the consultation happens." };
const localDate = (description: string): SchemaObject => ({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description });
const localTime = (description: string): SchemaObject => ({ type: "string", pattern: "^\\d{2}:\\d{2}$", description });

const OpenSlot: SchemaObject = {
  type: "object",
  description: "One bookable slot. Book it by sending its `startsAt` and `clinicId` to `POST /api/v1/appointments`.",
  required: ["providerId", "clinicId", "startsAt", "endsAt", "localDate", "localStart", "localEnd", "timeZone", "mode", "capacity", "remaining"],
  properties: {
    providerId: { type: "string", format: "uuid", description: "The doctor." },
    clinicId: { type: "string", format: "uuid", description: "Where the slot is (for video slots: the clinic that hosts the session)." },
    startsAt: { type: "string", format: "date-time", description: "Start instant (ISO 8601, UTC)." },
    endsAt: { type: "string", format: "date-time", description: "End instant." },
    localDate: localDate("The slot's date in the clinic's time zone."),
    localStart: localTime("Start time on the clinic's clock."),
    localEnd: localTime("End time on the clinic's clock."),
    timeZone: { type: "string", description: "The clinic's IANA time zone." },
    mode: slotMode,
    capacity: { type: "integer", minimum: 1, description: "Patients the doctor sees in this slot." },
    remaining: { type: "integer", minimum: 1, description: "Places still free (slots with none left are not listed)." },
    patientLocal: {
      type: "object",
      description: "Only when the request named a `zone`: the same slot on the patient's clock. It never changes which slots exist.",
      required: ["date", "start", "end", "timeZone"],
      properties: {
        date: localDate("The date in `zone`."),
        start: localTime("Start time in `zone`."),
        end: localTime("End time in `zone`."),
        timeZone: { type: "string", description: "The `zone` asked for." },
      },
    },
  },
};

const SlotList: SchemaObject = {
  type: "object",
  required: ["doctor", "from", "days", "zone", "items"],
  properties: {
    doctor: { type: "object", required: ["id", "slug"], properties: { id: { type: "string", format: "uuid", description: "Use as `providerId` when booking." }, slug: { type: "string", description: "The slug asked for." } } },
    from: { type: ["string", "null"], description: "The `from` date asked for, or `null` (from now)." },
    days: { type: "integer", minimum: 1, maximum: 31, description: "Days covered." },
    zone: nullable("string", "The `zone` asked for, if any."),
    items: { type: "array", items: ref("schemas", "OpenSlot"), description: "Open slots in time order." },
  },
};

const AppointmentStatusSchema: SchemaObject = {
  type: "string",
  enum: ["held", "booked", "checked_in", "in_consultation", "completed", "cancelled", "no_show", "rescheduled", "expired"],
  description: "`held` -> `booked` -> `checked_in` -> `in_consultation` -> `completed`; or `cancelled`, `no_show`, `rescheduled` (replaced by a new appointment), `expired` (a hold that lapsed).",
};

const Appointment: SchemaObject = {
  type: "object",
  required: ["id", "providerId", "providerName", "clinicId", "clinicName", "patientId", "visitor", "startsAt", "endsAt", "timeZone", "mode", "status", "holdExpiresAt", "fee", "cancelledBy", "rescheduledFrom", "createdAt"],
  properties: {
    id: { type: "string", format: "uuid", description: "The appointment's id." },
    providerId: { type: "string", format: "uuid", description: "The doctor." },
    providerName: { type: "string", description: "The doctor's display name." },
    clinicId: { type: "string", format: "uuid", description: "The clinic." },
    clinicName: { type: "string", description: "The clinic's name." },
    patientId: { type: "string", format: "uuid", description: "The account that holds the booking." },
    visitor: {
      type: "object",
      description: "Who the visit is for: the account holder or one of their dependants.",
      required: ["kind", "id", "name"],
      properties: { kind: { type: "string", enum: ["self", "dependant"], description: "Self or a dependant." }, id: { type: "string", format: "uuid", description: "The account or dependant id." }, name: { type: "string", description: "Their name." }, accountHolderName: { type: "string", description: "For a dependant: the account holder who booked." } },
    },
    startsAt: { type: "string", format: "date-time", description: "Start instant." },
    endsAt: { type: "string", format: "date-time", description: "End instant." },
    timeZone: { type: "string", description: "The clinic's IANA time zone." },
    mode: slotMode,
    status: ref("schemas", "AppointmentStatus"),
    holdExpiresAt: nullable("string", "While `held`: when the hold lapses."),
    reason: nullable("string", "Reason for the visit; present only for the patient and the clinic's treating staff."),
    fee: { type: ["object", "null"], description: "The consultation fee when booked.", required: ["amountMinor", "currency"], properties: Money.properties },
    cancelledBy: nullable("string", "Who cancelled, once cancelled: `patient` or `clinic`."),
    rescheduledFrom: nullable("string", "The appointment this one replaced."),
    createdAt: { type: "string", format: "date-time", description: "When it was booked (or held)." },
  },
};

const AppointmentList: SchemaObject = {
  type: "object",
  required: ["upcoming", "past"],
  properties: {
    upcoming: { type: "array", items: ref("schemas", "Appointment"), description: "Live appointments still to come, soonest first." },
    past: { type: "array", items: ref("schemas", "Appointment"), description: "Earlier, cancelled and finished ones, latest first." },
  },
};

const QueueEntry: SchemaObject = {
  type: "object",
  description: "An appointment in the doctor's day: the appointment's fields and these.",
  required: [...(Appointment.required ?? []), "position", "estimatedWaitMinutes"],
  properties: {
    ...Appointment.properties,
    position: { type: "integer", minimum: 0, description: "Place in the queue (1 is next; 0 while in consultation)." },
    estimatedWaitMinutes: { type: "integer", minimum: 0, description: "Minutes until this patient is likely seen (0 when in consultation)." },
  },
};

const QueueList: SchemaObject = {
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref("schemas", "QueueEntry"), description: "The day's appointments in queue order." } },
};

const BookingRequest: SchemaObject = {
  type: "object",
  description: "Name the doctor by `providerId` or `doctorSlug`.",
  required: ["clinicId", "startsAt", "reason"],
  properties: {
    providerId: { type: "string", format: "uuid", description: "The doctor (`doctor.id` of the slots answer)." },
    doctorSlug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "Instead of `providerId`: the doctor's slug." },
    clinicId: { type: "string", format: "uuid", description: "The slot's `clinicId`." },
    startsAt: { type: "string", format: "date-time", description: "The slot's `startsAt`." },
    dependantId: { type: "string", format: "uuid", description: "Book for one of your dependants; leave out to book for yourself." },
    reason: { type: "string", minLength: 1, maxLength: 500, description: "Reason for the visit (shown only to you and the treating clinic)." },
    contactPhone: { type: "string", description: "Phone for this visit, E.164." },
    contactEmail: { type: "string", format: "email", description: "Email for this visit." },
    patientId: { type: "string", format: "uuid", description: "Front desk only: the patient account to book for." },
  },
};

const CancelRequest: SchemaObject = {
  type: "object",
  properties: { reason: { type: "string", maxLength: 500, description: "Optional note on why." } },
};

const RescheduleRequest: SchemaObject = {
  type: "object",
  required: ["startsAt"],
  properties: {
    startsAt: { type: "string", format: "date-time", description: "The new slot's `startsAt`." },
    clinicId: { type: "string", format: "uuid", description: "The new slot's clinic, if it is another clinic of the same doctor." },
  },
};

const TransitionRequest: SchemaObject = {
  type: "object",
  required: ["to"],
  properties: {
    to: { type: "string", enum: ["checked_in", "in_consultation", "completed", "no_show"], description: "The next state: check in, start, complete, or mark as no-show." },
    note: { type: "string", maxLength: 500, description: "Optional note recorded with the transition." },
  },
};

const BookingConflict: SchemaObject = {
  type: "object",
  description: "`slot_taken`: someone else booked the slot first; `details.nextSlots` offers the doctor's next open ones. `conflict`: a booking rule or the appointment's state refuses the change (the message says which).",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["slot_taken", "conflict"], description: "Which of the two." },
        message: { type: "string", description: "E.g. \"This slot was just taken.\"" },
        details: {
          type: "object",
          description: "For `slot_taken`.",
          required: ["nextSlots"],
          properties: { nextSlots: { type: "array", items: ref("schemas", "OpenSlot"), description: "The doctor's next open slots, to offer instead." } },
        },
      },
    },
  },
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

const appointmentIdParam: ParameterObject = { name: "id", in: "path", required: true, description: "The appointment's id.", schema: { type: "string", format: "uuid" } };
const signedIn: SecurityRequirement[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
/** The answers every signed-in appointment operation can give besides its own. */
const appointmentErrors: Record<string, ResponseObject | RefObject> = {
  "401": ref("responses", "Unauthenticated"),
  "403": ref("responses", "Forbidden"),
  "404": { description: "No such appointment for you (another patient's, or another site's, is also `404`).", content: json(ref("schemas", "Error")) },
};


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
    { name: "Booking", description: "Open slots, booking, and the patient's appointments: cancel and reschedule within the site's rules." },
    { name: "Clinic day", description: "For clinic staff: the doctor's queue and moving appointments through the day." },
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
    "/api/v1/doctors/{slug}/slots": {
      get: {
        operationId: "listDoctorSlots",
        tags: ["Booking"],
        summary: "A doctor's open slots",
        description: [
          "The open slots of a published doctor of this site, by default for the next 14 days, respecting the site's booking rules (minimum notice, how far ahead patients may book). Needs no authentication. Full slots are left out.",
          "Times are the clinic's (`localDate`, `localStart` in its `timeZone`); pass `zone` to also get each slot on the patient's own clock in `patientLocal`. `zone` never changes which slots exist.",
        ].join("\n\n"),
        security: [],
        parameters: [
          { name: "slug", in: "path", required: true, description: "The doctor's slug.", schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } },
          q("from", "First day, a date on the site's calendar (default: now).", localDate("E.g. `2026-12-01`.")),
          q("days", "How many days, 1 to 31.", { type: "integer", minimum: 1, maximum: 31, default: 14 }),
          q("clinic", "Only this clinic's slots.", { type: "string", format: "uuid" }),
          q("zone", "The patient's IANA time zone, e.g. `Europe/London`: adds `patientLocal` to each slot.", { type: "string" }),
        ],
        responses: {
          "200": { description: "Open slots.", headers: noStore, content: json(ref("schemas", "SlotList")) },
          "404": { description: "No published doctor with this slug on this site.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
          "503": ref("responses", "Unavailable"),
        },
      },
    },
    "/api/v1/appointments": {
      get: {
        operationId: "listMyAppointments",
        tags: ["Booking"],
        summary: "My appointments",
        description: "The signed-in patient's appointments and their dependants', upcoming and past.",
        security: signedIn,
        responses: {
          "200": { description: "Upcoming and past appointments.", headers: noStore, content: json(ref("schemas", "AppointmentList")) },
          "401": ref("responses", "Unauthenticated"),
        },
      },
      post: {
        operationId: "bookAppointment",
        tags: ["Booking"],
        summary: "Book a slot",
        description: [
          "Books one open slot for the signed-in patient (or one of their dependants). Front desk staff book for a patient by naming `patientId`.",
          "**Idempotency.** Send a fresh random `Idempotency-Key` (e.g. a UUID) per booking and the same one when you retry: a repeated request books once and answers the first result again with `200` and `Idempotent-Replayed: true`. Without the header the answer is `400`.",
          "**Taken slots.** No slot is ever booked twice. When someone else got it first the answer is `409` with code `slot_taken` and the doctor's next open slots in `details.nextSlots`.",
          "Booking rules (minimum notice, how far ahead, how many active appointments per doctor) answer `409` `conflict` with a message for the patient.",
        ].join("\n\n"),
        security: signedIn,
        parameters: [{ name: "Idempotency-Key", in: "header", required: true, description: "A unique value per booking (1 to 200 visible ASCII characters); repeat it on a retry.", schema: { type: "string", minLength: 1, maxLength: 200 } }],
        requestBody: { required: true, content: json(ref("schemas", "BookingRequest")) },
        responses: {
          "201": {
            description: "Booked.",
            headers: { ...noStore, Location: ref("headers", "Location") },
            content: json(ref("schemas", "Appointment")),
          },
          "200": {
            description: "A retry of a booking already made with this `Idempotency-Key`: the same appointment.",
            headers: { ...noStore, "Idempotent-Replayed": ref("headers", "IdempotentReplayed"), Location: ref("headers", "Location") },
            content: json(ref("schemas", "Appointment")),
          },
          "400": { description: "The `Idempotency-Key` header is missing or malformed (code `validation_failed`).", content: json(ref("schemas", "Error")) },
          "401": ref("responses", "Unauthenticated"),
          "403": ref("responses", "Forbidden"),
          "404": { description: "No such doctor, clinic or dependant here.", content: json(ref("schemas", "Error")) },
          "409": { description: "`slot_taken` (with `details.nextSlots`), or `conflict` when a booking rule refuses it.", content: json(ref("schemas", "BookingConflict")) },
          "422": ref("responses", "ValidationFailed"),
        },
      },
    },
    "/api/v1/appointments/{id}": {
      get: {
        operationId: "getAppointment",
        tags: ["Booking"],
        summary: "One appointment",
        description: "An appointment of the signed-in patient (or their dependant), or, for staff, one at their clinics. Anyone else's is `404`.",
        security: signedIn,
        parameters: [appointmentIdParam],
        responses: { "200": { description: "The appointment.", headers: noStore, content: json(ref("schemas", "Appointment")) }, ...appointmentErrors },
      },
    },
    "/api/v1/appointments/{id}/cancel": {
      post: {
        operationId: "cancelAppointment",
        tags: ["Booking"],
        summary: "Cancel an appointment",
        description: "Patients may cancel until the site's cancellation cut-off before the start (`409` `conflict` after it); clinic staff at any time. A freed slot is offered to the first patient on the waitlist.",
        security: signedIn,
        parameters: [appointmentIdParam],
        requestBody: { required: false, content: json(ref("schemas", "CancelRequest")) },
        responses: {
          "200": { description: "Cancelled.", headers: noStore, content: json(ref("schemas", "Appointment")) },
          ...appointmentErrors,
          "409": { description: "Too late to cancel, or not in a state that can be cancelled.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
        },
      },
    },
    "/api/v1/appointments/{id}/reschedule": {
      post: {
        operationId: "rescheduleAppointment",
        tags: ["Booking"],
        summary: "Move an appointment to another slot",
        description: "Books the new slot and marks this appointment `rescheduled`, in one step, within the site's reschedule cut-off. Answers the new appointment (its `rescheduledFrom` names this one). A taken slot is `409` `slot_taken` with `details.nextSlots`.",
        security: signedIn,
        parameters: [appointmentIdParam],
        requestBody: { required: true, content: json(ref("schemas", "RescheduleRequest")) },
        responses: {
          "200": { description: "The new appointment.", headers: noStore, content: json(ref("schemas", "Appointment")) },
          ...appointmentErrors,
          "409": { description: "`slot_taken` (with `details.nextSlots`), or `conflict`: too late, or not in a state that can move.", content: json(ref("schemas", "BookingConflict")) },
          "422": ref("responses", "ValidationFailed"),
        },
      },
    },
    "/api/v1/appointments/{id}/transition": {
      post: {
        operationId: "transitionAppointment",
        tags: ["Clinic day"],
        summary: "Check in, start, complete, or mark a no-show",
        description: "For the treating doctor and the clinic's front desk. Moves follow `booked` -> `checked_in` -> `in_consultation` -> `completed` (or `no_show` from `booked`/`checked_in`); any other move is `409` `conflict`. Each move is recorded with who and when.",
        security: signedIn,
        parameters: [appointmentIdParam],
        requestBody: { required: true, content: json(ref("schemas", "TransitionRequest")) },
        responses: {
          "200": { description: "The appointment in its new state.", headers: noStore, content: json(ref("schemas", "Appointment")) },
          ...appointmentErrors,
          "409": { description: "Not a valid move from the current state.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
        },
      },
    },
    "/api/v1/queue": {
      get: {
        operationId: "getQueue",
        tags: ["Clinic day"],
        summary: "A doctor's queue for a day",
        description: "Staff only: the day's appointments of one doctor (at one clinic, if given) in queue order, with estimated waits.",
        security: signedIn,
        parameters: [
          q("doctor", "The doctor's provider id.", { type: "string", format: "uuid" }),
          q("clinic", "Only this clinic.", { type: "string", format: "uuid" }),
          q("date", "The day (default: today at the clinic).", localDate("E.g. `2026-12-01`.")),
        ],
        responses: {
          "200": { description: "The queue.", headers: noStore, content: json(ref("schemas", "QueueList")) },
          "401": ref("responses", "Unauthenticated"),
          "403": ref("responses", "Forbidden"),
          "404": { description: "No such doctor here.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
        },
      },
    },
    "/api/v1/queue/stream": {
      get: {
        operationId: "streamQueue",
        tags: ["Clinic day"],
        summary: "A doctor's queue for a day, live",
        description:
          "Server-sent events (`text/event-stream`): an `event: queue` with the same body as `GET /api/v1/queue` at once, and again within moments of any change to the tenant's appointments made by any app process; a `: keep-alive` comment every 25 s. An `event: error` ends the stream when the caller's rights change. Errors before the stream starts are ordinary JSON.",
        security: signedIn,
        parameters: [
          q("doctor", "The doctor's provider id.", { type: "string", format: "uuid" }),
          q("clinic", "Only this clinic.", { type: "string", format: "uuid" }),
          q("date", "The day (default: today at the clinic).", localDate("E.g. `2026-12-01`.")),
        ],
        responses: {
          "200": { description: "The event stream; each `data:` line is a QueueList.", content: { "text/event-stream": { schema: { type: "string" } } } },
          "401": ref("responses", "Unauthenticated"),
          "403": ref("responses", "Forbidden"),
          "404": { description: "No such doctor here.", content: json(ref("schemas", "Error")) },
          "422": ref("responses", "ValidationFailed"),
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
    schemas: { Error: ErrorSchema, FieldProblem, TokenResponse, PasswordGrant, RefreshRequest, RevokeRequest, Me, Tenant, Money, SpecialtyRef, DoctorCard, DoctorProfile, Clinic, DoctorSearchQuery: SearchQueryEcho, DoctorSearchResult, SpecialtyList, OpenSlot, SlotList, AppointmentStatus: AppointmentStatusSchema, Appointment, AppointmentList, QueueEntry, QueueList, BookingRequest, CancelRequest, RescheduleRequest, TransitionRequest, BookingConflict },
    headers: {
      NoStore: { description: "Always `no-store`: the body holds credentials or personal data.", schema: { type: "string", const: "no-store" } },
      RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
      Location: { description: "The appointment's URL, e.g. `/api/v1/appointments/<id>`.", schema: { type: "string" } },
      IdempotentReplayed: { description: "`true` when this answers a repeated `Idempotency-Key`: nothing new was booked.", schema: { type: "string", const: "true" } },
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
      Forbidden: {
        description: "Signed in, but not allowed to do this (e.g. a patient moving an appointment through the clinic day), or a browser mutation without the `X-CSRF-Token` header.",
        content: json(ref("schemas", "Error")),
      },
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
