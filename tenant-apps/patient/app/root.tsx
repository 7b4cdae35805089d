import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary, pageMeta, RootLayout, toRootData, type NavItem } from "@visitnow/ui";
import type { ReactNode } from "react";
import stylesheet from "./app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta = pageMeta();

/** Tenant, theme and catalogue for the page chrome, straight from the server's context. */
export function loader({ context }: LoaderFunctionArgs) {
  return toRootData(context);
}

const nav: NavItem[] = [
  { to: "/search", labelKey: "layout.nav.findDoctor" },
  { to: "/appointments", labelKey: "layout.nav.myAppointments" },
  { to: "/sign-in", labelKey: "layout.nav.signIn" },
];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RootLayout nav={nav}>
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
