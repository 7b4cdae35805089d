import { safeNext } from "@visitnow/ui";

/** `?next=` of the request if it is a safe path on this site, else null. */
export function requestedNext(request: Request): string | null {
  const next = new URL(request.url).searchParams.get("next");
  return next ? safeNext(next, "") || null : null;
}

/** Where a patient lands after signing in: `next` when safe, else their account. */
export function afterSignIn(request: Request): string {
  return requestedNext(request) ?? "/account";
}
