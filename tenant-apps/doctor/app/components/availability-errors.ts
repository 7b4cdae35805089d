import { actionErrors, type FormErrors } from "@visitnow/ui";
import type { Translate } from "./availability-format";

/*
 * The scheduling service reports problems in English against its own field paths
 * (`breaks[1].end`, `minNoticeMinutes`). The availability forms show them next to their
 * own fields, in the page's language where we know the message, and name the field
 * when the message alone would not ("must be after start").
 */

/** The form field a service field path belongs to (`breaks[0].end` -> `breaks`, `weekdays[2]` -> `weekdays`). */
export function formFieldOf(path: string, rename: Record<string, string> = {}): string {
  const head = path.split(/[.[]/)[0] ?? path;
  return rename[head] ?? head;
}

const KNOWN: { test: RegExp; key: string }[] = [
  { test: /^Required$|^is required$/, key: "required" },
  { test: /^Write a time|^must be a time/, key: "time" },
  { test: /^Write a (real )?date|^must be a real date/, key: "date" },
  { test: /^Must be a whole number|^must be a whole number/, key: "whole" },
  { test: /^At least (\d+)$/, key: "atLeast" },
  { test: /^At most (\d+)$/, key: "atMost" },
  { test: /^Choose at least one day|^must list at least one weekday/, key: "weekdays" },
  { test: /^Write breaks as/, key: "breaksFormat" },
  { test: /^must lie within the session/, key: "breaksInside" },
  { test: /^overlaps breaks/, key: "breaksOverlap" },
  { test: /^must be after the break's start/, key: "breakOrder" },
  { test: /^must be after start/, key: "endAfterStart" },
  { test: /^must not be before validFrom/, key: "untilAfterFrom" },
  { test: /^give both start and end/, key: "bothTimes" },
  { test: /^Overlaps another active rule/, key: "ruleOverlap" },
  { test: /^This doctor does not practise at this clinic/, key: "notHere" },
];

/** One service message in the page's language: a known one translated, else prefixed with the field's label. */
export function fieldMessage(message: string, label: string | undefined, t: Translate): string {
  for (const { test, key } of KNOWN) {
    const match = test.exec(message);
    if (!match) continue;
    const text = t(`doctor.availability.error.${key}`, { n: match[1] ?? "", field: label ?? "" });
    // Without a label the "{field}: " lead-in would be empty.
    return label ? text : text.replace(/^\s*:\s*/, "");
  }
  if (!label) return message;
  return /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/**
 * Form errors for a failed availability action. `forbidden` becomes a plain "your role
 * can't change this"; other user-facing codes as `actionErrors` gives them, with fields
 * renamed to the form's and messages translated; anything else is rethrown.
 */
export function availabilityErrors(
  err: unknown,
  t: Translate,
  { labels = {}, rename = {} }: { labels?: Record<string, string>; rename?: Record<string, string> } = {},
): { errors: FormErrors; status: number } {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === "forbidden") return { errors: { formError: t("doctor.availability.error.forbidden"), fieldErrors: {} }, status: 403 };
  const raw = actionErrors(err);
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(raw.fieldErrors)) {
    const field = formFieldOf(path, rename);
    fieldErrors[field] ??= fieldMessage(message, labels[field], t);
  }
  // The service's not_found text names its own nouns ("No such doctor."); the page says it plainly.
  const formError = code === "not_found" ? t("doctor.availability.error.notFound") : raw.formError;
  const status = code === "not_found" ? 404 : code === "conflict" ? 409 : 400;
  return { errors: { formError, fieldErrors }, status };
}
