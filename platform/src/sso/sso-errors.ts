import { DomainError } from "../errors/index.js";

/** Why an SSO sign-in was refused: a fixed slug, safe for audit metadata and logs. */
export type SsoRefusal =
  | "invalid_state"
  | "browser_mismatch"
  | "expired"
  | "replayed"
  | "provider_unavailable"
  | "idp_error"
  | "response_rejected"
  | "email_unverified"
  | "email_domain"
  | "no_role"
  | "account_disabled"
  | "account_conflict";

const MESSAGES: Record<SsoRefusal, string> = {
  invalid_state: "This sign-in link is not valid here. Please start signing in again.",
  browser_mismatch: "This sign-in was started in another browser. Please start signing in again in this browser.",
  expired: "This sign-in took too long and has expired. Please start signing in again.",
  replayed: "This sign-in link has already been used. Please start signing in again.",
  provider_unavailable: "This sign-in option is no longer available. Please ask your administrator.",
  idp_error: "Your organisation's sign-in service did not complete the sign-in. Please try again.",
  response_rejected: "We could not verify the answer from your organisation's sign-in service. Please start signing in again.",
  email_unverified: "Your organisation's sign-in service did not confirm your email address, so we cannot sign you in.",
  email_domain: "Your organisation account is not allowed to sign in to this site. Please ask your administrator.",
  no_role: "Your account has no staff role here yet. Please ask your administrator to add you to a group that has access.",
  account_disabled: "This account is disabled. Please contact the hospital's administrator.",
  account_conflict: "An account with this email address is already linked to another sign-in. Please ask your administrator.",
};

/** A refused SSO sign-in: the message is safe to show; `reason` is for audit and logs. */
export class SsoSignInError extends DomainError {
  readonly reason: SsoRefusal;

  constructor(reason: SsoRefusal, options?: { cause?: unknown }) {
    super("unauthenticated", MESSAGES[reason], { reason }, options);
    this.reason = reason;
  }
}

/** Returns true when `err` is an `SsoSignInError`. */
export function isSsoSignInError(err: unknown): err is SsoSignInError {
  return err instanceof SsoSignInError;
}
