import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { HubServices, OpenSlot, PatientSummaryView } from "@visitnow/platform/context";
import {
  actionErrors,
  ArrowLeftIcon,
  Button,
  ButtonLink,
  Card,
  Container,
  CsrfInput,
  EmptyState,
  type FormErrors,
  FormErrorSummary,
  intlLocale,
  keepValues,
  PageHeader,
  pageMeta,
  SearchIcon,
  SelectField,
  textLinkClass,
  TextField,
  translate,
  useT,
} from "@visitnow/ui";
import { BookSteps, PatientCard, SlotLink } from "../components/book-parts";
import { addDays, bookHref, chooseDay, findSlot, readBookState, searchTermFor, slotsByDay, type BookState, type SlotChoice } from "../components/book-model";
import { todayIn } from "../components/queue-model";
import { chooseClinic, chooseDoctor, redirectToToday, requireHub } from "../hub.server";

export const meta = pageMeta("doctor.book.metaTitle");

/** How many days the time step shows at once. */
const WEEK = 7;

function codeOf(err: unknown): string | null {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : null;
}

function formatters(locale: string) {
  const lang = intlLocale(locale as never);
  return {
    shortDate: new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
    longDate: new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: "UTC" }),
    time: (timeZone: string) => new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit", timeZone }),
  };
}

function toChoice(slot: OpenSlot, clinicName: string, f: ReturnType<typeof formatters>): SlotChoice {
  return {
    startsAt: slot.startsAt,
    clinicId: slot.clinicId,
    clinicName,
    date: slot.localDate,
    dateLabel: f.longDate.format(new Date(`${slot.localDate}T00:00:00Z`)),
    shortDateLabel: f.shortDate.format(new Date(`${slot.localDate}T00:00:00Z`)),
    time: f.time(slot.timeZone).format(new Date(slot.startsAt)),
  };
}

/** The patient the URL names, found again through the search it was chosen from (the hub has no lookup by id). */
async function findChosenPatient(hub: HubServices, state: BookState): Promise<PatientSummaryView | null> {
  if (!state.patient || state.q.length < 3) return null;
  try {
    return (await hub.findPatients(state.q)).find((p) => p.id === state.patient) ?? null;
  } catch (err) {
    if (codeOf(err) === "validation_failed") return null;
    throw err;
  }
}

/**
 * The booking steps, all from the URL: no patient yet -> search (and "new patient");
 * a patient -> doctor, clinic, day and open slots; a slot -> who, why and contact.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { hub } = requireHub(context, request);
  const url = new URL(request.url);
  const state = readBookState(url);
  const f = formatters(context.i18n.locale);
  const doctors = (await hub.doctors()).filter((d) => d.allowed.book);
  const base = {
    state,
    doctors: doctors.map(({ id, name, clinics }) => ({ id, name, clinics })),
    // A fresh key per page view: a double submit of this form books once.
    idempotencyKey: crypto.randomUUID(),
  };

  let patient: PatientSummaryView | null = null;
  let results: PatientSummaryView[] | null = null;
  let searchError: string | null = null;
  if (doctors.length > 0) {
    patient = await findChosenPatient(hub, state);
    if (!patient && state.q) {
      try {
        results = await hub.findPatients(state.q);
      } catch (err) {
        searchError = actionErrors(err).fieldErrors.q ?? actionErrors(err).formError;
      }
    }
  }
  if (!patient) return { ...base, step: 1 as const, patient: null, results, searchError, lostPatient: Boolean(state.patient), time: null, slot: null, slotGone: false };

  const doctor = chooseDoctor(doctors, url);
  if (!doctor) return { ...base, step: 1 as const, patient, results, searchError, lostPatient: false, time: null, slot: null, slotGone: false };
  const clinic = chooseClinic(doctor, url);
  const zone = clinic?.timeZone ?? doctor.clinics[0]?.timeZone ?? context.tenant?.timeZone ?? "Asia/Kolkata";
  const today = todayIn(zone);
  const day = chooseDay(state.day, today);
  // The week that holds the chosen day, from the day itself (never before today).
  const slots = await hub.openSlots({ providerId: doctor.id, from: day, days: WEEK, clinicId: clinic?.id ?? null });
  const clinicName = (id: string) => doctor.clinics.find((c) => c.id === id)?.name ?? "";
  const week = slotsByDay(slots, day, WEEK).map((d) => ({
    date: d.date,
    label: f.shortDate.format(new Date(`${d.date}T00:00:00Z`)),
    count: d.slots.length,
    slots: d.slots.map((s) => toChoice(s, clinicName(s.clinicId), f)),
  }));
  const chosen = state.startsAt ? findSlot(slots, state.startsAt, state.clinic) : null;
  const time = {
    doctor: { id: doctor.id, name: doctor.name, clinics: doctor.clinics },
    clinicId: clinic?.id ?? null,
    today,
    day,
    dayLabel: f.longDate.format(new Date(`${day}T00:00:00Z`)),
    previousWeek: day > today ? (addDays(day, -WEEK) < today ? today : addDays(day, -WEEK)) : null,
    nextWeek: addDays(day, WEEK),
    week,
    // When nothing is open this week, the first open day after it (one more look ahead).
    nextOpenDay: slots.length === 0 ? await firstOpenDay(hub, doctor.id, clinic?.id ?? null, addDays(day, WEEK)) : null,
  };
  const slot = chosen ? toChoice(chosen, clinicName(chosen.clinicId), f) : null;
  const step = slot ? (3 as const) : (2 as const);
  return { ...base, step, patient, results: null, searchError: null, lostPatient: false, time, slot, slotGone: Boolean(state.startsAt && !slot) };
}

async function firstOpenDay(hub: HubServices, providerId: string, clinicId: string | null, from: string): Promise<string | null> {
  const later = await hub.openSlots({ providerId, from, days: 31, clinicId });
  return later[0]?.localDate ?? null;
}

interface BookActionData {
  intent: "register" | "book";
  errors: FormErrors;
  values: Record<string, string>;
  /** After `slot_taken`: the next open slots to offer instead. */
  nextSlots?: SlotChoice[];
}

const REGISTER_FIELDS = ["name", "phone", "email"] as const;
const BOOK_FIELDS = ["dependantId", "reason", "contactPhone", "contactEmail"] as const;

/** `register` a new patient (then on to the time step with them) or `book` the chosen slot (then back to Today). */
export async function action({ context, request }: ActionFunctionArgs) {
  const { hub } = requireHub(context, request);
  const url = new URL(request.url);
  const state = readBookState(url);
  const form = Object.fromEntries(await request.formData());
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  const intent = text("intent");

  if (intent === "register") {
    const input = keepValues(form, REGISTER_FIELDS);
    try {
      const created = await hub.registerPatient(input);
      return redirect(bookHref({ doctor: state.doctor, clinic: state.clinic, day: state.day }, { patient: created.id, q: searchTermFor({ name: input.name ?? "", phone: input.phone, email: input.email }) }));
    } catch (err) {
      return data<BookActionData>({ intent, errors: actionErrors(err), values: input }, { status: codeOf(err) === "conflict" ? 409 : 400 });
    }
  }

  if (intent === "book") {
    const values = keepValues(form, BOOK_FIELDS);
    const input = {
      ...values,
      patientId: text("patientId"),
      providerId: text("providerId"),
      clinicId: text("clinicId"),
      startsAt: text("startsAt"),
    };
    const key = text("idempotencyKey");
    if (!/^[0-9a-f-]{36}$/i.test(key)) throw new Response("Missing idempotency key", { status: 400 });
    try {
      const { appointment } = await hub.book(input, key);
      // Back to the queue of the visit's own day (at the clinic), where the new booking now stands.
      const date = new Intl.DateTimeFormat("en-CA", { timeZone: appointment.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(appointment.startsAt));
      const params = new URLSearchParams({ doctor: appointment.providerId, date, booked: appointment.id, at: appointment.startsAt });
      return redirectToToday(request, params);
    } catch (err) {
      if (codeOf(err) === "slot_taken") {
        const f = formatters(context.i18n.locale);
        const details = (err as { details?: { nextSlots?: OpenSlot[] } }).details;
        const doctor = (await hub.doctors()).find((d) => d.id === input.providerId);
        const clinicName = (id: string) => doctor?.clinics.find((c) => c.id === id)?.name ?? "";
        const nextSlots = (details?.nextSlots ?? []).slice(0, 6).map((s) => toChoice(s, clinicName(s.clinicId), f));
        const errors = { formError: translate(context.i18n.messages, "doctor.book.slotTaken"), fieldErrors: {} };
        return data<BookActionData>({ intent, errors, values, nextSlots }, { status: 409 });
      }
      return data<BookActionData>({ intent, errors: actionErrors(err), values }, { status: codeOf(err) === "conflict" ? 409 : 400 });
    }
  }

  throw new Response("Unknown form", { status: 400 });
}

export default function Book() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const { state, doctors, step, patient } = loaderData;
  const actionData = useActionData<typeof action>() as BookActionData | undefined;

  return (
    <Container className="pb-16">
      <PageHeader title={t("doctor.book.title")} lead={t("doctor.book.lead")} />
      {doctors.length === 0 ? (
        <EmptyState icon={<SearchIcon />} title={t("doctor.book.noDoctorsTitle")}>
          <p>{t("doctor.book.noDoctorsBody")}</p>
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <BookSteps current={step} />
          {patient && step > 1 ? <PatientCard patient={patient} changeHref={bookHref({ q: state.q, doctor: state.doctor, clinic: state.clinic, day: state.day })} /> : null}
          {step === 1 ? <PatientStep actionData={actionData?.intent === "register" ? actionData : undefined} /> : null}
          {step === 2 ? <TimeStep /> : null}
          {step === 3 ? <DetailsStep actionData={actionData?.intent === "book" ? actionData : undefined} /> : null}
        </div>
      )}
    </Container>
  );
}

/** Step 1: find the patient, or register a new one. */
function PatientStep({ actionData }: { actionData?: BookActionData }) {
  const t = useT();
  const { state, results, searchError, lostPatient } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const fieldErrors = actionData?.errors.fieldErrors ?? {};

  return (
    <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
      <section aria-labelledby="find-title">
        <Card>
          <h2 id="find-title" className="font-heading text-xl font-semibold">
            {t("doctor.book.find.title")}
          </h2>
          {lostPatient ? <p className="mt-2 text-muted-foreground">{t("doctor.book.find.lost")}</p> : null}
          <Form method="get" className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end" role="search">
            {state.doctor ? <input type="hidden" name="doctor" value={state.doctor} /> : null}
            <TextField
              id="find-q"
              name="q"
              type="search"
              label={t("doctor.book.find.label")}
              hint={t("doctor.book.find.hint")}
              defaultValue={state.q}
              error={searchError ?? undefined}
              minLength={3}
              autoComplete="off"
              wrapperClassName="flex-1"
            />
            <Button type="submit">{t("doctor.book.find.submit")}</Button>
          </Form>

          {results ? (
            <div className="mt-6" aria-live="polite">
              <h3 className="font-heading text-lg font-semibold">{t("doctor.book.find.results", { count: results.length })}</h3>
              {results.length === 0 ? (
                <p className="mt-2 text-muted-foreground">{t("doctor.book.find.none")}</p>
              ) : (
                <ul className="mt-3 divide-y divide-border">
                  {results.map((p) => (
                    <li key={p.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
                      <div className="min-w-0">
                        <p className="font-semibold break-words">{p.name}</p>
                        <p className="text-sm text-muted-foreground break-words">{[p.phone, p.email].filter(Boolean).join(" · ") || t("doctor.book.noContact")}</p>
                        {p.dependants.length > 0 ? (
                          <p className="text-sm text-muted-foreground">{t("doctor.book.find.dependants", { names: p.dependants.map((d) => d.name).join(", ") })}</p>
                        ) : null}
                      </div>
                      <ButtonLink
                        to={bookHref(state, { patient: p.id, startsAt: "" })}
                        variant="secondary"
                        aria-label={t("doctor.book.find.chooseFor", { name: p.name })}
                        className="shrink-0"
                      >
                        {t("doctor.book.find.choose")}
                      </ButtonLink>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </Card>
      </section>

      <section aria-labelledby="new-title">
        <Card>
          <h2 id="new-title" className="font-heading text-xl font-semibold">
            {t("doctor.book.new.title")}
          </h2>
          <p className="mt-2 text-muted-foreground">{t("doctor.book.new.lead")}</p>
          <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
            <CsrfInput />
            <FormErrorSummary errors={actionData?.errors} fieldIds={{ name: "new-name", phone: "new-phone", email: "new-email" }} />
            <TextField id="new-name" name="name" label={t("doctor.book.new.name")} autoComplete="off" required maxLength={120} defaultValue={values.name} error={fieldErrors.name} />
            <TextField
              id="new-phone"
              name="phone"
              type="tel"
              label={t("doctor.book.new.phone")}
              hint={t("doctor.book.new.phoneHint")}
              autoComplete="off"
              inputMode="tel"
              defaultValue={values.phone}
              error={fieldErrors.phone}
            />
            <TextField id="new-email" name="email" type="email" label={t("doctor.book.new.email")} optional autoComplete="off" defaultValue={values.email} error={fieldErrors.email} />
            <Button type="submit" name="intent" value="register" variant="secondary" disabled={navigation.state === "submitting"}>
              {t("doctor.book.new.submit")}
            </Button>
          </Form>
        </Card>
      </section>
    </div>
  );
}

/** Step 2: doctor, clinic and day, then one of the open slots. */
function TimeStep() {
  const t = useT();
  const { state, doctors, time, slotGone } = useLoaderData<typeof loader>();
  if (!time) return null;
  const { doctor, clinicId, day, dayLabel, week, previousWeek, nextWeek, nextOpenDay, today } = time;
  const chosenDay = week.find((d) => d.date === day) ?? week[0];
  const keep = { q: state.q, patient: state.patient, doctor: doctor.id, clinic: clinicId ?? "" };
  const severalClinics = new Set(chosenDay?.slots.map((s) => s.clinicId)).size > 1;

  return (
    <section aria-labelledby="time-title">
      <Card>
        <h2 id="time-title" className="font-heading text-xl font-semibold">
          {t("doctor.book.time.title")}
        </h2>
        {slotGone ? (
          <p role="alert" className="mt-3 rounded-brand border-2 border-danger bg-danger-soft p-3 font-semibold">
            {t("doctor.book.slotGone")}
          </p>
        ) : null}
        <Form method="get" className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto] lg:items-end">
          <input type="hidden" name="q" value={state.q} />
          <input type="hidden" name="patient" value={state.patient} />
          <SelectField
            id="time-doctor"
            name="doctor"
            label={t("doctor.today.doctor")}
            defaultValue={doctor.id}
            options={doctors.map((d) => ({ value: d.id, label: d.name }))}
          />
          {doctor.clinics.length > 1 ? (
            <SelectField
              id="time-clinic"
              name="clinic"
              label={t("doctor.today.clinic")}
              defaultValue={clinicId ?? ""}
              options={[{ value: "", label: t("doctor.today.allClinics") }, ...doctor.clinics.map((c) => ({ value: c.id, label: c.name }))]}
            />
          ) : null}
          <TextField id="time-day" name="day" type="date" label={t("doctor.book.time.day")} defaultValue={day} min={today} />
          <Button type="submit" variant="secondary">
            {t("doctor.book.time.show")}
          </Button>
        </Form>

        <nav aria-label={t("doctor.book.time.days")} className="mt-6">
          <ul className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-2">
            {week.map((d) => {
              const current = d.date === day;
              return (
                <li key={d.date} className="shrink-0">
                  <Link
                    to={bookHref(keep, { day: d.date })}
                    aria-current={current ? "date" : undefined}
                    className={`flex min-h-11 min-w-20 flex-col items-center justify-center rounded-brand border px-3 py-2 text-sm no-underline ${
                      current ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface text-surface-foreground hover:border-primary"
                    }`}
                  >
                    <span className="font-semibold">{d.label}</span>
                    <span className={current ? "" : "text-muted-foreground"}>{t("doctor.book.time.count", { count: d.count })}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="mt-2 flex flex-wrap justify-between gap-3">
            {previousWeek ? (
              <Link to={bookHref(keep, { day: previousWeek })} className={`${textLinkClass} inline-flex min-h-11 items-center`}>
                {t("doctor.book.time.earlier")}
              </Link>
            ) : (
              <span />
            )}
            <Link to={bookHref(keep, { day: nextWeek })} className={`${textLinkClass} inline-flex min-h-11 items-center`}>
              {t("doctor.book.time.later")}
            </Link>
          </div>
        </nav>

        <h3 className="mt-6 font-heading text-lg font-semibold">{dayLabel}</h3>
        {chosenDay && chosenDay.slots.length > 0 ? (
          <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-8" aria-label={t("doctor.book.time.slotsOn", { day: dayLabel })}>
            {chosenDay.slots.map((s) => (
              <li key={`${s.clinicId}-${s.startsAt}`}>
                <SlotLink slot={s} showClinic={severalClinics} to={bookHref(keep, { day: s.date, clinic: s.clinicId, startsAt: s.startsAt })} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="mt-3 rounded-brand border border-dashed border-border p-4 text-muted-foreground">
            <p>{t("doctor.book.time.none")}</p>
            {nextOpenDay ? (
              <p className="mt-2">
                <Link to={bookHref(keep, { day: nextOpenDay })} className={`${textLinkClass} inline-flex min-h-11 items-center`}>
                  {t("doctor.book.time.nextOpen")}
                </Link>
              </p>
            ) : null}
          </div>
        )}
      </Card>
    </section>
  );
}

/** Step 3: who the visit is for, why, and how to reach them; then book. */
function DetailsStep({ actionData }: { actionData?: BookActionData }) {
  const t = useT();
  const { state, patient, time, slot, idempotencyKey } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  if (!patient || !time || !slot) return null;
  const values = actionData?.values ?? {};
  const fieldErrors = actionData?.errors.fieldErrors ?? {};
  const keep = { q: state.q, patient: state.patient, doctor: time.doctor.id, clinic: time.clinicId ?? "", day: slot.date };
  const who = values.dependantId ?? "";

  return (
    <section aria-labelledby="details-title">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="details-title" className="font-heading text-xl font-semibold">
              {t("doctor.book.details.title")}
            </h2>
            <p className="mt-2 text-lg">
              <span className="font-semibold">{slot.time}</span>, {slot.dateLabel}
            </p>
            <p className="text-muted-foreground">{t("doctor.book.details.with", { doctor: time.doctor.name, clinic: slot.clinicName })}</p>
          </div>
          <Link to={bookHref(keep, { startsAt: "" })} className={`${textLinkClass} inline-flex min-h-11 items-center gap-2`}>
            <ArrowLeftIcon aria-hidden="true" />
            {t("doctor.book.details.changeTime")}
          </Link>
        </div>

        {actionData?.nextSlots ? (
          <div role="alert" className="mt-4 rounded-brand border-2 border-danger bg-danger-soft p-4">
            <p className="font-semibold">{actionData.errors.formError}</p>
            {actionData.nextSlots.length > 0 ? (
              <>
                <p className="mt-2">{t("doctor.book.nextSlots")}</p>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {actionData.nextSlots.map((s) => (
                    <li key={`${s.clinicId}-${s.startsAt}`}>
                      <SlotLink slot={s} showDate to={bookHref(keep, { day: s.date, clinic: s.clinicId, startsAt: s.startsAt })} />
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="mt-2">{t("doctor.book.noNextSlots")}</p>
            )}
          </div>
        ) : null}

        <Form method="post" className="mt-6 flex flex-col gap-5" noValidate>
          <CsrfInput />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="patientId" value={patient.id} />
          <input type="hidden" name="providerId" value={time.doctor.id} />
          <input type="hidden" name="clinicId" value={slot.clinicId} />
          <input type="hidden" name="startsAt" value={slot.startsAt} />
          {actionData?.nextSlots ? null : (
            <FormErrorSummary errors={actionData?.errors} fieldIds={{ reason: "book-reason", contactPhone: "book-phone", contactEmail: "book-email", dependantId: "who-self" }} />
          )}

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">{t("doctor.book.details.who")}</legend>
            <WhoOption id="who-self" value="" checked={who === ""} label={patient.name} note={t("doctor.book.details.self")} />
            {patient.dependants.map((d) => (
              <WhoOption key={d.id} id={`who-${d.id}`} value={d.id} checked={who === d.id} label={d.name} note={relationshipLabel(t, d.relationship)} />
            ))}
            {fieldErrors.dependantId ? <p className="text-sm font-semibold text-danger">{fieldErrors.dependantId}</p> : null}
          </fieldset>

          <div className="flex flex-col gap-1.5">
            <label htmlFor="book-reason" className="font-medium">
              {t("doctor.book.details.reason")}
            </label>
            <textarea
              id="book-reason"
              name="reason"
              rows={3}
              maxLength={500}
              required
              defaultValue={values.reason}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={fieldErrors.reason ? "book-reason-error" : undefined}
              className={`w-full rounded-brand border bg-surface px-4 py-3 text-base text-surface-foreground ${fieldErrors.reason ? "border-2 border-danger" : "border-muted-foreground"}`}
            />
            {fieldErrors.reason ? (
              <p id="book-reason-error" className="text-sm font-semibold text-danger">
                {fieldErrors.reason}
              </p>
            ) : null}
          </div>

          <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
            <TextField
              id="book-phone"
              name="contactPhone"
              type="tel"
              label={t("doctor.book.details.phone")}
              hint={t("doctor.book.details.phoneHint")}
              optional
              autoComplete="off"
              defaultValue={values.contactPhone}
              error={fieldErrors.contactPhone}
            />
            <TextField
              id="book-email"
              name="contactEmail"
              type="email"
              label={t("doctor.book.details.email")}
              optional
              autoComplete="off"
              defaultValue={values.contactEmail}
              error={fieldErrors.contactEmail}
            />
          </div>

          <div>
            <Button type="submit" name="intent" value="book" disabled={navigation.state === "submitting"} className="w-full sm:w-auto">
              {navigation.state === "submitting" ? t("doctor.book.details.booking") : t("doctor.book.details.submit")}
            </Button>
          </div>
        </Form>
      </Card>
    </section>
  );
}

const RELATIONSHIPS = new Set(["child", "parent", "spouse", "sibling", "other"]);

function relationshipLabel(t: (key: string) => string, relationship: string): string {
  return t(`doctor.book.relationship.${RELATIONSHIPS.has(relationship) ? relationship : "other"}`);
}

function WhoOption({ id, value, checked, label, note }: { id: string; value: string; checked: boolean; label: string; note: string }) {
  return (
    <label htmlFor={id} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-brand border border-border px-4 py-2 has-[:checked]:border-2 has-[:checked]:border-primary">
      <input id={id} type="radio" name="dependantId" value={value} defaultChecked={checked} className="size-5 accent-[var(--color-primary)]" />
      <span>
        <span className="font-semibold">{label}</span> <span className="text-muted-foreground">({note})</span>
      </span>
    </label>
  );
}
