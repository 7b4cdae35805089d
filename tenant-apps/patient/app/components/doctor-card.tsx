import { Link } from "@remix-run/react";
import type { ConsultationMode, DoctorCardView } from "@visitnow/platform/context";
import { Badge, BuildingIcon, intlLocale, useLocale, useT } from "@visitnow/ui";
import type { ReactNode } from "react";
import { formatMoney, formatNumber, initials, isExternalUrl, pluralForm } from "./format";

/** The doctor's photo, or their initials on the brand colour when there is none. */
export function DoctorAvatar({ name, photoUrl, size = "md" }: { name: string; photoUrl: string | null; size?: "md" | "lg" }) {
  const t = useT();
  const box = size === "lg" ? "size-24 sm:size-32 text-3xl" : "size-16 sm:size-20 text-xl";
  const pixels = size === "lg" ? 128 : 80;
  if (photoUrl) {
    return (
      <img
        src={photoUrl}
        alt={t("patient.doctor.photoAlt", { name })}
        width={pixels}
        height={pixels}
        loading={size === "lg" ? "eager" : "lazy"}
        decoding="async"
        className={`${box} shrink-0 rounded-full border border-border bg-muted object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-secondary font-heading font-bold text-secondary-foreground`}
    >
      {initials(name)}
    </span>
  );
}

/** "In clinic" / "Video consultation" badges. */
export function ModeBadges({ modes }: { modes: readonly ConsultationMode[] }) {
  const t = useT();
  if (modes.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("patient.doctor.modes")}>
      {modes.map((mode) => (
        <li key={mode}>
          <Badge tone={mode === "video" ? "info" : "neutral"}>{t(`patient.doctor.mode.${mode}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** "4.6 ★ (120 reviews)", or nothing before the doctor has ratings. */
export function RatingLine({ rating }: { rating: DoctorCardView["rating"] }) {
  const t = useT();
  const { locale } = useLocale();
  if (!rating || rating.count === 0) return null;
  const tag = intlLocale(locale);
  return (
    <p className="inline-flex items-center gap-1 text-sm font-semibold">
      <span aria-hidden="true" className="text-accent">
        ★
      </span>
      {t(`patient.doctor.rating.${pluralForm(rating.count, tag)}`, {
        rating: formatNumber(rating.average, tag, 1),
        count: formatNumber(rating.count, tag),
      })}
    </p>
  );
}

/** A link to a doctor's page: a client route on this site, a plain link to a partner hospital's domain. */
export function DoctorLink({ url, className, children }: { url: string; className?: string; children: ReactNode }) {
  if (isExternalUrl(url)) {
    return (
      <a href={url} className={className}>
        {children}
      </a>
    );
  }
  return (
    <Link to={url} prefetch="intent" className={className}>
      {children}
    </Link>
  );
}

/** One search result: who, what they treat, where and for how much. */
export function DoctorCard({ doctor, headingLevel = 3 }: { doctor: DoctorCardView; headingLevel?: 2 | 3 }) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [clinic, ...otherClinics] = doctor.clinics;
  const external = isExternalUrl(doctor.url);

  return (
    <article className="flex h-full flex-col gap-4 rounded-brand border border-border bg-surface p-4 text-surface-foreground shadow-sm sm:p-5">
      <div className="flex items-start gap-4">
        <DoctorAvatar name={doctor.name} photoUrl={doctor.photoUrl} />
        <div className="min-w-0 flex-1">
          {doctor.hospital ? (
            <p className="mb-1">
              <Badge tone="brand">
                <BuildingIcon width={14} height={14} />
                {t("patient.doctor.atHospital", { hospital: doctor.hospital.name })}
              </Badge>
            </p>
          ) : null}
          <Heading className="font-heading text-lg font-semibold leading-snug sm:text-xl">
            <DoctorLink url={doctor.url} className="underline-offset-4 hover:underline">
              {doctor.name}
            </DoctorLink>
          </Heading>
          {doctor.specialties.length > 0 ? (
            <p className="mt-0.5 font-medium text-primary">{doctor.specialties.map((s) => s.name).join(", ")}</p>
          ) : null}
          {doctor.qualifications.length > 0 ? (
            <p className="mt-0.5 text-sm text-muted-foreground">{doctor.qualifications.join(", ")}</p>
          ) : null}
          <div className="mt-1.5">
            <RatingLine rating={doctor.rating} />
          </div>
        </div>
      </div>

      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="sr-only">{t("patient.doctor.experienceLabel")}</dt>
          <dd>{t(`patient.doctor.experience.${pluralForm(doctor.yearsExperience, tag)}`, { count: formatNumber(doctor.yearsExperience, tag) })}</dd>
        </div>
        {doctor.languages.length > 0 ? (
          <div>
            <dt className="sr-only">{t("patient.doctor.languagesLabel")}</dt>
            <dd>{t("patient.doctor.speaks", { languages: doctor.languages.join(", ") })}</dd>
          </div>
        ) : null}
        {clinic ? (
          <div className="sm:col-span-2">
            <dt className="sr-only">{t("patient.doctor.clinicLabel")}</dt>
            <dd>
              <span className="font-medium">{clinic.name}</span>
              <span className="text-muted-foreground">
                {" · "}
                {[clinic.locality, clinic.city].filter(Boolean).join(", ")}
              </span>
              {doctor.distanceKm !== null ? (
                <span className="text-muted-foreground">
                  {" · "}
                  {t("patient.doctor.distance", { distance: formatNumber(doctor.distanceKm, tag, 1) })}
                </span>
              ) : null}
              {otherClinics.length > 0 ? (
                <span className="text-muted-foreground">
                  {" · "}
                  {t(`patient.doctor.moreClinics.${pluralForm(otherClinics.length, tag)}`, { count: otherClinics.length })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>

      <div className="mt-auto flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
        <div className="flex flex-col gap-1.5">
          <p>
            <span className="font-heading text-lg font-bold">{formatMoney(doctor.fee, tag)}</span>{" "}
            <span className="text-sm text-muted-foreground">{t("patient.doctor.feeSuffix")}</span>
          </p>
          <ModeBadges modes={doctor.modes} />
        </div>
        <DoctorLink
          url={doctor.url}
          className="inline-flex min-h-11 items-center justify-center rounded-brand bg-primary px-4 py-2 font-semibold text-primary-foreground hover:brightness-110"
        >
          {external ? t("patient.doctor.viewOnHospital") : t("patient.doctor.viewProfile")}
          <span className="sr-only">: {doctor.name}</span>
        </DoctorLink>
      </div>
    </article>
  );
}
