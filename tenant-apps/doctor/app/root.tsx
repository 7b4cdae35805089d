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
  { to: "/", labelKey: "layout.nav.doctor.today", end: true },
  { to: "/calendar", labelKey: "layout.nav.doctor.calendar", can: ["read", "Appointment"] },
  { to: "/book", labelKey: "layout.nav.doctor.book", can: ["create", "Appointment"] },
  { to: "/availability", labelKey: "layout.nav.doctor.availability", can: ["read", "Availability"] },
  { to: "/patients", labelKey: "layout.nav.doctor.patients", can: ["read", "Appointment"] },
];

const account: AccountPaths = { signIn: "/sign-in", signOut: "/sign-out" };

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RootLayout appLabelKey="layout.app.doctor" nav={nav} account={account} navNeedsSignIn>
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
