/*
 * Who may use the console. Every page except sign-in and two-step goes through
 * `requireAdmin`; the sign-in pages use the other helpers to send a half-signed-in
 * admin to the step they still owe. Redirects are thrown `Response`s (Remix keeps
 * their Set-Cookie headers).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { ConsoleServices, PlatformAuth } from "@visitnow/platform/context";
import { safeNext } from "@visitnow/ui";
import { redirectTo } from "@visitnow/ui/server";

export { redirectTo };

/** The signed-in platform admin and the console services acting as them. */
export interface ConsoleSession {
  admin: NonNullable<PlatformAuth["admin"]>;
  services: ConsoleServices;
}

/** The platform-admin identity; a 404 off the platform host (the console is not there). */
export function platformAuthOf(context: AppLoadContext): PlatformAuth {
  if (!context.platformAuth) throw new Response("Not found", { status: 404 });
  return context.platformAuth;
}

/** `?next=<path>`, or nothing when there is no path to return to. */
export function nextQuery(path: string | null): string {
  return path ? `?next=${encodeURIComponent(path)}` : "";
}

/** The request's `?next=` if it is a safe path on this host, else null. */
export function requestedNext(request: Request): string | null {
  const next = new URL(request.url).searchParams.get("next");
  return next ? safeNext(next, "") || null : null;
}

/**
 * A fully signed-in platform admin (password and second factor), or a redirect to
 * `/sign-in?next=<this page>`; sign-in then sends a half-finished sign-in on to the
 * step it still owes.
 */
export function requireAdmin(context: AppLoadContext, request: Request): ConsoleSession {
  const auth = platformAuthOf(context);
  if (!auth.admin || !context.console) {
    const url = new URL(request.url);
    throw redirectTo(`/sign-in${nextQuery(url.pathname + url.search)}`);
  }
  return { admin: auth.admin, services: context.console };
}

/** Where a sign-in goes next: the second-factor step it owes, else the safe `next` or home. */
export function afterSignInStep(step: PlatformAuth["secondFactor"], next: string | null): string {
  if (step === "verify") return `/two-step${nextQuery(next)}`;
  if (step === "enrol") return `/two-step/setup${nextQuery(next)}`;
  return safeNext(next, "/");
}
