import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary, pageMeta, RootLayout, toRootData, type AccountPaths, type NavItem } from "@visitnow/ui";
import type { ReactNode } from "react";
import stylesheet from "./app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta = pageMeta();

/** Tenant, theme, catalogue, the signed-in account and the CSRF token, straight from the server's context. */
export function loader({ context }: LoaderFunctionArgs) {
  return toRootData(context);
}

const nav: NavItem[] = [
  { to: "/", labelKey: "layout.nav.admin.overview", end: true },
  { to: "/doctors", labelKey: "layout.nav.admin.doctors", can: ["read", "Provider"] },
  { to: "/clinics", labelKey: "admin.nav.clinics", can: ["read", "Clinic"] },
  { to: "/specialties", labelKey: "admin.nav.specialties", can: ["read", "Provider"] },
  { to: "/staff", labelKey: "layout.nav.admin.team", can: ["read", "StaffUser"] },
  { to: "/security", labelKey: "layout.nav.admin.security", can: ["read", "SupportGrant"] },
  { to: "/operations", labelKey: "layout.nav.admin.operations" },
  { to: "/settings", labelKey: "layout.nav.admin.settings" },
];

const account: AccountPaths = { signIn: "/sign-in", signOut: "/sign-out" };

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RootLayout appLabelKey="layout.app.admin" nav={nav} account={account} navNeedsSignIn>
      {children}
    </RootLayout>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
