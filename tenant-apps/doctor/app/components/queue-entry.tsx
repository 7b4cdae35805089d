import { Form, Link } from "@remix-run/react";
import type { AppointmentStatus, QueueEntryView } from "@visitnow/platform/context";
import { Badge, Button, CsrfInput, intlLocale, textLinkClass, useLocale, useT, type BadgeTone } from "@visitnow/ui";
import { allowedActions, waitText, type MoveIntent } from "./queue-model";

const STATUS_TONE: Partial<Record<AppointmentStatus, BadgeTone>> = {
  booked: "neutral",
  checked_in: "info",
  in_consultation: "brand",
  completed: "neutral",
  no_show: "warning",
  cancelled: "warning",
};

/** The status as a badge, in the page's language. */
export function QueueStatusBadge({ status }: { status: AppointmentStatus }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{t(`doctor.queue.status.${status}`)}</Badge>;
}

/** Formats an ISO instant as a wall-clock time in `timeZone` (the clinic's). */
export function useClinicTime(): (iso: string, timeZone: string) => string {
  const { locale } = useLocale();
  return (iso, timeZone) => new Intl.DateTimeFormat(intlLocale(locale), { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** The account holder's name, for a dependant's visit. */
function bookerName(entry: QueueEntryView): string | null {
  return entry.visitor.accountHolderName || null;
}

const ACTION_LABEL: Record<MoveIntent, string> = {
  check_in: "checkIn",
  start: "start",
  complete: "complete",
  no_show: "noShow",
};

/** Hidden fields every queue form carries so the page comes back to the same doctor and clinic. */
export function QueueScopeFields({ doctorId, clinicId, date }: { doctorId: string; clinicId: string | null; date: string | null }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="doctor" value={doctorId} />
      {clinicId ? <input type="hidden" name="clinic" value={clinicId} /> : null}
      {date ? <input type="hidden" name="date" value={date} /> : null}
    </>
  );
}

/**
 * One patient in the queue: position, time, who, status, wait and the moves allowed now.
 * Each button's accessible name includes the patient ("Check in Kabir Verma"). Cancelling
 * asks first: the Cancel link opens a confirmation inside the row (`?cancel=<id>`).
 */
export function QueueEntry({
  entry,
  doctorId,
  clinicId,
  date,
  mayRun,
  mayCancel,
  confirmingCancel,
  cancelHref,
  keepHref,
  busy,
}: {
  entry: QueueEntryView;
  doctorId: string;
  clinicId: string | null;
  date: string | null;
  mayRun: boolean;
  mayCancel: boolean;
  confirmingCancel: boolean;
  cancelHref: string;
  keepHref: string;
  busy: boolean;
}) {
  const t = useT();
  const time = useClinicTime();
  const name = entry.visitor.name;
  const wait = waitText(entry);
  const actions = mayRun ? allowedActions(entry.status, mayCancel) : [];
  const moves = actions.filter((a): a is MoveIntent => a !== "cancel");
  const booker = bookerName(entry);
  const headingId = `entry-${entry.id}-name`;

  return (
    <li id={`entry-${entry.id}`} aria-labelledby={headingId} className="flex flex-col gap-4 py-5 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 gap-3">
        <span
          className={`inline-flex size-10 shrink-0 items-center justify-center rounded-full font-heading text-lg font-bold ${
            entry.status === "in_consultation" ? "bg-primary text-primary-foreground" : "bg-secondary text-secondary-foreground"
          }`}
        >
          <span className="sr-only">{t("doctor.queue.position")} </span>
          {entry.position}
        </span>
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span id={headingId} className="font-heading text-lg font-semibold break-words">
              {name}
            </span>
            <QueueStatusBadge status={entry.status} />
          </p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted-foreground">
            <time dateTime={entry.startsAt} className="font-semibold text-foreground">
              {time(entry.startsAt, entry.timeZone)}
            </time>
            <span>
              {wait.kind === "now"
                ? t("doctor.queue.wait.now")
                : wait.kind === "next"
                  ? t("doctor.queue.wait.next")
                  : t("doctor.queue.wait.minutes", { minutes: wait.minutes })}
            </span>
            {entry.mode === "video" ? <span>{t("doctor.queue.video")}</span> : null}
          </p>
          {entry.visitor.kind === "dependant" ? (
            <p className="mt-1 text-sm">
              {booker ? t("doctor.queue.forDependant", { name, booker }) : t("doctor.queue.forDependantNoBooker", { name })}
            </p>
          ) : null}
          {entry.reason ? (
            <p className="mt-1 text-sm break-words">
              <span className="text-muted-foreground">{t("doctor.queue.reason")} </span>
              {entry.reason}
            </p>
          ) : null}
        </div>
      </div>

      {actions.length > 0 && !confirmingCancel ? (
        <div className="flex flex-wrap gap-2 sm:max-w-[55%] sm:justify-end">
          {moves.length > 0 ? (
            <Form method="post" className="contents">
              <QueueScopeFields doctorId={doctorId} clinicId={clinicId} date={date} />
              <input type="hidden" name="id" value={entry.id} />
              {moves.map((intent, i) => (
                <Button
                  key={intent}
                  type="submit"
                  name="intent"
                  value={intent}
                  variant={i === 0 ? "primary" : "secondary"}
                  disabled={busy}
                  aria-label={t(`doctor.queue.action.${ACTION_LABEL[intent]}For`, { name })}
                  className="px-4"
                >
                  {t(`doctor.queue.action.${ACTION_LABEL[intent]}`)}
                </Button>
              ))}
            </Form>
          ) : null}
          {actions.includes("cancel") ? (
            <Link
              to={cancelHref}
              preventScrollReset
              aria-label={t("doctor.queue.action.cancelFor", { name })}
              className="inline-flex min-h-11 items-center rounded-brand px-3 font-semibold text-foreground underline underline-offset-4 hover:no-underline"
            >
              {t("doctor.queue.action.cancel")}
            </Link>
          ) : null}
        </div>
      ) : null}

      {confirmingCancel && actions.includes("cancel") ? (
        <Form method="post" className="flex w-full flex-col gap-3 rounded-brand border-2 border-danger bg-danger-soft p-4 sm:max-w-sm" aria-labelledby={`cancel-${entry.id}-title`}>
          <QueueScopeFields doctorId={doctorId} clinicId={clinicId} date={date} />
          <input type="hidden" name="id" value={entry.id} />
          <p id={`cancel-${entry.id}-title`} className="font-semibold">
            {t("doctor.queue.cancel.confirm", { name, time: time(entry.startsAt, entry.timeZone) })}
          </p>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`cancel-${entry.id}-reason`} className="font-medium">
              {t("doctor.queue.cancel.reason")} <span className="font-normal text-muted-foreground">{t("layout.form.optional")}</span>
            </label>
            <input
              id={`cancel-${entry.id}-reason`}
              name="reason"
              maxLength={500}
              // The confirmation was asked for: put the person straight into it.
              autoFocus
              className="min-h-12 w-full rounded-brand border border-muted-foreground bg-surface px-4 text-base text-surface-foreground"
            />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" name="intent" value="cancel" disabled={busy} aria-label={t("doctor.queue.cancel.yesFor", { name })}>
              {t("doctor.queue.cancel.yes")}
            </Button>
            <Link to={keepHref} preventScrollReset className={`${textLinkClass} inline-flex min-h-11 items-center`}>
              {t("doctor.queue.cancel.keep")}
            </Link>
          </div>
        </Form>
      ) : null}
    </li>
  );
}
