/**
 * The contract between the platform server and the Remix apps: what every loader
 * receives as `context`. Apps import these types only, never platform internals.
 */

export type AppName = "patient" | "doctor" | "admin" | "console";
export type Locale = "en" | "hi";
export type TenantKind = "hospital" | "marketplace";
export type TenantStatus = "provisioning" | "active" | "suspended";

/** Public facts about the tenant the request was routed to (never secrets). */
export interface TenantView {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  defaultLocale: Locale;
  timeZone: string;
  primaryHost: string;
}

/** A resolved theme: tokens plus asset URLs, ready for the page head. */
export interface ThemeView {
  name: string;
  displayName: string;
  colors: Record<string, string>;
  fonts: { heading: string; body: string };
  radius: string;
  logoUrl: string;
  faviconUrl: string;
  /** `:root{--vn-color-primary:...}` — CSS custom properties for a `<style>` tag. */
  css: string;
}

export interface I18nView {
  locale: Locale;
  locales: readonly Locale[];
  /** Flat catalogue: key -> message with `{name}` placeholders. */
  messages: Record<string, string>;
}

/** One row of the platform console's tenant list. */
export interface ConsoleTenant {
  slug: string;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
  theme: string;
  timeZone: string;
  defaultLocale: Locale;
  cluster: string;
  schemaVersion: string | null;
  createdAt: string;
  domains: { hostname: string; kind: "primary" | "alias" | "custom"; verified: boolean }[];
}

/** Console data: every method requires a platform admin past the second factor. */
export interface ConsoleServices {
  listTenants(): Promise<ConsoleTenant[]>;
  /** Development message channel (codes, resets, invites), newest first. */
  listDevMessages(): Promise<{ id: string; tenantSlug: string | null; channel: "sms" | "email"; recipient: string; subject?: string; body: string; createdAt: string }[]>;
  /** Ask a tenant's admin for time-limited support access (`purpose`, `hours` 1-8). */
  requestSupportAccess(tenantSlug: string, input: Record<string, unknown>): Promise<void>;
  /** This admin's requests on a tenant. */
  listSupportGrants(tenantSlug: string): Promise<SupportGrantView[]>;
  /** Read-only staff directory of a tenant; `not_found` without an approved, unexpired grant. */
  supportStaffDirectory(tenantSlug: string): Promise<{ expiresAt: string; staff: { id: string; name: string; roles: string[]; status: string }[] }>;
}

export interface SupportGrantView {
  id: string;
  requestedBy: string;
  purpose: "incident" | "data_fix" | "onboarding" | "other";
  hours: number;
  status: "requested" | "granted" | "denied" | "revoked";
  requestedAt: string;
  expiresAt: string | null;
}

export interface StaffMemberView {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
  status: "active" | "invited" | "disabled";
  locked: boolean;
  secondFactorEnabled: boolean;
}

export interface InviteSummary {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: "pending" | "accepted" | "revoked" | "expired";
  expiresAt: string;
}

/** Tenant-admin operations for the admin app; each checks the signed-in user's ability. */
export interface TenantAdminServices {
  listSupportGrants(): Promise<SupportGrantView[]>;
  decideSupportGrant(id: string, decision: "grant" | "deny" | "revoke"): Promise<void>;
  listStaff(): Promise<StaffMemberView[]>;
  /** `{ email, name?, role, clinicIds? }`: emails a link on the tenant's primary domain. */
  invite(input: Record<string, unknown>): Promise<void>;
  listInvites(): Promise<InviteSummary[]>;
  revokeInvite(id: string): Promise<void>;
  /** Replaces the user's roles (role names); ends their sessions when rights shrink. */
  changeRoles(userId: string, roles: string[]): Promise<void>;
  disableUser(userId: string): Promise<void>;
  enableUser(userId: string): Promise<void>;
  unlockUser(userId: string): Promise<void>;
  /** The tenant's OpenID Connect providers for staff sign-in (the client secret is never returned). */
  listSsoProviders(): Promise<SsoProviderView[]>;
  /**
   * Adds (no `id`) or updates a provider: `{ id?, name, issuer, clientId, clientSecret?,
   * allowedEmailDomains, roleMapping: { claim, map: { value: role } }, defaultRole, enabled: boolean }`.
   * A blank secret on edit keeps the stored one. The redirect URI to register at the IdP is
   * `https://<primary host>/auth/sso/callback`.
   */
  saveSsoProvider(input: Record<string, unknown>): Promise<void>;
}

export interface SsoProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedEmailDomains: string[];
  roleMapping: { claim: string; map: Record<string, string> };
  defaultRole: string | null;
  enabled: boolean;
}

/** Platform-admin identity on the platform host. Same error conventions as TenantAuth. */
export interface PlatformAuth {
  readonly admin: { id: string; email: string; name: string } | null;
  readonly secondFactor: "none" | "verify" | "enrol";
  readonly csrfToken: string;
  signIn(input: Record<string, unknown>): Promise<{ cookies: string[]; secondFactor: "none" | "verify" | "enrol" }>;
  verifySecondFactor(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  beginEnrolment(): Promise<{ secret: string; uri: string }>;
  confirmEnrolment(input: Record<string, unknown>): Promise<{ cookies: string[]; recoveryCodes: string[] }>;
  signOut(): Promise<{ cookies: string[] }>;
}

/** The signed-in account as pages may show it. */
export interface SessionUserView {
  id: string;
  kind: "patient" | "staff";
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  secondFactorEnabled: boolean;
}

export interface DependantView {
  id: string;
  name: string;
  relationship: "child" | "parent" | "spouse" | "sibling" | "other";
  dateOfBirth: string | null;
  gender: "female" | "male" | "other" | null;
}

/**
 * Identity for one request on a tenant host. Methods that change who is signed in
 * return the `Set-Cookie` values the response must carry. Failures throw errors with a
 * stable `code` (`validation_failed` with `details: {field, message}[]`,
 * `unauthenticated`, `rate_limited`, `not_found`, `conflict`) and a user-facing message.
 */
export interface TenantAuth {
  /** Null until fully signed in (a pending second factor is not signed in). */
  readonly user: SessionUserView | null;
  /** What the current session still owes: nothing, a code, or setting up two-step verification. */
  readonly secondFactor: "none" | "verify" | "enrol";
  /** Put in every form as a hidden `_csrf` field (or send as `X-CSRF-Token`). */
  readonly csrfToken: string;
  /**
   * The signed-in user's CASL rules, packed (`abilityFromPacked` from
   * `@visitnow/platform/access` rebuilds the ability in the browser). The UI uses them
   * to hide what the user may not do; the server checks every request regardless.
   */
  readonly abilityRules: unknown[];
  /** Checked for every action by the platform; apps need not call it. */
  verifyCsrf(submitted: string | null | undefined): boolean;
  signUpPatient(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  signInWithPassword(
    audience: "patient" | "staff",
    input: Record<string, unknown>,
  ): Promise<{ cookies: string[]; secondFactor: "none" | "verify" | "enrol" }>;
  requestSmsCode(input: Record<string, unknown>): Promise<{ phone: string }>;
  signInWithSmsCode(input: Record<string, unknown>): Promise<{ cookies: string[]; created: boolean }>;
  verifySecondFactor(input: Record<string, unknown>): Promise<{ cookies: string[] }>;
  beginTotpEnrolment(): Promise<{ secret: string; uri: string }>;
  confirmTotpEnrolment(input: Record<string, unknown>): Promise<{ cookies: string[]; recoveryCodes: string[] }>;
  signOut(): Promise<{ cookies: string[] }>;
  signOutEverywhere(): Promise<{ cookies: string[] }>;
  updateProfile(input: Record<string, unknown>): Promise<void>;
  listDependants(): Promise<DependantView[]>;
  addDependant(input: Record<string, unknown>): Promise<void>;
  removeDependant(id: string): Promise<void>;
  /** For the invite page: `not_found` for unknown, used or revoked links. */
  describeInvite(token: string): Promise<{ role: string; emailMasked: string; name: string | null; expired: boolean }>;
  /** `{ token, name, password }`: creates the staff account; then sign in normally. */
  acceptInvite(input: Record<string, unknown>): Promise<void>;
  /** `{ email }`: the same answer whether or not the account exists. */
  requestPasswordReset(audience: "patient" | "staff", input: Record<string, unknown>): Promise<void>;
  describeResetToken(token: string): Promise<{ kind: "patient" | "staff" }>;
  /** `{ token, password }`: sets the password and ends every session of the account. */
  resetPassword(input: Record<string, unknown>): Promise<{ kind: "patient" | "staff" }>;
  /** Enabled SSO providers for the staff sign-in pages: link to `/auth/sso/<id>/start?next=/doctor`. */
  listSsoSignInOptions(): Promise<{ id: string; name: string }[]>;
}

export interface VisitNowLoadContext {
  requestId: string;
  app: AppName;
  /** The tenant for tenant apps; null on the platform console. */
  tenant: TenantView | null;
  theme: ThemeView;
  i18n: I18nView;
  /** Only on the platform host. */
  console: ConsoleServices | null;
  /** Identity for this request; on the platform host only `csrfToken`/`verifyCsrf` apply. */
  auth: TenantAuth;
  /** Platform-admin identity: only on the platform host. */
  platformAuth: PlatformAuth | null;
  /** Tenant-admin operations: only in the admin app, for a signed-in staff user. */
  tenantAdmin: TenantAdminServices | null;
  /** Public doctor discovery and applications: on every tenant host. */
  discovery: DiscoveryServices | null;
  /** Provider onboarding, clinics, specialties: only in the admin app, for a signed-in staff user. */
  providerAdmin: ProviderAdminServices | null;
  /** Patient booking: on every tenant host in the patient app (public reads; the rest needs a signed-in patient). */
  booking: BookingServices | null;
  /** The doctor's day, availability and front-desk booking: only in the doctor app, for a signed-in staff user. */
  hub: HubServices | null;
}

// ---------------------------------------------------------------------------
// Doctors and discovery (issue 4)
// ---------------------------------------------------------------------------

export type ConsultationMode = "in_clinic" | "video";
export type ProviderStatus = "submitted" | "in_review" | "changes_requested" | "approved" | "rejected";
export type Gender = "female" | "male" | "other";

export interface MoneyView {
  amountMinor: number;
  currency: string;
}

/** A file a form carried, already read into memory by the route (size-limited there too). */
export interface UploadedFile {
  /** The form field it came in (e.g. `doc_registration_certificate`, `photo`). */
  field: string;
  filename: string;
  /** What the browser claimed; the platform checks the bytes themselves. */
  contentType: string;
  bytes: Uint8Array;
}

export interface SpecialtyView {
  id: string;
  slug: string;
  name: string;
  synonyms: string[];
  description: string | null;
  active: boolean;
  /** Published doctors with this specialty (admin list only; 0 elsewhere). */
  doctorCount: number;
}

export interface OpeningHoursView {
  /** `mon`..`sun` -> list of `["09:00","13:00"]` ranges; a missing day is closed. */
  [day: string]: [string, string][];
}

export interface ClinicView {
  id: string;
  slug: string;
  name: string;
  addressLine: string;
  locality: string;
  city: string;
  state: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  phone: string | null;
  facilities: string[];
  openingHours: OpeningHoursView;
  active: boolean;
}

/** One search result (and the top of a profile). Only public profile data. */
export interface DoctorCardView {
  id: string;
  slug: string;
  name: string;
  gender: Gender | null;
  /** A URL on the tenant that serves the photo, or null. */
  photoUrl: string | null;
  specialties: { slug: string; name: string }[];
  qualifications: string[];
  yearsExperience: number;
  languages: string[];
  modes: ConsultationMode[];
  fee: MoneyView;
  clinics: { name: string; locality: string; city: string }[];
  rating: { average: number; count: number } | null;
  /** Kilometres from the chosen locality, when sorting or filtering by distance. */
  distanceKm: number | null;
  /** Where the profile lives: a path on this tenant, or an absolute URL on a partner hospital's domain. */
  url: string;
  /** Set for a partner hospital's doctor shown on the marketplace. */
  hospital: { slug: string; name: string } | null;
}

export interface DoctorProfileView extends DoctorCardView {
  bio: string | null;
  conditions: string[];
  registration: { number: string; council: string };
  clinicDetails: ClinicView[];
}

/** The parsed, normalised search (echoed back so pages can fill the form and build links). */
export interface DoctorSearchQuery {
  q: string;
  specialty: string | null;
  city: string | null;
  locality: string | null;
  language: string | null;
  gender: Gender | null;
  feeMin: number | null;
  feeMax: number | null;
  mode: ConsultationMode | null;
  minRating: number | null;
  sort: "relevance" | "fee_asc" | "fee_desc" | "experience" | "distance";
  /** The locality distance is measured from (`near=`), when given. */
  near: string | null;
  page: number;
  pageSize: number;
}

export interface DoctorSearchResultView {
  query: DoctorSearchQuery;
  items: DoctorCardView[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** When the text matched a specialty or one of its synonyms ("skin doctor" -> Dermatology). */
  matchedSpecialty: { slug: string; name: string } | null;
}

export interface DiscoveryFacetsView {
  specialties: { slug: string; name: string }[];
  cities: { name: string; localities: string[] }[];
  languages: string[];
}

export interface DocumentRequirementView {
  kind: string;
  label: string;
  required: boolean;
}

/** What an applicant sees on their private link while changes are requested. */
export interface ApplicationView {
  reference: string;
  name: string;
  status: ProviderStatus;
  /** The reviewer's message: what to fix. */
  changesRequested: string | null;
  documents: { kind: string; label: string; required: boolean; status: "missing" | "uploaded" | "accepted" | "rejected"; note: string | null }[];
  profile: ProviderEditableView;
}

/** The fields of a provider an applicant or admin edits. */
export interface ProviderEditableView {
  name: string;
  gender: Gender | null;
  email: string | null;
  phone: string | null;
  registrationNumber: string;
  registrationCouncil: string;
  qualifications: string[];
  yearsExperience: number;
  languages: string[];
  fee: MoneyView;
  modes: ConsultationMode[];
  bio: string | null;
  conditions: string[];
  specialtyIds: string[];
  primarySpecialtyId: string | null;
  clinicIds: string[];
}

/**
 * Public discovery on a tenant host (patient app and API): no sign-in needed. Errors as
 * TenantAuth (`validation_failed` with details, `not_found`).
 */
export interface DiscoveryServices {
  /** Parses `params` (the search page's / API's query string) and searches. */
  search(params: URLSearchParams | Record<string, unknown>): Promise<DoctorSearchResultView>;
  /** A published doctor by slug; `not_found` otherwise. */
  getDoctor(slug: string): Promise<DoctorProfileView>;
  /** The photo of a published doctor; `not_found` otherwise. */
  doctorPhoto(slug: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  facets(): Promise<DiscoveryFacetsView>;
  /** What the public application form offers. */
  applicationForm(): Promise<{ specialties: { id: string; name: string }[]; clinics: { id: string; name: string; locality: string; city: string }[]; documents: DocumentRequirementView[] }>;
  /**
   * A doctor applies. `input` holds the ProviderEditableView fields as form strings
   * (lists comma- or newline-separated, `feeRupees` in major units); `files` the photo and
   * documents (`doc_<kind>`). Emails the applicant a private link to follow up.
   */
  apply(input: Record<string, unknown>, files: UploadedFile[]): Promise<{ reference: string }>;
  /** The applicant's view through their private link; `not_found` for an unknown token. */
  describeApplication(token: string): Promise<ApplicationView>;
  /** The applicant fixes what was asked and sends it back for review. */
  resubmitApplication(token: string, input: Record<string, unknown>, files: UploadedFile[]): Promise<void>;
}

export interface ProviderSummaryView {
  id: string;
  slug: string;
  name: string;
  specialties: string[];
  status: ProviderStatus;
  published: boolean;
  marketplaceListed: boolean;
  reviewer: { id: string; name: string } | null;
  submittedAt: string;
  documentsComplete: boolean;
}

export interface ProviderDocumentView {
  id: string;
  kind: string;
  label: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  status: "uploaded" | "accepted" | "rejected";
  note: string | null;
  uploadedAt: string;
}

export interface ReviewEventView {
  id: string;
  kind: string;
  actor: string;
  body: string | null;
  createdAt: string;
}

export interface ProviderDetailView extends ProviderSummaryView {
  profile: ProviderEditableView;
  hasPhoto: boolean;
  decisionReason: string | null;
  /** The checklist: each requirement with its latest document (or none), plus extra documents. */
  checklist: { kind: string; label: string; required: boolean; document: ProviderDocumentView | null }[];
  timeline: ReviewEventView[];
  /** What the signed-in admin may do next (drives the buttons; the server checks again). */
  allowed: { review: boolean; approve: boolean; publish: boolean; unpublish: boolean; listOnMarketplace: boolean };
}

/** Provider onboarding, clinics and specialties in the admin app; each checks the user's ability on the record. */
export interface ProviderAdminServices {
  listProviders(filter: { status?: string | null; q?: string | null; page?: number }): Promise<{ items: ProviderSummaryView[]; total: number; page: number; pageCount: number; counts: Record<ProviderStatus, number> }>;
  getProvider(id: string): Promise<ProviderDetailView>;
  /** An admin enters an applicant (same fields as `DiscoveryServices.apply`); starts `submitted`. */
  createProvider(input: Record<string, unknown>, files: UploadedFile[]): Promise<{ id: string }>;
  updateProvider(id: string, input: Record<string, unknown>): Promise<void>;
  uploadDocuments(id: string, files: UploadedFile[]): Promise<void>;
  setDocumentStatus(id: string, documentId: string, status: "accepted" | "rejected", note?: string | null): Promise<void>;
  /** The bytes of one document, for a download that is never cached or public. */
  downloadDocument(id: string, documentId: string): Promise<{ bytes: Uint8Array; contentType: string; filename: string }>;
  assignReviewer(id: string, reviewerId: string | null): Promise<void>;
  addNote(id: string, body: string): Promise<void>;
  /** Emails the applicant what to fix with their private link. */
  requestChanges(id: string, message: string): Promise<void>;
  approve(id: string, note?: string | null): Promise<void>;
  reject(id: string, reason: string): Promise<void>;
  publish(id: string): Promise<void>;
  /** Hides the doctor from search at once (and from the marketplace). */
  unpublish(id: string): Promise<void>;
  /** Hospitals only: list or delist a published doctor in the marketplace directory. */
  setMarketplaceListing(id: string, listed: boolean): Promise<void>;
  listReviewers(): Promise<{ id: string; name: string }[]>;
  listClinics(): Promise<ClinicView[]>;
  getClinic(id: string): Promise<ClinicView>;
  /** Adds (no `id`) or updates a clinic; opening hours as `openingHours_mon` = "09:00-13:00, 14:00-18:00". */
  saveClinic(input: Record<string, unknown>): Promise<{ id: string }>;
  listSpecialties(): Promise<SpecialtyView[]>;
  /** Adds (no `id`) or updates a specialty; `synonyms` comma- or newline-separated. */
  saveSpecialty(input: Record<string, unknown>): Promise<{ id: string }>;
  listDocumentRequirements(): Promise<DocumentRequirementView[]>;
  /** `{ kind?, label, required }`: adds or updates one checklist item. */
  saveDocumentRequirement(input: Record<string, unknown>): Promise<void>;
}

// ---------------------------------------------------------------------------
// Scheduling and booking (issue 5): the facades the patient app and the doctor hub use.
// The views below are re-exported from the platform's own contract so apps import one module.
// ---------------------------------------------------------------------------

export type {
  AppointmentStatus,
  AppointmentView,
  AvailabilityExceptionView,
  AvailabilityRuleView,
  BookingPolicyView,
  OpenSlot,
  QueueEntryView,
} from "./appointments/contract.js";
import type {
  AppointmentStatus,
  AppointmentView,
  AvailabilityExceptionView,
  AvailabilityRuleView,
  BookingPolicyView,
  OpenSlot,
  QueueEntryView,
} from "./appointments/contract.js";

/** One open slot as the patient app shows it: times in the patient's chosen zone. */
export interface SlotView {
  clinicId: string;
  clinicName: string;
  /** ISO instants: what a booking form posts back (`startsAt`). */
  startsAt: string;
  endsAt: string;
  /** The slot's date and wall-clock times in the zone the patient chose (`zone`). */
  localDate: string;
  localStart: string;
  localEnd: string;
  /** The clinic's own zone and wall-clock start, shown when it differs from the patient's. */
  clinicTimeZone: string;
  clinicLocalStart: string;
  mode: ConsultationMode;
  capacity: number;
  remaining: number;
}

/** A doctor's open slots over consecutive days (every day present, possibly empty). */
export interface DoctorSlotsView {
  providerId: string;
  /** The zone the times are in (the patient's choice, else the tenant's). */
  zone: string;
  /** First and last date of the window, in `zone`. */
  from: string;
  to: string;
  /** `open`: slots left; `full`: the doctor works that day but every bookable slot is taken (patients may join the waitlist); `closed`: nothing bookable (a day off, or outside the booking window). */
  days: { date: string; state: "open" | "full" | "closed"; slots: SlotView[] }[];
  clinics: { id: string; name: string; timeZone: string }[];
  policy: BookingPolicyView;
}

/** An appointment as the patient app and hub show it (adds links and the clinic's address). */
export interface AppointmentDetailView extends AppointmentView {
  providerSlug: string;
  clinicAddress: string;
  /** What the viewer may do now (the server checks again): within the tenant's cut-offs, live statuses only. */
  canCancel: boolean;
  canReschedule: boolean;
}

/**
 * Booking for patients on every tenant host. `slots`/`policy` are public; the rest need a
 * signed-in patient (`unauthenticated` otherwise). Errors as elsewhere: `slot_taken`
 * (details.nextSlots: OpenSlot[]), `conflict`, `not_found`, `validation_failed`.
 */
export interface BookingServices {
  /** `zone` an IANA zone (default the tenant's), `from` a date in that zone (default today), `days` 1-31 (default 14). */
  slots(doctorSlug: string, q?: { zone?: string | null; from?: string | null; days?: number | null; clinicId?: string | null }): Promise<DoctorSlotsView>;
  /** `{ doctorSlug, clinicId, startsAt }`: holds the slot for `policy.holdMinutes`. */
  hold(input: Record<string, unknown>): Promise<AppointmentDetailView>;
  /** `{ dependantId?, reason, contactPhone?, contactEmail? }` on a hold of this patient. */
  confirm(id: string, input: Record<string, unknown>): Promise<AppointmentDetailView>;
  /** Gives a hold back at once (the patient changed their mind). */
  release(id: string): Promise<void>;
  get(id: string): Promise<AppointmentDetailView>;
  /** The patient's and their dependants' appointments. */
  mine(): Promise<{ upcoming: AppointmentDetailView[]; past: AppointmentDetailView[] }>;
  cancel(id: string, reason?: string | null): Promise<AppointmentDetailView>;
  /** `{ startsAt, clinicId? }`: the new appointment (the old one becomes `rescheduled`). */
  reschedule(id: string, input: Record<string, unknown>): Promise<AppointmentDetailView>;
  /** `{ doctorSlug, clinicId?, date, dependantId? }` for a day with no open slots. */
  joinWaitlist(input: Record<string, unknown>): Promise<{ id: string }>;
  /** The appointment as an iCalendar file (`text/calendar`). */
  calendarFile(id: string): Promise<{ filename: string; body: string }>;
}

/** A doctor whose day the signed-in hub user may see. */
export interface HubDoctorView {
  id: string;
  slug: string;
  name: string;
  specialties: string[];
  clinics: { id: string; name: string; timeZone: string }[];
  /** What this user may do for the doctor (drives the pages; the server checks again). */
  allowed: { manageAvailability: boolean; runQueue: boolean; book: boolean };
}

export interface PatientSummaryView {
  id: string;
  name: string;
  /** Masked unless the user may read the full value (e.g. `+91••••••3210`). */
  phone: string | null;
  email: string | null;
  dependants: { id: string; name: string; relationship: string }[];
}

/** One day of a doctor's calendar: when they work, when they don't, and who is booked. */
export interface CalendarDayView {
  date: string;
  weekday: number; // 1 = Monday .. 7 = Sunday
  /** Working windows from the weekly rules and extra sessions (clinic-local times). */
  windows: { clinicId: string; clinicName: string; start: string; end: string; slotMinutes: number; source: "rule" | "extra_session" }[];
  /** Time off and clinic holidays that day (`start`/`end` null = the whole day). */
  closures: { id: string; kind: "time_off" | "clinic_holiday"; clinicId: string | null; start: string | null; end: string | null; note: string | null }[];
  /** Live and finished appointments (not lapsed holds), by start. */
  appointments: AppointmentView[];
}

/**
 * The doctor hub's services for a signed-in staff user past their second factor. Each
 * method checks the user's ability on the records it touches (`not_found` for what they
 * may not see).
 */
export interface HubServices {
  /** Doctors this user works with: a doctor themselves; front desk and clinic admins the doctors at their clinics; a tenant admin every published doctor. */
  doctors(): Promise<HubDoctorView[]>;
  /** Today's (or `date`'s) queue, in order, with estimated waits. */
  queue(q: { providerId: string; clinicId?: string | null; date?: string | null }): Promise<QueueEntryView[]>;
  /** `checked_in`, `in_consultation`, `completed`, `no_show`. */
  transition(id: string, to: AppointmentStatus, note?: string | null): Promise<AppointmentView>;
  /** Cancelled by the clinic (frees the slot and offers it to the waitlist). */
  cancel(id: string, reason?: string | null): Promise<AppointmentView>;
  /** `days` consecutive days (1-7) from `from` (a date), in the clinic's zone. */
  calendar(q: { providerId: string; from: string; days: number; clinicId?: string | null }): Promise<CalendarDayView[]>;
  listRules(providerId: string): Promise<AvailabilityRuleView[]>;
  /** Form fields: `id?`, `providerId`, `clinicId`, `weekdays` (repeated or comma list of 1-7), `start`, `end`, `slotMinutes`, `bufferBeforeMinutes`, `bufferAfterMinutes`, `capacity`, `mode`, `breaks` ("13:00-14:00, ..."), `validFrom`, `validUntil`, `active`. */
  saveRule(input: Record<string, unknown>): Promise<{ id: string }>;
  removeRule(id: string): Promise<void>;
  listExceptions(filter: { providerId: string; from?: string; to?: string }): Promise<AvailabilityExceptionView[]>;
  /** `kind`, `providerId?`, `clinicId?`, `date`, `start?`, `end?`, `note?` (extra sessions also take the rule fields). */
  saveException(input: Record<string, unknown>): Promise<{ id: string }>;
  removeException(id: string): Promise<void>;
  /** The booking rules that apply to a doctor (their own, else the tenant's). */
  policyFor(providerId: string | null): Promise<BookingPolicyView>;
  /** The ids of doctors with booking rules of their own (everyone else follows the tenant default), in one query. */
  doctorsWithOwnPolicy(): Promise<string[]>;
  /** `providerId?` (blank = the tenant default; tenant admins only), the BookingPolicyView numbers. */
  savePolicy(input: Record<string, unknown>): Promise<void>;
  /** Puts a doctor back on the hospital's default booking rules (tenant admins only). */
  removePolicy(providerId: string): Promise<void>;
  /** Open slots for booking on a patient's behalf (respects the doctor's booking rules). */
  openSlots(q: { providerId: string; from?: string | null; days?: number | null; clinicId?: string | null }): Promise<OpenSlot[]>;
  /** Patients matching a name, phone or email (at least 3 characters), at most 20. */
  findPatients(query: string): Promise<PatientSummaryView[]>;
  /** `{ name, phone?, email? }` (one contact at least): a new patient account without a password; they can sign in by SMS code later. */
  registerPatient(input: Record<string, unknown>): Promise<PatientSummaryView>;
  /** Books for a patient: `{ patientId, providerId, clinicId, startsAt, dependantId?, reason, contactPhone?, contactEmail? }`, once per key. */
  book(input: Record<string, unknown>, idempotencyKey: string): Promise<{ appointment: AppointmentView; replayed: boolean }>;
}
