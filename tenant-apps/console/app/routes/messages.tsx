import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Container, EmptyState, PageHeader, pageMeta, useLocale, useT } from "@visitnow/ui";
import { requireAdmin } from "../auth.server";
import { formatDateTime, PLATFORM_TIME_ZONE } from "../components/format";
import { InboxIcon, InfoIcon, MailIcon, PhoneIcon } from "@visitnow/ui";

export const meta = pageMeta("console.messages.metaTitle");

/** The development message channel, newest first, with each tenant's time zone for the timestamps. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { services } = requireAdmin(context, request);
  const [messages, tenants] = await Promise.all([services.listDevMessages(), services.listTenants()]);
  messages.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const zones = Object.fromEntries(tenants.map((tenant) => [tenant.slug, tenant.timeZone]));
  return { messages, zones };
}

export default function Messages() {
  const t = useT();
  const { locale } = useLocale();
  const { messages, zones } = useLoaderData<typeof loader>();

  return (
    <Container>
      <PageHeader eyebrow={t("console.home.eyebrow")} title={t("console.messages.title")} lead={t("console.messages.lead")} />

      <div className="mb-6 flex items-start gap-3 rounded-brand border-2 border-accent bg-surface p-4 text-surface-foreground">
        <span aria-hidden="true" className="mt-0.5 shrink-0 text-accent">
          <InfoIcon />
        </span>
        <p>
          <strong className="font-semibold">{t("console.messages.bannerTitle")}</strong> {t("console.messages.bannerBody")}
        </p>
      </div>

      <section aria-labelledby="message-list-title">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <h2 id="message-list-title" className="font-heading text-xl font-semibold">
            {t("console.messages.listTitle")}
          </h2>
          <Badge tone="neutral">{t("console.messages.count", { count: messages.length })}</Badge>
        </div>

        {messages.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t("console.messages.emptyTitle")}>
            <p>{t("console.messages.emptyBody")}</p>
          </EmptyState>
        ) : (
          <ol className="grid gap-4">
            {messages.map((message) => {
              const zone = (message.tenantSlug && zones[message.tenantSlug]) || PLATFORM_TIME_ZONE;
              const titleId = `message-${message.id}`;
              return (
                <li key={message.id}>
                  <article
                    aria-labelledby={titleId}
                    className="rounded-brand border border-border bg-surface p-4 text-surface-foreground shadow-sm sm:p-5"
                  >
                    <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                      <div className="flex min-w-0 flex-wrap items-center gap-2">
                        <Badge tone={message.channel === "sms" ? "info" : "brand"}>
                          {message.channel === "sms" ? <PhoneIcon width={14} height={14} /> : <MailIcon width={14} height={14} />}
                          {t(`console.messages.channel.${message.channel}`)}
                        </Badge>
                        <h3 id={titleId} className="min-w-0 break-all font-semibold">
                          <span className="sr-only">{t("console.messages.to")} </span>
                          {message.recipient}
                        </h3>
                      </div>
                      <p className="flex shrink-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
                        {message.tenantSlug ? (
                          <span className="rounded-brand bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">
                            <span className="sr-only">{t("console.messages.tenant")} </span>
                            {message.tenantSlug}
                          </span>
                        ) : (
                          <span className="text-xs">{t("console.messages.platformWide")}</span>
                        )}
                        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale, zone)}</time>
                      </p>
                    </header>
                    {message.subject ? <p className="mt-3 font-semibold">{message.subject}</p> : null}
                    <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-brand bg-muted p-3 font-mono text-sm text-foreground">
                      {message.body}
                    </pre>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </Container>
  );
}
