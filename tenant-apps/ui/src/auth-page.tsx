import type { ReactNode } from "react";
import { Container } from "./app-shell";
import { Card } from "./primitives";

/** A narrow, centred column for sign-in style pages: heading, lead, the form's card, then links. */
export function AuthPage({
  eyebrow,
  title,
  lead,
  children,
  footer,
  wide = false,
}: {
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
  /** Links under the card ("Create an account", "Use a code instead"). */
  footer?: ReactNode;
  /** A wider column, for pages with more to read (two-step set-up). */
  wide?: boolean;
}) {
  return (
    <Container>
      <div className={`mx-auto w-full py-8 sm:py-12 ${wide ? "max-w-xl" : "max-w-md"}`}>
        {eyebrow ? <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-primary">{eyebrow}</p> : null}
        <h1 className="font-heading text-3xl font-bold tracking-tight text-foreground sm:text-4xl">{title}</h1>
        {lead ? <p className="mt-3 text-lg text-muted-foreground">{lead}</p> : null}
        <Card className="mt-6">{children}</Card>
        {footer ? <div className="mt-6 flex flex-col gap-3 text-foreground">{footer}</div> : null}
      </div>
    </Container>
  );
}

/** A text link in the page's body style (underlined, theme primary). */
export const textLinkClass = "font-semibold text-primary underline underline-offset-4 hover:no-underline";
