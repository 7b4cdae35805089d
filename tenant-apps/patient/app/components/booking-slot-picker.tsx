import { Form, Link, useNavigation } from "@remix-run/react";
import type { DoctorSlotsView, OpenSlot, SlotView } from "@visitnow/platform/context";
import { useEffect, useRef } from "react";
import { Button, ClockIcon, CsrfInput, FormErrorSummary, intlLocale, PhoneIcon, StatusMessage, useLocale, useT } from "@visitnow/ui";
import type { SlotActionData } from "../booking.server";
import {
  dateIn,
  formatDay,
  formatTimeIn,
  groupByPartOfDay,
  nextOpenDay,
  withQuery,
  zoneChoices,
  type DayState,
} from "./booking-slots";
import { formatClock, pluralForm } from "./format";

export interface SlotPickerProps {
  view: DoctorSlotsView;
  /** The chosen day (`YYYY-MM-DD` in `view.zone`). */
  day: string;
  tenantZone: string;
  /** The page the day links and the zone form go to (`/doctors/x`, `/appointments/y/reschedule`). */
  basePath: string;
  /** `hold` on the profile, `reschedule` when moving a visit. */
  intent: "hold" | "reschedule";
  /** Extra fields every slot form carries (e.g. the doctor's slug). */
  hidden?: Record<string, string>;
  doctorName: string;
  /** Offer "join the waitlist" on booked-up days. */
  waitlist?: boolean;
  /** A clinic phone to call when nothing is open. */
  phone?: string | null;
  actionData?: SlotActionData;
}

function SlotForm({
  intent,
  hidden,
  clinicId,
  startsAt,
  children,
  label,
  className,
}: {
  intent: string;
  hidden?: Record<string, string>;
  clinicId: string;
  startsAt: string;
  children: React.ReactNode;
  label?: string;
  className: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("startsAt") === startsAt && navigation.formData?.get("clinicId") === clinicId;
  return (
    <Form method="post" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="clinicId" value={clinicId} />
      <input type="hidden" name="startsAt" value={startsAt} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-label={label} aria-busy={busy || undefined} className={className}>
        {children}
      </button>
    </Form>
  );
}

const slotButton =
  "relative flex min-h-12 w-full flex-col items-center justify-center whitespace-nowrap rounded-brand border-2 border-primary bg-surface px-1 py-1.5 text-center font-semibold text-foreground hover:bg-primary hover:text-primary-foreground aria-busy:opacity-60";

/** The slot section of a booking page: zone, day chips, the day's slots by part of day, waitlist and "just taken" alerts. */
export function SlotPicker(props: SlotPickerProps) {
  const { view, day, tenantZone, basePath, intent, hidden, doctorName, actionData } = props;
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const zoneParam = view.zone !== tenantZone ? view.zone : null;
  const states = new Map(view.days.map((d) => [d.date, d.state as DayState]));
  const chosen = view.days.find((d) => d.date === day) ?? view.days[0];
  const state: DayState = (chosen && states.get(chosen.date)) || "closed";
  const anyOpen = view.days.some((d) => d.slots.length > 0);
  const next = chosen ? nextOpenDay(view.days, chosen.date) : null;
  const manyClinics = view.clinics.length > 1;
  const clinicName = (id: string) => view.clinics.find((c) => c.id === id)?.name ?? "";
  const otherZone = chosen?.slots.find((s) => s.clinicTimeZone !== view.zone)?.clinicTimeZone ?? null;
  const dayLink = (date: string) => withQuery(basePath, { zone: zoneParam, day: date }, "slots");
  const chips = useRef<HTMLUListElement>(null);

  // With JavaScript, bring the chosen day's chip into view in the scrolling row (sideways only: the page stays put).
  useEffect(() => {
    const row = chips.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="date"]');
    if (row && current) row.scrollLeft = current.offsetLeft - row.clientWidth / 2 + current.offsetWidth / 2;
  }, [day]);

  return (
    <div className="mt-4 flex flex-col gap-5">
      <Form method="get" action={basePath} className="flex flex-wrap items-end gap-2" preventScrollReset>
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor="slot-zone" className="text-sm font-medium">
            {t("patient.booking.zone.label")}
          </label>
          <select
            id="slot-zone"
            name="zone"
            defaultValue={view.zone}
            className="min-h-11 w-full rounded-brand border border-muted-foreground bg-surface px-3 text-base text-surface-foreground"
          >
            {zoneChoices(view.zone, tenantZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" className="min-h-11 px-4">
          {t("patient.booking.zone.apply")}
        </Button>
      </Form>

      <nav aria-label={t("patient.booking.days.label")}>
        <ul ref={chips} className="relative flex snap-x gap-2 overflow-x-auto p-1 pb-2">
          {view.days.map((d) => {
            const s = states.get(d.date) ?? "closed";
            const current = d.date === chosen?.date;
            const count = d.slots.length;
            const status =
              s === "open"
                ? t(`patient.booking.days.open.${pluralForm(count, tag)}`, { count })
                : t(s === "full" ? "patient.booking.days.full" : "patient.booking.days.closed");
            const [weekday, ...rest] = formatDay(d.date, tag).split(/,\s*/);
            return (
              <li key={d.date} className="snap-start">
                <Link
                  to={dayLink(d.date)}
                  preventScrollReset
                  aria-current={current ? "date" : undefined}
                  className={`relative flex min-h-16 w-[4.5rem] flex-col items-center justify-center rounded-brand border px-1 py-1.5 text-center leading-tight no-underline ${
                    current
                      ? "border-primary bg-primary text-primary-foreground"
                      : s === "open"
                        ? "border-border bg-surface text-foreground hover:border-primary"
                        : "border-dashed border-border bg-muted text-muted-foreground"
                  }`}
                >
                  <span className="sr-only">
                    {formatDay(d.date, tag)}, {status}
                  </span>
                  <span aria-hidden="true" className="text-xs font-medium uppercase">
                    {weekday}
                  </span>
                  <span aria-hidden="true" className="font-heading text-base font-bold">
                    {rest.join(" ") || d.date.slice(8)}
                  </span>
                  <span aria-hidden="true" className="text-[0.7rem]">
                    {status}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div aria-live="polite" className="flex flex-col gap-3 empty:hidden">
        {actionData && !actionData.ok && actionData.taken ? (
          <TakenAlert
            nextSlots={actionData.nextSlots}
            zone={view.zone}
            clinicName={clinicName}
            intent={intent}
            hidden={hidden}
            manyClinics={manyClinics}
          />
        ) : null}
        {actionData && !actionData.ok && !actionData.taken ? <FormErrorSummary errors={actionData.errors} /> : null}
        {actionData?.ok && actionData.intent === "waitlist" ? (
          <StatusMessage>{t("patient.booking.waitlist.joined", { day: formatDay(actionData.date, tag, "long") })}</StatusMessage>
        ) : null}
      </div>

      {chosen ? (
        <div>
          <h3 className="font-heading text-lg font-semibold">{formatDay(chosen.date, tag, "long")}</h3>
          {otherZone ? (
            <p className="mt-1 flex items-start gap-1.5 text-sm text-muted-foreground">
              <ClockIcon width={16} height={16} className="mt-0.5 shrink-0" aria-hidden="true" />
              {t("patient.booking.zone.note", { zone: view.zone.replace(/_/g, " "), clinicZone: otherZone.replace(/_/g, " ") })}
            </p>
          ) : null}

          {chosen.slots.length > 0 ? (
            manyClinics ? (
              <div className="mt-3 flex flex-col gap-5">
                {view.clinics
                  .map((clinic) => ({ clinic, slots: chosen.slots.filter((slot) => slot.clinicId === clinic.id) }))
                  .filter((group) => group.slots.length > 0)
                  .map(({ clinic, slots }) => (
                    <section key={clinic.id} aria-labelledby={`clinic-slots-${clinic.id}`} className="border-t border-border pt-3 first:border-t-0 first:pt-0">
                      <h4 id={`clinic-slots-${clinic.id}`} className="font-semibold">
                        {clinic.name}
                      </h4>
                      <PartGroups slots={slots} idPrefix={clinic.id} heading="h5" intent={intent} hidden={hidden} showClinicTime={Boolean(otherZone)} />
                    </section>
                  ))}
              </div>
            ) : (
              <PartGroups slots={chosen.slots} idPrefix="all" heading="h4" intent={intent} hidden={hidden} showClinicTime={Boolean(otherZone)} />
            )
          ) : (
            <EmptyDay
              state={state}
              date={chosen.date}
              doctorName={doctorName}
              next={next}
              nextLink={next ? dayLink(next) : null}
              anyOpen={anyOpen}
              waitlist={Boolean(props.waitlist) && state === "full"}
              hidden={hidden}
              phone={props.phone ?? null}
              days={view.days.length}
            />
          )}
        </div>
      ) : null}
    </div>
  );
}

/** A day's slots under Morning / Afternoon / Evening headings. */
function PartGroups({
  slots,
  idPrefix,
  heading: Heading,
  intent,
  hidden,
  showClinicTime,
}: {
  slots: SlotView[];
  idPrefix: string;
  heading: "h4" | "h5";
  intent: string;
  hidden?: Record<string, string>;
  showClinicTime: boolean;
}) {
  const t = useT();
  return (
    <div className="mt-3 flex flex-col gap-4">
      {groupByPartOfDay(slots).map((group) => (
        <section key={group.part} aria-labelledby={`part-${idPrefix}-${group.part}`}>
          <Heading id={`part-${idPrefix}-${group.part}`} className="text-sm font-semibold text-muted-foreground">
            {t(`patient.booking.part.${group.part}`)}
          </Heading>
          <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-3">
            {group.slots.map((slot) => (
              <li key={`${slot.clinicId}-${slot.startsAt}`}>
                <SlotButton slot={slot} intent={intent} hidden={hidden} showClinicTime={showClinicTime} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function SlotButton({
  slot,
  intent,
  hidden,
  showClinicTime,
}: {
  slot: SlotView;
  intent: string;
  hidden?: Record<string, string>;
  showClinicTime: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const time = formatClock(slot.localStart, tag);
  return (
    <SlotForm intent={intent} hidden={hidden} clinicId={slot.clinicId} startsAt={slot.startsAt} className={slotButton}>
      <span>{time}</span>
      {/* The clinic is in the accessible name ("10:15 am, Sunrise Hospital, Indiranagar"); sighted people see it in the heading above. */}
      <span className="sr-only">, {slot.clinicName}</span>
      {showClinicTime && slot.clinicLocalStart !== slot.localStart ? (
        <span className="block text-xs font-normal">{t("patient.booking.clinicTime", { time: formatClock(slot.clinicLocalStart, tag) })}</span>
      ) : null}
    </SlotForm>
  );
}

function TakenAlert({
  nextSlots,
  zone,
  clinicName,
  intent,
  hidden,
  manyClinics,
}: {
  nextSlots: OpenSlot[];
  zone: string;
  clinicName: (id: string) => string;
  intent: string;
  hidden?: Record<string, string>;
  manyClinics: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  return (
    <div role="alert" className="rounded-brand border-2 border-danger bg-danger-soft p-4 text-foreground">
      <p className="font-semibold">{t("patient.booking.taken.title")}</p>
      <p className="mt-1">{nextSlots.length > 0 ? t("patient.booking.taken.body") : t("patient.booking.taken.none")}</p>
      {nextSlots.length > 0 ? (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-1">
          {nextSlots.map((slot) => {
            const day = formatDay(dateIn(slot.startsAt, zone), tag);
            const time = formatTimeIn(slot.startsAt, zone, tag);
            return (
              <li key={`${slot.clinicId}-${slot.startsAt}`}>
                <SlotForm
                  intent={intent}
                  hidden={hidden}
                  clinicId={slot.clinicId}
                  startsAt={slot.startsAt}
                  className="flex min-h-11 w-full items-center justify-between gap-3 rounded-brand border-2 border-primary bg-surface px-3 py-2 text-left font-semibold hover:bg-primary hover:text-primary-foreground"
                >
                  <span>
                    {day}, {time}
                    <span className={manyClinics ? "block text-xs font-normal" : "sr-only"}>
                      <span className="sr-only">, </span>
                      {clinicName(slot.clinicId)}
                    </span>
                  </span>
                  <span aria-hidden="true" className="text-sm">
                    {t("patient.booking.taken.pick")}
                  </span>
                </SlotForm>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function EmptyDay({
  state,
  date,
  doctorName,
  next,
  nextLink,
  anyOpen,
  waitlist,
  hidden,
  phone,
  days,
}: {
  state: DayState;
  date: string;
  doctorName: string;
  next: string | null;
  nextLink: string | null;
  anyOpen: boolean;
  waitlist: boolean;
  hidden?: Record<string, string>;
  phone: string | null;
  days: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const dayText = formatDay(date, tag);
  return (
    <div className="mt-3 flex flex-col gap-3 rounded-brand border border-dashed border-border px-4 py-5">
      <p className="font-medium">
        {state === "full" ? t("patient.booking.empty.full", { name: doctorName, day: dayText }) : t("patient.booking.empty.closed", { name: doctorName, day: dayText })}
      </p>
      {nextLink && next ? (
        <p>
          {t("patient.booking.empty.nextLead")}{" "}
          <Link to={nextLink} preventScrollReset className="font-semibold text-foreground underline underline-offset-4 hover:no-underline">
            {formatDay(next, tag, "long")}
          </Link>
        </p>
      ) : !anyOpen ? (
        <p className="text-muted-foreground">{t("patient.booking.empty.none", { days })}</p>
      ) : null}
      {waitlist ? (
        <Form method="post" preventScrollReset className="flex flex-col gap-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="waitlist" />
          <input type="hidden" name="date" value={date} />
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="text-sm text-muted-foreground">{t("patient.booking.waitlist.lead")}</p>
          <Button type="submit" variant="secondary" className="w-full sm:w-auto sm:self-start">
            {t("patient.booking.waitlist.join", { day: dayText })}
          </Button>
        </Form>
      ) : null}
      {!anyOpen && phone ? (
        <a
          href={`tel:${phone.replace(/[^\d+]/g, "")}`}
          className="inline-flex min-h-11 items-center gap-2 self-start rounded-brand bg-primary px-4 font-semibold text-primary-foreground hover:brightness-110"
        >
          <PhoneIcon width={18} height={18} />
          {t("patient.doctor.slots.call", { phone })}
        </a>
      ) : null}
    </div>
  );
}
