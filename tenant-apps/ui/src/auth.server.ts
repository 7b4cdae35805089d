/*
 * Server-only helpers for the apps' loaders and actions: who may see a page, and the
 * staff sign-in, two-step and two-step set-up routes the doctor hub and the admin
 * console share. Redirects are plain `Response`s (Remix treats a thrown or returned
 * 3xx as a redirect, and keeps its Set-Cookie headers); action results come back as
 * `{ body, init }` for the route to wrap in `data(body, init)`.
 *
 * Paths are inside the app: Remix prepends the app's basename to a redirect's
 * Location, so `/sign-in` from the doctor hub lands on `/doctor/sign-in`. `next`
 * values are kept inside the app too (basename removed) for the same reason.
 */
import type { SessionUserView, VisitNowLoadContext } from "@visitnow/platform/context";
import { actionErrors, cookieHeaders, keepValues, safeNext, type FormErrors } from "./action-errors";

/** Who may open the doctor hub. A tenant admin sees every doctor's calendar and availability (and edits booking rules) but runs no queue. */
export const HUB_ROLES = ["doctor", "front_desk", "clinic_admin", "tenant_admin"] as const;
export const ADMIN_ROLES = ["tenant_admin", "clinic_admin", "finance", "support"] as const;

/** Why a 403 was thrown, so the error boundary can say the right thing. */
export type ForbiddenReason = "missing_role" | "patients_only";

interface Args {
  context: VisitNowLoadContext;
  request: Request;
}

/** An action's outcome for the route to return as `data(body, init)`. */
export interface ActionResult<T> {
  body: T;
  init?: ResponseInit;
}

/** A 302 to `location` (a path inside the app; Remix adds the basename), carrying `headers` (cookies). */
export function redirectTo(location: string, headers: Headers = new Headers()): Response {
  headers.set("Location", location);
  return new Response(null, { status: 302, headers });
}

function forbidden(reason: ForbiddenReason): Response {
  return new Response(JSON.stringify({ reason }), {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

/** `?next=<path>` for a sign-in redirect (nothing for the home page, where sign-in lands anyway). */
function nextQuery(path: string | null): string {
  return path && path !== "/" ? `?next=${encodeURIComponent(path)}` : "";
}

function requestedNext(request: Request): string | null {
  const next = new URL(request.url).searchParams.get("next");
  return next && safeNext(next, "") ? next : null;
}

/** This request's path and query inside the app (basename removed), for `next`. */
function currentPath(request: Request, basename: string): string {
  const url = new URL(request.url);
  const base = basename.replace(/\/+$/, "");
  let path = url.pathname;
  if (base && (path === base || path.startsWith(`${base}/`))) path = path.slice(base.length) || "/";
  return path + url.search;
}

/**
 * The signed-in staff member if they hold one of `roles`. Signed out: redirects to the
 * app's sign-in (or the pending two-step page) with `next`; signed in without a role
 * (or as a patient): throws a 403 the error boundary renders as "no access".
 */
export function requireStaff(
  context: VisitNowLoadContext,
  request: Request,
  roles: readonly string[],
  basename: string,
): SessionUserView {
  const { user, secondFactor } = context.auth;
  if (!user) {
    const step = secondFactor === "verify" ? "/two-step" : secondFactor === "enrol" ? "/two-step/setup" : "/sign-in";
    throw redirectTo(`${step}${nextQuery(currentPath(request, basename))}`);
  }
  if (user.kind !== "staff" || !user.roles.some((role) => roles.includes(role))) throw forbidden("missing_role");
  return user;
}

/** The signed-in patient; signed out redirects to `/sign-in?next=…`, a staff account gets a 403. */
export function requirePatient(context: VisitNowLoadContext, request: Request): SessionUserView {
  const { user } = context.auth;
  if (!user) throw redirectTo(`/sign-in${nextQuery(currentPath(request, "/"))}`);
  if (user.kind !== "patient") throw forbidden("patients_only");
  return user;
}

/** Plain object of a posted form, as the `context.auth` input methods take it. */
export async function formInput(request: Request): Promise<Record<string, FormDataEntryValue>> {
  return Object.fromEntries(await request.formData());
}

/* ---------- staff sign-in, shared by the doctor hub and the admin console ---------- */

export interface StaffSignInActionData {
  errors: FormErrors;
  values: Record<string, string>;
}

function afterPassword(step: "none" | "verify" | "enrol", next: string | null): string {
  if (step === "verify") return `/two-step${nextQuery(next)}`;
  if (step === "enrol") return `/two-step/setup${nextQuery(next)}`;
  return safeNext(next, "/");
}

export interface StaffSignInLoaderData {
  /** A note after accepting an invitation or choosing a new password. */
  notice: "invited" | "reset" | null;
  /** The tenant's single sign-on providers, each with its absolute start URL (outside the app's basename). */
  sso: { id: string; name: string; href: string }[];
}

/** Already signed in (or half-way): skip the form. Otherwise the form's notice and single sign-on links. */
export async function staffSignInLoader({ context, request }: Args, basename: string): Promise<StaffSignInLoaderData> {
  const { user, secondFactor } = context.auth;
  const next = requestedNext(request);
  if (user?.kind === "staff") throw redirectTo(safeNext(next, "/"));
  if (!user && secondFactor !== "none") throw redirectTo(afterPassword(secondFactor, next));

  const params = new URL(request.url).searchParams;
  const notice = params.get("invited") === "1" ? "invited" : params.get("reset") === "1" ? "reset" : null;
  // The provider start route is the platform's, not the app's: its `next` is a full path.
  const base = basename.replace(/\/+$/, "");
  const target = safeNext(next, "/");
  const returnTo = target === "/" ? base || "/" : `${base}${target}`;
  let options: { id: string; name: string }[] = [];
  try {
    options = await context.auth.listSsoSignInOptions();
  } catch (err) {
    // Password sign-in must keep working when the provider list cannot be read.
    console.error(err);
  }
  const sso = options.map((option) => ({
    id: option.id,
    name: option.name,
    href: `/auth/sso/${encodeURIComponent(option.id)}/start?next=${encodeURIComponent(returnTo)}`,
  }));
  return { notice, sso };
}

/** Email and password; then on to two-step verification, its set-up, or `next`. */
export async function staffSignInAction({ context, request }: Args): Promise<ActionResult<StaffSignInActionData>> {
  const form = await formInput(request);
  let result;
  try {
    result = await context.auth.signInWithPassword("staff", form);
  } catch (err) {
    return { body: { errors: actionErrors(err), values: keepValues(form, ["email"]) }, init: { status: 400 } };
  }
  throw redirectTo(afterPassword(result.secondFactor, requestedNext(request)), cookieHeaders(result.cookies));
}

export interface TwoStepActionData {
  errors: FormErrors;
}

/** Only for a session that owes a code; everyone else goes where they belong. */
export function twoStepLoader({ context, request }: Args): null {
  const { user, secondFactor } = context.auth;
  const next = requestedNext(request);
  if (user) throw redirectTo(safeNext(next, "/"));
  if (secondFactor === "enrol") throw redirectTo(`/two-step/setup${nextQuery(next)}`);
  if (secondFactor !== "verify") throw redirectTo(`/sign-in${nextQuery(next)}`);
  return null;
}

/** A code from the authenticator app, or a recovery code. */
export async function twoStepAction({ context, request }: Args): Promise<ActionResult<TwoStepActionData>> {
  const form = await formInput(request);
  let result;
  try {
    result = await context.auth.verifySecondFactor(form);
  } catch (err) {
    return { body: { errors: actionErrors(err) }, init: { status: 400 } };
  }
  throw redirectTo(safeNext(requestedNext(request), "/"), cookieHeaders(result.cookies));
}

export interface TwoStepSetupLoaderData {
  /** `required`: the sign-in cannot finish without it; `optional`: a signed-in staff member adds it; `enabled`: already on. */
  mode: "required" | "optional" | "enabled";
  /** Where to go afterwards, inside the app. */
  continueTo: string;
}

export type TwoStepSetupActionData =
  | { stage: "start"; errors: FormErrors }
  | { stage: "confirm"; secret: string; uri: string; errors?: FormErrors }
  | { stage: "done"; recoveryCodes: string[] };

/** Shows the explanation; never starts an enrolment itself (loaders run on GET and must not change state). */
export function twoStepSetupLoader({ context, request }: Args, basename: string): TwoStepSetupLoaderData {
  const { user, secondFactor } = context.auth;
  const next = requestedNext(request);
  const continueTo = safeNext(next, "/");
  if (!user) {
    if (secondFactor === "enrol") return { mode: "required", continueTo };
    if (secondFactor === "verify") throw redirectTo(`/two-step${nextQuery(next)}`);
    throw redirectTo(`/sign-in${nextQuery(currentPath(request, basename))}`);
  }
  if (user.kind !== "staff") throw forbidden("missing_role");
  return { mode: user.secondFactorEnabled ? "enabled" : "optional", continueTo };
}

/**
 * `intent=begin` writes a pending secret and returns it to show; `intent=confirm` checks
 * the first code, switches two-step on and returns the recovery codes, once. The secret
 * rides along in hidden fields only so a wrong code can show it again.
 */
export async function twoStepSetupAction({ context, request }: Args): Promise<ActionResult<TwoStepSetupActionData>> {
  const form = await formInput(request);
  if (form.intent === "confirm") {
    const shown = keepValues(form, ["secret", "uri"]);
    try {
      const { cookies, recoveryCodes } = await context.auth.confirmTotpEnrolment(form);
      return { body: { stage: "done", recoveryCodes }, init: { headers: cookieHeaders(cookies) } };
    } catch (err) {
      const errors = actionErrors(err);
      if (!shown.secret) return { body: { stage: "start", errors }, init: { status: 400 } };
      return { body: { stage: "confirm", secret: shown.secret, uri: shown.uri ?? "", errors }, init: { status: 400 } };
    }
  }
  try {
    const { secret, uri } = await context.auth.beginTotpEnrolment();
    return { body: { stage: "confirm", secret, uri } };
  } catch (err) {
    return { body: { stage: "start", errors: actionErrors(err) }, init: { status: 400 } };
  }
}

export {
  forgotPasswordAction,
  inviteAction,
  inviteLoader,
  resetPasswordAction,
  resetPasswordLoader,
} from "./account-recovery.server";
export type {
  ForgotPasswordActionData,
  InviteActionData,
  InviteLoaderData,
  ResetPasswordActionData,
  ResetPasswordLoaderData,
} from "./account-recovery.server";
