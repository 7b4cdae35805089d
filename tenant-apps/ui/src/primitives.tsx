import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "@remix-run/react";

/*
 * Text colours here only ever use the theme's checked pairs (foreground on its own
 * background), so every theme meets WCAG AA without per-tenant review.
 */

export type BadgeTone = "neutral" | "brand" | "info" | "warning";

const badgeTones: Record<BadgeTone, string> = {
  neutral: "bg-muted text-muted-foreground",
  brand: "bg-primary text-primary-foreground",
  info: "bg-secondary text-secondary-foreground",
  warning: "bg-accent text-accent-foreground",
};

/** A short status label. Pass `dotClassName` for a decorative status dot. */
export function Badge({
  tone = "neutral",
  children,
  dotClassName,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  dotClassName?: string;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${badgeTones[tone]}`}
    >
      {dotClassName ? <span aria-hidden="true" className={`size-2 rounded-full ${dotClassName}`} /> : null}
      {children}
    </span>
  );
}

/** A surface panel. */
export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div className={`rounded-brand border border-border bg-surface p-5 text-surface-foreground shadow-sm sm:p-6 ${className}`}>
      {children}
    </div>
  );
}

export type ButtonVariant = "primary" | "secondary";

const buttonVariants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-primary-foreground hover:brightness-110",
  secondary: "bg-secondary text-secondary-foreground hover:brightness-95",
};

const buttonBase =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-brand px-5 py-2.5 font-semibold no-underline transition-[filter] disabled:cursor-not-allowed disabled:opacity-60";

/** A button in the tenant's colours. */
export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={`${buttonBase} ${buttonVariants[variant]} ${className}`} {...props} />;
}

/** A link that looks like a button. */
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: LinkProps & { variant?: ButtonVariant }) {
  return <Link className={`${buttonBase} ${buttonVariants[variant]} ${className}`} {...props} />;
}

/** The page's `<h1>` with an optional eyebrow and lead paragraph. */
export function PageHeader({
  eyebrow,
  title,
  lead,
  actions,
}: {
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 py-8 sm:flex-row sm:items-end sm:justify-between sm:py-10">
      <div className="max-w-3xl">
        {eyebrow ? <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-primary">{eyebrow}</p> : null}
        <h1 className="font-heading text-3xl font-bold tracking-tight text-foreground sm:text-4xl">{title}</h1>
        {lead ? <p className="mt-3 text-lg text-muted-foreground">{lead}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}

/** A card describing a feature that is on its way: icon, title, text and a "coming soon" badge. */
export function FeatureCard({
  icon,
  title,
  children,
  badge,
  headingLevel = 2,
}: {
  icon?: ReactNode;
  title: ReactNode;
  children: ReactNode;
  badge?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card className="flex h-full flex-col gap-3">
      <div className="flex items-start justify-between gap-3">
        {icon ? (
          <span aria-hidden="true" className="inline-flex size-11 items-center justify-center rounded-brand bg-secondary text-secondary-foreground">
            {icon}
          </span>
        ) : null}
        {badge}
      </div>
      <Heading className="font-heading text-lg font-semibold">{title}</Heading>
      <div className="text-muted-foreground">{children}</div>
    </Card>
  );
}

/** A friendly "nothing here yet" panel. */
export function EmptyState({ icon, title, children }: { icon?: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-brand border border-dashed border-border bg-surface px-6 py-12 text-center text-surface-foreground">
      {icon ? (
        <span aria-hidden="true" className="inline-flex size-12 items-center justify-center rounded-full bg-secondary text-secondary-foreground">
          {icon}
        </span>
      ) : null}
      <p className="font-heading text-lg font-semibold">{title}</p>
      {children ? <div className="max-w-prose text-muted-foreground">{children}</div> : null}
    </div>
  );
}
