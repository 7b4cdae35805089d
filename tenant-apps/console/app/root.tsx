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
  { to: "/", labelKey: "layout.nav.console.tenants", end: true },
  { to: "/operations", labelKey: "layout.nav.console.operations" },
];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RootLayout appLabelKey="layout.app.console" nav={nav}>
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
