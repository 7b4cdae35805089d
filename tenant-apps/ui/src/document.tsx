import type { ReactNode } from "react";
import { Links, Meta, Scripts, ScrollRestoration } from "@remix-run/react";

/**
 * The html document every app renders: `lang`, the tenant theme's CSS variables
 * (after the stylesheet links, so the theme wins over fallbacks) and its favicon.
 */
export function Document({
  lang,
  themeCss,
  faviconUrl,
  children,
}: {
  lang: string;
  themeCss?: string;
  faviconUrl?: string;
  children: ReactNode;
}) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {themeCss ? <style dangerouslySetInnerHTML={{ __html: themeCss }} /> : null}
        {faviconUrl ? <link rel="icon" href={faviconUrl} type="image/svg+xml" /> : null}
      </head>
      <body className="min-h-dvh bg-background font-body text-foreground antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
