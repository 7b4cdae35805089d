import type { ActionFunctionArgs } from "@remix-run/node";
import { cookieHeaders } from "@visitnow/ui";
import { redirectTo } from "@visitnow/ui/server";

/** Signing out changes state, so it is a POST only; a stray GET just goes home. */
export function loader() {
  return redirectTo("/");
}

export async function action({ context }: ActionFunctionArgs) {
  const { cookies } = await context.auth.signOut();
  return redirectTo("/sign-in", cookieHeaders(cookies));
}
