import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary, pageMeta, toRootData, type NavItem } from "@visitnow/ui";
import type { ReactNode } from "react";
import stylesheet from "./app.css?url";
import { ConsoleLayout, type ConsoleRootData } from "./components/console-layout";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta = pageMeta();

/** Theme, catalogue, the CSRF token and the signed-in platform admin for the page chrome. */
export function loader({ context }: LoaderFunctionArgs): ConsoleRootData {
  return { ...toRootData(context), admin: context.platformAuth?.admin ?? null };
}

const nav: NavItem[] = [
  { to: "/", labelKey: "layout.nav.console.tenants", end: true },
  { to: "/messages", labelKey: "console.nav.messages" },
  { to: "/operations", labelKey: "layout.nav.console.operations" },
];

export function Layout({ children }: { children: ReactNode }) {
  return <ConsoleLayout nav={nav}>{children}</ConsoleLayout>;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
