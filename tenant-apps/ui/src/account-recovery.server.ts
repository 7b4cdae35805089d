/*
 * Server-only helpers for the pages that get someone into an account without signing
 * in: "forgot password", the emailed reset link and the staff invitation link. The
 * patient site, the doctor hub and the admin console share them; redirects stay
 * inside the app (Remix adds the basename).
 */
import type { VisitNowLoadContext } from "@visitnow/platform/context";
import { actionErrors, keepValues, type FormErrors } from "./action-errors";
import { formInput, redirectTo, type ActionResult } from "./auth.server";
import { translate } from "./i18n";

interface Args {
  context: VisitNowLoadContext;
  request: Request;
  params: { token?: string };
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === code;
}

function text(value: FormDataEntryValue | undefined): string {
  return typeof value === "string" ? value : "";
}

/**
 * The "type it again" check the server cannot make (it only ever sees one password):
 * a field error on `confirmPassword`, or null when the two match.
 */
function confirmError(context: VisitNowLoadContext, form: Record<string, FormDataEntryValue>): FormErrors | null {
  const password = text(form.password);
  const confirm = text(form.confirmPassword);
  if (password === "" || password === confirm) return null;
  const message = translate(context.i18n.messages, confirm ? "layout.recovery.mismatch" : "layout.recovery.confirmMissing");
  return { formError: null, fieldErrors: { confirmPassword: message } };
}

/* ---------- forgot password ---------- */

export interface ForgotPasswordActionData {
  sent: boolean;
  errors?: FormErrors;
  values?: Record<string, string>;
}

/** Asks for a reset link; the page then says the same thing whether or not the account exists. */
export async function forgotPasswordAction(
  { context, request }: Omit<Args, "params">,
  audience: "patient" | "staff",
): Promise<ActionResult<ForgotPasswordActionData>> {
  const form = await formInput(request);
  try {
    await context.auth.requestPasswordReset(audience, { email: text(form.email) });
  } catch (err) {
    return { body: { sent: false, errors: actionErrors(err), values: keepValues(form, ["email"]) }, init: { status: 400 } };
  }
  return { body: { sent: true } };
}

/* ---------- reset password ---------- */

export interface ResetPasswordLoaderData {
  /** False for an unknown, used or expired link: the page offers a new one instead of the form. */
  valid: boolean;
}

export interface ResetPasswordActionData {
  errors: FormErrors;
  /** The link stopped working between showing the form and posting it. */
  invalid?: boolean;
}

/** Checks the link before showing the form (read-only: the token is only spent by the POST). */
export async function resetPasswordLoader({ context, params }: Args): Promise<ResetPasswordLoaderData> {
  try {
    // Either kind may use the form here: a patient link opened in the doctor hub still works.
    await context.auth.describeResetToken(params.token ?? "");
    return { valid: true };
  } catch (err) {
    if (isCode(err, "not_found")) return { valid: false };
    throw err;
  }
}

/** Sets the new password (which signs the account out everywhere), then on to `/sign-in?reset=1`. */
export async function resetPasswordAction({ context, request, params }: Args): Promise<ActionResult<ResetPasswordActionData>> {
  const form = await formInput(request);
  const mismatch = confirmError(context, form);
  if (mismatch) return { body: { errors: mismatch }, init: { status: 400 } };
  try {
    await context.auth.resetPassword({ token: params.token ?? "", password: text(form.password) });
  } catch (err) {
    return { body: { errors: actionErrors(err), invalid: isCode(err, "not_found") }, init: { status: 400 } };
  }
  throw redirectTo("/sign-in?reset=1");
}

/* ---------- staff invitation ---------- */

export type InviteLoaderData =
  | { state: "open"; role: string; emailMasked: string; name: string | null }
  | { state: "expired" }
  | { state: "invalid" };

export interface InviteActionData {
  errors: FormErrors;
  values: Record<string, string>;
  invalid?: boolean;
}

/** What the link is for, or why it no longer works (never a 404 page: the person needs a next step). */
export async function inviteLoader({ context, params }: Args): Promise<InviteLoaderData> {
  try {
    const invite = await context.auth.describeInvite(params.token ?? "");
    if (invite.expired) return { state: "expired" };
    return { state: "open", role: invite.role, emailMasked: invite.emailMasked, name: invite.name };
  } catch (err) {
    if (isCode(err, "not_found")) return { state: "invalid" };
    throw err;
  }
}

/** Creates the staff account from the invitation, then on to `/sign-in?invited=1` to sign in normally. */
export async function inviteAction({ context, request, params }: Args): Promise<ActionResult<InviteActionData>> {
  const form = await formInput(request);
  const values = keepValues(form, ["name"]);
  const mismatch = confirmError(context, form);
  if (mismatch) return { body: { errors: mismatch, values }, init: { status: 400 } };
  try {
    await context.auth.acceptInvite({ token: params.token ?? "", name: text(form.name), password: text(form.password) });
  } catch (err) {
    return { body: { errors: actionErrors(err), values, invalid: isCode(err, "not_found") }, init: { status: 400 } };
  }
  throw redirectTo("/sign-in?invited=1");
}
