import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { cookieHeaders } from "@visitnow/ui";

/** Signing out changes state, so it is a POST only; a stray GET just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  const { cookies } = await context.auth.signOut();
  return redirect("/", { headers: cookieHeaders(cookies) });
}
