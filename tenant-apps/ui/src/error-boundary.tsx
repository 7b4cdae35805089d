import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { Container } from "./app-shell";
import { useT } from "./i18n";

/**
 * Renders a thrown error by status: 404 says the page does not exist, anything
 * else is a generic failure that reveals no details.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;

  if (!isRouteErrorResponse(error) && typeof console !== "undefined") {
    console.error(error);
  }

  return (
    <Container className="py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-primary">
          {t("layout.error.status", { status })}
        </p>
        <h1 className="mt-2 font-heading text-3xl font-bold tracking-tight sm:text-4xl">
          {notFound ? t("common.error.pageNotFound") : t("common.error.title")}
        </h1>
        <p className="mt-4 text-lg text-muted-foreground">
          {notFound ? t("common.error.pageNotFoundBody") : t("common.error.body")}
        </p>
        <p className="mt-8">
          <Link
            to="/"
            reloadDocument={!notFound}
            className="inline-flex min-h-11 items-center rounded-brand bg-primary px-5 py-2.5 font-semibold text-primary-foreground"
          >
            {t("layout.error.home")}
          </Link>
        </p>
      </div>
    </Container>
  );
}
