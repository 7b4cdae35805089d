import { Form, Link, NavLink } from "@remix-run/react";
import { CsrfInput, LinkButton } from "./forms";
import { useT } from "./i18n";
import { useRootData } from "./root-data";

/** Where an app's sign-in, sign-out and account pages live (paths inside the app). */
export interface AccountPaths {
  signIn: string;
  signOut: string;
  /** The patient's account page; staff apps have none yet. */
  account?: string;
}

const itemClass =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-brand px-2 text-sm font-medium sm:px-3 sm:text-[0.9375rem]";

/** The first word of a name, for a short greeting; empty when there is no name yet. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/**
 * The header's account corner: "Sign in" when signed out; otherwise who is signed in
 * (a patient's first name links to their account, staff see their name and role) and
 * Sign out, a POST form because signing out changes state.
 */
export function AccountNav({ paths }: { paths: AccountPaths }) {
  const t = useT();
  const user = useRootData()?.user ?? null;

  if (!user) {
    return (
      <NavLink
        to={paths.signIn}
        className={({ isActive }) =>
          `${itemClass} ${isActive ? "bg-secondary text-secondary-foreground" : "text-surface-foreground hover:bg-muted hover:text-muted-foreground"}`
        }
      >
        {t("layout.nav.signIn")}
      </NavLink>
    );
  }

  const shortName = firstName(user.name) || t("layout.account.you");
  const roles = user.kind === "staff" ? user.roles.map((role) => t(`layout.role.${role}`)).join(", ") : "";

  return (
    <nav aria-label={t("layout.account.label")} className="sm:border-l sm:border-border sm:pl-3">
      <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
        <li>
          {user.kind === "patient" && paths.account ? (
            <Link
              to={paths.account}
              aria-label={t("layout.account.linkLabel", { name: shortName })}
              className={`${itemClass} gap-2 text-surface-foreground hover:bg-muted hover:text-muted-foreground`}
            >
              <span aria-hidden="true" className="inline-flex size-7 items-center justify-center rounded-full bg-primary text-xs font-bold text-primary-foreground">
                {shortName.slice(0, 1).toUpperCase()}
              </span>
              {shortName}
            </Link>
          ) : (
            <span className="flex min-h-11 flex-col justify-center px-2 text-sm leading-tight">
              <span className="font-semibold">{user.name || user.email}</span>
              {roles ? <span className="text-muted-foreground">{roles}</span> : null}
            </span>
          )}
        </li>
        <li>
          <Form method="post" action={paths.signOut}>
            <CsrfInput />
            <LinkButton className="text-sm sm:text-[0.9375rem]">{t("layout.account.signOut")}</LinkButton>
          </Form>
        </li>
      </ul>
    </nav>
  );
}
