import { GeneralErrorBoundary, pageMeta } from "@visitnow/ui";

/*
 * Catch-all: unknown paths throw a 404 from a loader, so the root loader still runs
 * and the not-found page keeps the tenant's theme, language and navigation.
 */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export const meta = pageMeta("common.error.pageNotFound");

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
