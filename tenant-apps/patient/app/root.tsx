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
  { to: "/search", labelKey: "layout.nav.findDoctor" },
  { to: "/appointments", labelKey: "layout.nav.myAppointments" },
  // Doctors apply on the public site itself; the link names who it is for.
  { to: "/join", labelKey: "patient.nav.join" },
];

const account: AccountPaths = { signIn: "/sign-in", signOut: "/sign-out", account: "/account" };

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RootLayout nav={nav} account={account}>
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
