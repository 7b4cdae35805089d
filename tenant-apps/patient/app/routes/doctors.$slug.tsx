import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ClinicView, DoctorProfileView } from "@visitnow/platform/context";
import {
  actionErrors,
  ArrowLeftIcon,
  Badge,
  brandNameOf,
  CalendarIcon,
  Card,
  GeneralErrorBoundary,
  intlLocale,
  PhoneIcon,
  StatusMessage,
  translate,
  useLocale,
  useT,
  type RootData,
} from "@visitnow/ui";
import { loadSlots, requestedZone, requireBooking, requirePatientFor, slotAttempt, slotCacheHeaders, type SlotActionData } from "../booking.server";
import { SlotPicker } from "../components/booking-slot-picker";
import { chooseDay, isTimeZone, revalidateAfterTaken, withQuery } from "../components/booking-slots";
import { DoctorAvatar, ModeBadges, RatingLine } from "../components/doctor-card";
import { formatClock, formatMoney, formatNumber, pluralForm, WEEK_DAYS, weekdayName } from "../components/format";
import { orNotFound, requireDiscovery } from "../discovery.server";

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const shouldRevalidate: ShouldRevalidateFunction = revalidateAfterTaken;

/**
 * A published doctor's public profile (anything else is a 404) with the next 14 days of
 * open slots in the patient's zone (`?zone=`) and the chosen day (`?day=`).
 */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const discovery = requireDiscovery(context);
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const zone = requestedZone(request, context);
  const [doctor, slots] = await Promise.all([orNotFound(discovery.getDoctor(slug)), loadSlots(context, slug, zone)]);
  const view = slots.view;
  const booking = view
    ? {
        view,
        day: chooseDay(view.days, url.searchParams.get("day")) ?? view.from,
      }
    : null;
  return data(
    {
      doctor,
      origin: url.origin,
      booking,
      tenantZone: context.tenant?.timeZone ?? view?.zone ?? zone,
      released: url.searchParams.get("released") === "1",
    },
    { headers: slotCacheHeaders },
  );
}

/** The slot forms: `hold` a slot (then on to the confirm page) or join the waitlist for a booked-up day. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  const zone = url.searchParams.get("zone");
  const page = withQuery(`/doctors/${slug}`, { zone: isTimeZone(zone) ? zone : null, day: url.searchParams.get("day") }, "slots");
  requirePatientFor(context, request, page);
  const booking = requireBooking(context);
  const form = Object.fromEntries(await request.formData());

  if (form.intent === "hold") {
    const result = await slotAttempt("hold", async () => {
      const held = await booking.hold({ doctorSlug: slug, clinicId: form.clinicId, startsAt: form.startsAt });
      return redirect(withQuery(`/book/${held.id}`, { zone: isTimeZone(zone) ? zone : null }));
    });
    return result instanceof Response ? result : data<SlotActionData>(result, { status: 409 });
  }
  if (form.intent === "waitlist") {
    const date = String(form.date ?? "");
    try {
      await booking.joinWaitlist({ doctorSlug: slug, date, clinicId: form.clinicId || undefined });
    } catch (err) {
      return data<SlotActionData>({ intent: "waitlist", ok: false, errors: actionErrors(err) }, { status: 400 });
    }
    return data<SlotActionData>({ intent: "waitlist", ok: true, date });
  }
  throw new Response("Unknown form", { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  if (!root) return [];
  const brand = brandNameOf(root);
  const messages = root.i18n.messages;
  if (!loaded) return [{ title: `${translate(messages, "common.error.pageNotFound")} · ${brand}` }];
  const { doctor } = loaded;
  const specialty = doctor.specialties[0]?.name;
  const city = doctor.clinics[0]?.city;
  return [
    { title: `${specialty ? `${doctor.name}, ${specialty}` : doctor.name} · ${brand}` },
    {
      name: "description",
      content: translate(messages, city ? "patient.doctor.metaDescriptionCity" : "patient.doctor.metaDescription", {
        name: doctor.name,
        specialty: specialty ?? "",
        city: city ?? "",
        brand,
      }),
    },
  ];
};

/** schema.org `Physician` for search engines: public profile data only. */
function physicianJsonLd(doctor: DoctorProfileView, origin: string): string {
  const absolute = (url: string) => new URL(url, origin).toString();
  const ld = {
    "@context": "https://schema.org",
    "@type": "Physician",
    name: doctor.name,
    url: absolute(doctor.url),
    ...(doctor.photoUrl ? { image: absolute(doctor.photoUrl) } : {}),
    ...(doctor.bio ? { description: doctor.bio } : {}),
    medicalSpecialty: doctor.specialties.map((s) => s.name),
    knowsLanguage: doctor.languages,
    ...(doctor.rating && doctor.rating.count > 0
      ? { aggregateRating: { "@type": "AggregateRating", ratingValue: doctor.rating.average, reviewCount: doctor.rating.count } }
      : {}),
    address: doctor.clinicDetails.map((clinic) => ({
      "@type": "PostalAddress",
      name: clinic.name,
      streetAddress: clinic.addressLine,
      addressLocality: [clinic.locality, clinic.city].filter(Boolean).join(", "),
      ...(clinic.state ? { addressRegion: clinic.state } : {}),
      ...(clinic.postcode ? { postalCode: clinic.postcode } : {}),
      addressCountry: "IN",
    })),
  };
  // `<` escaped so no profile text can close the script element.
  return JSON.stringify(ld).replace(/</g, "\\u003c");
}

export default function DoctorProfile() {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const { doctor, origin, booking, tenantZone, released } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SlotActionData | undefined;
  const firstPhone = doctor.clinicDetails.find((clinic) => clinic.phone)?.phone ?? null;

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pb-4 sm:px-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: physicianJsonLd(doctor, origin) }} />
      <p className="py-4">
        <Link to="/search" className="inline-flex min-h-11 items-center gap-2 font-medium underline-offset-4 hover:underline">
          <ArrowLeftIcon width={18} height={18} />
          {t("patient.doctor.backToSearch")}
        </Link>
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-8">
        <Card className="lg:col-start-1">
          <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
            <DoctorAvatar name={doctor.name} photoUrl={doctor.photoUrl} size="lg" />
            <div className="min-w-0 flex-1">
              {doctor.hospital ? (
                <p className="mb-2">
                  <Badge tone="brand">{t("patient.doctor.atHospital", { hospital: doctor.hospital.name })}</Badge>
                </p>
              ) : null}
              <h1 className="font-heading text-3xl font-bold tracking-tight sm:text-4xl">{doctor.name}</h1>
              {doctor.specialties.length > 0 ? (
                <p className="mt-1 text-lg font-medium text-primary">{doctor.specialties.map((s) => s.name).join(", ")}</p>
              ) : null}
              {doctor.qualifications.length > 0 ? <p className="mt-1 text-muted-foreground">{doctor.qualifications.join(", ")}</p> : null}
              <div className="mt-2">
                <RatingLine rating={doctor.rating} />
              </div>
              <div className="mt-3">
                <ModeBadges modes={doctor.modes} />
              </div>
            </div>
          </div>
          <dl className="mt-6 grid gap-4 border-t border-border pt-5 sm:grid-cols-3">
            <div>
              <dt className="text-sm text-muted-foreground">{t("patient.doctor.feeLabel")}</dt>
              <dd className="font-heading text-xl font-bold">{formatMoney(doctor.fee, tag)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted-foreground">{t("patient.doctor.experienceLabel")}</dt>
              <dd className="font-semibold">
                {t(`patient.doctor.experience.${pluralForm(doctor.yearsExperience, tag)}`, { count: formatNumber(doctor.yearsExperience, tag) })}
              </dd>
            </div>
            {doctor.languages.length > 0 ? (
              <div>
                <dt className="text-sm text-muted-foreground">{t("patient.doctor.languagesLabel")}</dt>
                <dd className="font-semibold">{doctor.languages.join(", ")}</dd>
              </div>
            ) : null}
          </dl>
        </Card>

        {/* Live slots: keep this id and heading (links and tests point at #slots). */}
        <section id="slots" aria-labelledby="slots-title" className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <Card>
            <h2 id="slots-title" className="font-heading text-xl font-semibold">
              {t("patient.doctor.slots.title")}
            </h2>
            {released ? (
              <div className="mt-4">
                <StatusMessage>{t("patient.booking.released")}</StatusMessage>
              </div>
            ) : null}
            {booking ? (
              <SlotPicker
                view={booking.view}
                day={booking.day}
                tenantZone={tenantZone}
                basePath={`/doctors/${doctor.slug}`}
                intent="hold"
                doctorName={doctor.name}
                waitlist
                phone={firstPhone}
                actionData={actionData}
              />
            ) : (
              <div className="mt-4 flex flex-col items-center gap-3 rounded-brand border border-dashed border-border px-4 py-6 text-center">
                <span aria-hidden="true" className="inline-flex size-12 items-center justify-center rounded-full bg-secondary text-secondary-foreground">
                  <CalendarIcon />
                </span>
                <p className="font-heading text-lg font-semibold">{t("patient.booking.unavailableTitle")}</p>
                <p className="text-muted-foreground">{t("patient.booking.unavailableBody", { name: doctor.name })}</p>
                {firstPhone ? (
                  <a
                    href={`tel:${firstPhone.replace(/[^\d+]/g, "")}`}
                    className="inline-flex min-h-11 items-center gap-2 rounded-brand bg-primary px-4 font-semibold text-primary-foreground hover:brightness-110"
                  >
                    <PhoneIcon width={18} height={18} />
                    {t("patient.doctor.slots.call", { phone: firstPhone })}
                  </a>
                ) : null}
              </div>
            )}
          </Card>
        </section>

        <div className="flex flex-col gap-6 lg:col-start-1">
          {doctor.bio ? (
            <section aria-labelledby="about-title">
              <Card>
                <h2 id="about-title" className="font-heading text-xl font-semibold">
                  {t("patient.doctor.about", { name: doctor.name })}
                </h2>
                <div className="mt-3 flex max-w-prose flex-col gap-3 leading-relaxed">
                  {doctor.bio
                    .split(/\n{2,}/)
                    .map((paragraph) => paragraph.trim())
                    .filter(Boolean)
                    .map((paragraph, i) => (
                      <p key={i} className="whitespace-pre-line">
                        {paragraph}
                      </p>
                    ))}
                </div>
              </Card>
            </section>
          ) : null}

          {doctor.conditions.length > 0 ? (
            <section aria-labelledby="conditions-title">
              <Card>
                <h2 id="conditions-title" className="font-heading text-xl font-semibold">
                  {t("patient.doctor.conditions")}
                </h2>
                <ul className="mt-3 flex flex-wrap gap-2">
                  {doctor.conditions.map((condition) => (
                    <li key={condition} className="rounded-full bg-muted px-3 py-1 text-sm text-muted-foreground">
                      {condition}
                    </li>
                  ))}
                </ul>
              </Card>
            </section>
          ) : null}

          {doctor.clinicDetails.length > 0 ? (
            <section aria-labelledby="clinics-title">
              <h2 id="clinics-title" className="font-heading text-xl font-semibold">
                {t(`patient.doctor.clinics.${pluralForm(doctor.clinicDetails.length, tag)}`)}
              </h2>
              <ul className="mt-3 flex flex-col gap-4">
                {doctor.clinicDetails.map((clinic) => (
                  <li key={clinic.id}>
                    <ClinicCard clinic={clinic} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="registration-title">
            <Card>
              <h2 id="registration-title" className="font-heading text-xl font-semibold">
                {t("patient.doctor.registration")}
              </h2>
              <dl className="mt-3 grid gap-3 sm:grid-cols-2">
                <div>
                  <dt className="text-sm text-muted-foreground">{t("patient.doctor.registrationNumber")}</dt>
                  <dd className="font-semibold break-words">{doctor.registration.number}</dd>
                </div>
                <div>
                  <dt className="text-sm text-muted-foreground">{t("patient.doctor.registrationCouncil")}</dt>
                  <dd className="font-semibold">{doctor.registration.council}</dd>
                </div>
              </dl>
            </Card>
          </section>
        </div>
      </div>
    </div>
  );
}

/** One clinic as an address card: where, how to call, when it is open, what it has. */
function ClinicCard({ clinic }: { clinic: ClinicView }) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const titleId = `clinic-${clinic.id}`;
  const hours = (day: (typeof WEEK_DAYS)[number]) => {
    const ranges = clinic.openingHours[day] ?? [];
    if (ranges.length === 0) return t("patient.doctor.clinic.closed");
    return ranges.map(([from, to]) => `${formatClock(from, tag)}–${formatClock(to, tag)}`).join(", ");
  };
  const hasHours = WEEK_DAYS.some((day) => (clinic.openingHours[day] ?? []).length > 0);

  return (
    <article aria-labelledby={titleId} className="rounded-brand border border-border bg-surface p-5 text-surface-foreground shadow-sm sm:p-6">
      <h3 id={titleId} className="font-heading text-lg font-semibold">
        {clinic.name}
      </h3>
      <div className="mt-3 grid gap-5 md:grid-cols-2">
        <div className="flex flex-col gap-3">
          <address className="not-italic leading-relaxed">
            {clinic.addressLine}
            <br />
            {[clinic.locality, clinic.city].filter(Boolean).join(", ")}
            {clinic.state || clinic.postcode ? (
              <>
                <br />
                {[clinic.state, clinic.postcode].filter(Boolean).join(" ")}
              </>
            ) : null}
          </address>
          {clinic.phone ? (
            <p>
              <span className="sr-only">{t("patient.doctor.clinic.phone")}: </span>
              <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`} className="inline-flex min-h-11 items-center gap-2 font-semibold underline underline-offset-4 hover:no-underline">
                <PhoneIcon width={18} height={18} />
                {clinic.phone}
              </a>
            </p>
          ) : null}
          {clinic.facilities.length > 0 ? (
            <div>
              <h4 className="text-sm font-semibold">{t("patient.doctor.clinic.facilities")}</h4>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {clinic.facilities.map((facility) => (
                  <li key={facility}>
                    <Badge>{facility}</Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {hasHours ? (
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-sm font-semibold">{t("patient.doctor.clinic.hours")}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("patient.doctor.clinic.day")}</th>
                <th scope="col">{t("patient.doctor.clinic.time")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {WEEK_DAYS.map((day) => (
                <tr key={day}>
                  <th scope="row" className="py-1.5 pr-4 font-medium">
                    {weekdayName(day, tag)}
                  </th>
                  <td className="py-1.5 text-muted-foreground">{hours(day)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
