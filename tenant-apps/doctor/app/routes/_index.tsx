import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { AppointmentView, QueueEntryView } from "@visitnow/platform/context";
import {
  actionErrors,
  Button,
  ButtonLink,
  Card,
  Container,
  EmptyState,
  intlLocale,
  PageHeader,
  pageMeta,
  QueueIcon,
  SelectField,
  StatusMessage,
  textLinkClass,
  translate,
  TwoStepPrompt,
  useCan,
  useT,
} from "@visitnow/ui";
import { QueueEntry, QueueScopeFields, QueueStatusBadge, useClinicTime } from "../components/queue-entry";
import { QueueLiveStatus, useLiveQueue } from "../components/queue-live";
import { isDate } from "../components/book-model";
import { groupByClinic, isMoveIntent, isQueueIntent, MOVES, nextToCall, queueSignature, queueSummary, todayIn, type QueueIntent } from "../components/queue-model";
import { chooseClinic, chooseDoctor, redirectToToday, requireHub } from "../hub.server";

export const meta = pageMeta("doctor.home.metaTitle");

const DONE = new Set<string>([...Object.keys(MOVES), "cancel", "call_next"]);

/** The page's query for a doctor, clinic and day (and extras). */
function todayParams(doctorId: string | null, clinicId: string | null, date: string | null, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (doctorId) params.set("doctor", doctorId);
  if (clinicId) params.set("clinic", clinicId);
  if (date) params.set("date", date);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

/** The page for a doctor, clinic and day (and extras), as a path inside the app. */
function todayHref(doctorId: string | null, clinicId: string | null, date: string | null, extra: Record<string, string> = {}): string {
  const query = todayParams(doctorId, clinicId, date, extra).toString();
  return query ? `/?${query}` : "/";
}

/**
 * Today's queue (or `?date=`'s) for one doctor (the `?doctor=` the user may see, else their
 * first) at one clinic or all of theirs, plus the day's finished visits for the summary counts.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { hub, user } = requireHub(context, request);
  const url = new URL(request.url);
  const doctors = await hub.doctors();
  const doctor = chooseDoctor(doctors, url);
  const clinic = chooseClinic(doctor, url);
  const timeZone = clinic?.timeZone ?? doctor?.clinics[0]?.timeZone ?? context.tenant?.timeZone ?? "Asia/Kolkata";
  const today = todayIn(timeZone);
  const askedDate = url.searchParams.get("date") ?? "";
  // Another day's queue on request (e.g. from the calendar); today's by default.
  const date = isDate(askedDate) ? askedDate : today;
  const dayText = new Intl.DateTimeFormat(intlLocale(context.i18n.locale), { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

  let queue: QueueEntryView[] = [];
  let finished: AppointmentView[] = [];
  let dayCounted = false;
  if (doctor) {
    const [q, day] = await Promise.all([
      hub.queue({ providerId: doctor.id, clinicId: clinic?.id ?? null, date: date === today ? null : date }),
      // The summary's done and no-show counts; the queue still works if the calendar cannot be read.
      hub.calendar({ providerId: doctor.id, from: date, days: 1, clinicId: clinic?.id ?? null }).catch((err: unknown) => {
        console.error("today: calendar unavailable", (err as { code?: string }).code ?? err);
        return null;
      }),
    ]);
    queue = q;
    if (day) {
      dayCounted = true;
      finished = day.flatMap((d) => d.appointments).filter((a) => a.status === "completed" || a.status === "no_show");
    }
  }

  const done = url.searchParams.get("done");
  const cancelId = url.searchParams.get("cancel");
  return {
    dayText,
    isToday: date === today,
    date: date === today ? null : date,
    timeZone,
    secondFactorEnabled: user.secondFactorEnabled,
    doctors: doctors.map(({ id, name, clinics, allowed }) => ({ id, name, clinics, allowed })),
    doctor: doctor ? { id: doctor.id, name: doctor.name, clinics: doctor.clinics, allowed: doctor.allowed } : null,
    clinicId: clinic?.id ?? null,
    isOwnDay: doctors.length === 1 && user.roles.includes("doctor"),
    queue,
    finished,
    summary: queueSummary(queue, finished),
    dayCounted,
    done: done && DONE.has(done) ? done : null,
    booked: url.searchParams.get("booked") ? { at: formatDateTime(url.searchParams.get("at"), intlLocale(context.i18n.locale), timeZone) } : null,
    cancelId: cancelId && queue.some((e) => e.id === cancelId && e.status === "booked") ? cancelId : null,
  };
}

interface QueueActionData {
  intent: QueueIntent;
  error: string;
}

function codeOf(err: unknown): string | null {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : null;
}

/** One move in the queue (told apart by `intent`); success comes back to the same queue with `?done=`. */
export async function action({ context, request }: ActionFunctionArgs) {
  const { hub } = requireHub(context, request);
  const form = await request.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = form.get("intent");
  if (!isQueueIntent(intent)) throw new Response("Unknown form", { status: 400 });
  const doctorId = field("doctor");
  const clinicId = field("clinic") || null;
  const date = isDate(field("date")) ? field("date") : null;
  const say = (key: string) => translate(context.i18n.messages, key);
  const fail = (error: string, status: number) => data<QueueActionData>({ intent, error }, { status });

  try {
    if (intent === "call_next") {
      // Decided here from the current queue, not from what the page showed a moment ago.
      const queue = await hub.queue({ providerId: doctorId, clinicId, date });
      const next = nextToCall(queue, field("callClinic") || clinicId);
      if (!next) return fail(say("doctor.queue.error.nobodyWaiting"), 409);
      await hub.transition(next.id, "in_consultation");
    } else if (intent === "cancel") {
      await hub.cancel(field("id"), field("reason").trim() || null);
    } else if (isMoveIntent(intent)) {
      await hub.transition(field("id"), MOVES[intent]);
    }
  } catch (err) {
    const code = codeOf(err);
    if (code === "conflict") return fail(say("doctor.queue.error.conflict"), 409);
    if (code === "not_found" || code === "forbidden") return fail(say("doctor.queue.error.notFound"), 404);
    const errors = actionErrors(err);
    return fail(errors.formError ?? Object.values(errors.fieldErrors)[0] ?? say("doctor.queue.error.conflict"), 400);
  }
  return redirectToToday(request, todayParams(doctorId, clinicId, date, { done: intent }));
}

export default function Today() {
  const t = useT();
  const can = useCan();
  const time = useClinicTime();
  const loaderData = useLoaderData<typeof loader>();
  const { dayText, isToday, date, timeZone, secondFactorEnabled, doctors, doctor, clinicId, isOwnDay, queue, finished, summary, dayCounted, done, booked, cancelId } = loaderData;
  const actionData = useActionData<typeof action>() as QueueActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const live = useLiveQueue(doctor?.id ?? "", clinicId, date, queueSignature(queue));
  const mayCancel = can("cancel", "Appointment");
  const groups = groupByClinic(queue);
  const bookHref = doctor ? `/book?doctor=${encodeURIComponent(doctor.id)}` : "/book";

  return (
    <Container className="pb-16">
      <PageHeader
        eyebrow={dayText}
        title={
          isToday
            ? doctor && !isOwnDay
              ? t("doctor.today.titleFor", { name: doctor.name })
              : t("doctor.today.title")
            : doctor && !isOwnDay
              ? t("doctor.today.dayTitleFor", { name: doctor.name })
              : t("doctor.today.dayTitle")
        }
        lead={t("doctor.queue.lead", { timeZone })}
        actions={
          doctor?.allowed.book ? (
            <ButtonLink to={bookHref} variant="secondary">
              {t("doctor.today.book")}
            </ButtonLink>
          ) : null
        }
      />

      {doctor && (!isOwnDay || doctor.clinics.length > 1) ? (
        <Form method="get" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t("doctor.today.pickerLabel")}>
          {date ? <input type="hidden" name="date" value={date} /> : null}
          {!isOwnDay ? (
            <SelectField
              id="pick-doctor"
              name="doctor"
              label={t("doctor.today.doctor")}
              defaultValue={doctor.id}
              options={doctors.map((d) => ({ value: d.id, label: d.name }))}
              wrapperClassName="sm:w-72"
            />
          ) : (
            <input type="hidden" name="doctor" value={doctor.id} />
          )}
          {doctor.clinics.length > 1 ? (
            <SelectField
              id="pick-clinic"
              name="clinic"
              label={t("doctor.today.clinic")}
              defaultValue={clinicId ?? ""}
              options={[{ value: "", label: t("doctor.today.allClinics") }, ...doctor.clinics.map((c) => ({ value: c.id, label: c.name }))]}
              wrapperClassName="sm:w-72"
            />
          ) : null}
          <Button type="submit" variant="secondary">
            {t("doctor.today.show")}
          </Button>
        </Form>
      ) : null}

      <div className="flex flex-col gap-3" aria-live="polite">
        {booked ? (
          <StatusMessage>
            {booked.at ? t("doctor.today.bookedAt", { time: booked.at }) : t("doctor.today.booked")}
          </StatusMessage>
        ) : null}
        {done && !actionData ? <StatusMessage>{t(`doctor.queue.done.${done}`)}</StatusMessage> : null}
      </div>
      {actionData ? (
        <div role="alert" className="mb-4 rounded-brand border-2 border-danger bg-danger-soft p-4 font-semibold text-foreground">
          {actionData.error}
        </div>
      ) : null}

      {!doctor ? (
        <EmptyState icon={<QueueIcon />} title={t("doctor.today.noDoctorsTitle")}>
          <p>{t("doctor.today.noDoctorsBody")}</p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="summary-title" className="mt-4">
            <h2 id="summary-title" className="sr-only">
              {t("doctor.queue.summary.title")}
            </h2>
            <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <SummaryTile label={t("doctor.queue.summary.waiting")} value={summary.waiting} strong />
              <SummaryTile label={t("doctor.queue.summary.inConsultation")} value={summary.inConsultation} />
              {dayCounted ? <SummaryTile label={t("doctor.queue.summary.done")} value={summary.done} /> : null}
              {dayCounted ? <SummaryTile label={t("doctor.queue.summary.noShows")} value={summary.noShows} /> : null}
            </dl>
          </section>

          <section aria-labelledby="queue-title" className="mt-6">
            <Card>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="flex flex-wrap items-center gap-3">
                  <h2 id="queue-title" className="font-heading text-xl font-semibold">
                    {isToday ? t("doctor.queue.title") : t("doctor.queue.titleOther")}
                  </h2>
                  <QueueLiveStatus connected={live.connected} updates={live.updates} />
                </div>
                <Link to={todayHref(doctor.id, clinicId, date)} reloadDocument className={`${textLinkClass} inline-flex min-h-11 items-center`}>
                  {t("doctor.queue.refresh")}
                </Link>
              </div>

              {queue.length === 0 ? (
                <div className="mt-6">
                  <EmptyState icon={<QueueIcon />} title={t("doctor.queue.emptyTitle")}>
                    <p>{isToday ? t("doctor.queue.emptyToday") : t("doctor.queue.emptyOther")}</p>
                  </EmptyState>
                </div>
              ) : (
                groups.map((group) => {
                  const next = doctor.allowed.runQueue ? nextToCall(group.entries) : null;
                  return (
                    <div key={group.clinicId} className="mt-6">
                      {groups.length > 1 ? <h3 className="mb-3 font-heading text-lg font-semibold">{group.clinicName}</h3> : null}
                      {next ? (
                        <Form method="post" className="mb-5">
                          <QueueScopeFields doctorId={doctor.id} clinicId={clinicId} date={date} />
                          <input type="hidden" name="callClinic" value={group.clinicId} />
                          <Button
                            type="submit"
                            name="intent"
                            value="call_next"
                            disabled={busy}
                            className="w-full text-lg sm:w-auto"
                            aria-label={t("doctor.queue.callNextFor", { name: next.visitor.name })}
                          >
                            {t("doctor.queue.callNext")}
                            <span aria-hidden="true" className="font-normal">
                              · {next.visitor.name}
                            </span>
                          </Button>
                        </Form>
                      ) : null}
                      <ol className="divide-y divide-border" aria-label={groups.length > 1 ? group.clinicName : t("doctor.queue.title")}>
                        {group.entries.map((entry) => (
                          <QueueEntry
                            key={entry.id}
                            entry={entry}
                            doctorId={doctor.id}
                            clinicId={clinicId}
                            date={date}
                            mayRun={doctor.allowed.runQueue}
                            mayCancel={mayCancel}
                            confirmingCancel={cancelId === entry.id}
                            cancelHref={`${todayHref(doctor.id, clinicId, date, { cancel: entry.id })}#entry-${entry.id}`}
                            keepHref={`${todayHref(doctor.id, clinicId, date)}#entry-${entry.id}`}
                            busy={busy}
                          />
                        ))}
                      </ol>
                    </div>
                  );
                })
              )}
            </Card>
          </section>

          {finished.length > 0 ? (
            <section aria-labelledby="finished-title" className="mt-6">
              <details className="rounded-brand border border-border bg-surface p-5 text-surface-foreground">
                <summary id="finished-title" className="min-h-11 cursor-pointer py-2 font-heading text-lg font-semibold">
                  {t("doctor.queue.finished", { count: finished.length })}
                </summary>
                <ul className="mt-3 divide-y divide-border">
                  {finished.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                      <span>
                        <time dateTime={a.startsAt} className="mr-3 font-semibold">
                          {time(a.startsAt, a.timeZone)}
                        </time>
                        {a.visitor.name}
                      </span>
                      <QueueStatusBadge status={a.status} />
                    </li>
                  ))}
                </ul>
              </details>
            </section>
          ) : null}
        </>
      )}
      {secondFactorEnabled ? null : <TwoStepPrompt />}
    </Container>
  );
}

function SummaryTile({ label, value, strong = false }: { label: string; value: number; strong?: boolean }) {
  return (
    <div className={`rounded-brand border p-4 ${strong ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface text-surface-foreground"}`}>
      <dt className={`text-sm font-medium ${strong ? "" : "text-muted-foreground"}`}>{label}</dt>
      <dd className="mt-1 font-heading text-3xl font-bold">{value}</dd>
    </div>
  );
}

/** A booking's time for the success message, formatted on the server so hydration agrees; null for a bad value. */
function formatDateTime(iso: string | null, locale: string, timeZone: string): string | null {
  const date = new Date(iso ?? "");
  if (!iso || Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
