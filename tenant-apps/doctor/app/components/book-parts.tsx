import { Link } from "@remix-run/react";
import type { PatientSummaryView } from "@visitnow/platform/context";
import { textLinkClass, useT } from "@visitnow/ui";
import type { SlotChoice } from "./book-model";

const STEPS = ["patient", "time", "details"] as const;

/** Where the person is in the three booking steps (the current one marked for screen readers). */
export function BookSteps({ current }: { current: 1 | 2 | 3 }) {
  const t = useT();
  return (
    <ol className="grid grid-cols-3 gap-2" aria-label={t("doctor.book.steps")}>
      {STEPS.map((step, i) => {
        const n = i + 1;
        const state = n < current ? "done" : n === current ? "current" : "todo";
        return (
          <li
            key={step}
            aria-current={state === "current" ? "step" : undefined}
            className={`flex min-h-11 items-center gap-2 rounded-brand border px-3 py-2 text-sm ${
              state === "current" ? "border-primary bg-primary text-primary-foreground" : state === "done" ? "border-border bg-secondary text-secondary-foreground" : "border-border bg-surface text-muted-foreground"
            }`}
          >
            <span aria-hidden="true" className="font-heading text-base font-bold">
              {n}
            </span>
            <span className="font-semibold">
              {t(`doctor.book.step.${step}`)}
              {state === "done" ? <span className="sr-only"> {t("doctor.book.step.doneSuffix")}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The chosen patient, with masked contacts and a way back to the search. */
export function PatientCard({ patient, changeHref }: { patient: PatientSummaryView; changeHref: string }) {
  const t = useT();
  const contact = [patient.phone, patient.email].filter(Boolean).join(" · ");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-brand border border-border bg-surface px-5 py-4 text-surface-foreground">
      <div className="min-w-0">
        <p className="text-sm font-medium text-muted-foreground">{t("doctor.book.patient")}</p>
        <p className="font-heading text-lg font-semibold break-words">{patient.name}</p>
        {contact ? <p className="text-sm text-muted-foreground break-words">{contact}</p> : null}
      </div>
      <Link to={changeHref} className={`${textLinkClass} inline-flex min-h-11 items-center`} aria-label={t("doctor.book.changePatientFor", { name: patient.name })}>
        {t("doctor.book.changePatient")}
      </Link>
    </div>
  );
}

/** One open slot as a link to the details step. */
export function SlotLink({ slot, to, showClinic = false, showDate = false }: { slot: SlotChoice; to: string; showClinic?: boolean; showDate?: boolean }) {
  const t = useT();
  return (
    <Link
      to={to}
      aria-label={t("doctor.book.time.slotLabel", { time: slot.time, day: slot.dateLabel, clinic: slot.clinicName })}
      className="flex min-h-11 flex-col items-center justify-center whitespace-nowrap rounded-brand border border-primary bg-surface min-w-24 px-2 py-2 text-center font-semibold text-primary no-underline hover:bg-primary hover:text-primary-foreground"
    >
      {showDate ? <span className="text-xs font-medium">{slot.shortDateLabel}</span> : null}
      <span>{slot.time}</span>
      {showClinic ? <span className="text-xs font-medium">{slot.clinicName}</span> : null}
    </Link>
  );
}
