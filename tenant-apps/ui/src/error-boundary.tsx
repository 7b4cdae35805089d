import { Form, isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { Container } from "./app-shell";
import { CsrfInput, LinkButton } from "./forms";
import { useT } from "./i18n";
import { useRootData } from "./root-data";

/** The `reason` of a 403 thrown by `requireStaff`/`requirePatient`, else null. */
function forbiddenReason(error: unknown): string | null {
  if (!isRouteErrorResponse(error) || error.status !== 403) return null;
  const data: unknown = typeof error.data === "string" ? safeParse(error.data) : error.data;
  const reason = (data as { reason?: unknown } | null)?.reason;
  return typeof reason === "string" ? reason : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Renders a thrown error by status: 404 says the page does not exist, 403 says whose
 * account lacks access (with a way to switch accounts), anything else is a generic
 * failure that reveals no details.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const root = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  const reason = forbiddenReason(error);

  if (!isRouteErrorResponse(error) && typeof console !== "undefined") {
    console.error(error);
  }

  let title = notFound ? t("common.error.pageNotFound") : t("common.error.title");
  let body = notFound ? t("common.error.pageNotFoundBody") : t("common.error.body");
  if (status === 403 && !reason) {
    // Refused for another reason, e.g. a form posted with an expired CSRF token: the server's text says what to do.
    title = t("layout.error.refused");
    body = isRouteErrorResponse(error) && typeof error.data === "string" && error.data && !error.data.startsWith("{") ? error.data : t("layout.error.refusedBody");
  }
  if (reason) {
    title =
      reason === "patients_only"
        ? t("layout.error.patientsOnly")
        : t(root && root.app !== "patient" ? `layout.error.forbidden.${root.app}` : "layout.error.forbidden.generic");
    body = root?.user
      ? t("layout.error.forbiddenBody", { name: root.user.name || root.user.email || "" })
      : t("layout.error.forbiddenAnon");
  }

  return (
    <Container className="py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-primary">
          {t("layout.error.status", { status })}
        </p>
        <h1 className="mt-2 font-heading text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
        <p className="mt-4 text-lg text-muted-foreground">{body}</p>
        <div className="mt-8 flex flex-col items-center gap-3">
          <Link
            to="/"
            reloadDocument={!notFound && !reason}
            className="inline-flex min-h-11 items-center rounded-brand bg-primary px-5 py-2.5 font-semibold text-primary-foreground"
          >
            {t("layout.error.home")}
          </Link>
          {reason && root?.user ? (
            <Form method="post" action="/sign-out">
              <CsrfInput />
              <LinkButton className="text-foreground">{t("layout.error.switchAccount")}</LinkButton>
            </Form>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
