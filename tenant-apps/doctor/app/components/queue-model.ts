/*
 * Pure rules of the "Today" page: what the summary counts, who "Call next" calls, which
 * buttons a queue entry offers, and the small debounce the live queue uses. No React, no
 * platform calls, so they are unit-tested on their own.
 */
import type { AppointmentStatus, QueueEntryView } from "@visitnow/platform/context";

/** The form intents of the queue page that move an appointment, and the status each moves it to. */
export const MOVES = {
  check_in: "checked_in",
  start: "in_consultation",
  complete: "completed",
  no_show: "no_show",
} as const satisfies Record<string, AppointmentStatus>;

export type MoveIntent = keyof typeof MOVES;
export type QueueIntent = MoveIntent | "cancel" | "call_next";

const INTENTS: readonly string[] = [...Object.keys(MOVES), "cancel", "call_next"];

export function isQueueIntent(value: unknown): value is QueueIntent {
  return typeof value === "string" && INTENTS.includes(value);
}

export function isMoveIntent(value: unknown): value is MoveIntent {
  return typeof value === "string" && Object.hasOwn(MOVES, value);
}

export interface QueueSummary {
  /** Expected or checked in, not yet seen. */
  waiting: number;
  inConsultation: number;
  done: number;
  noShows: number;
}

/**
 * The counts at the top of the page. The queue holds only live visits (booked, checked in,
 * in consultation); finished ones come from the day's appointments, which are counted once
 * each even when they also appear in the queue.
 */
export function queueSummary(queue: readonly { id: string; status: AppointmentStatus }[], day: readonly { id: string; status: AppointmentStatus }[] = []): QueueSummary {
  const byId = new Map<string, AppointmentStatus>();
  for (const a of day) byId.set(a.id, a.status);
  // The queue is the fresher of the two (it is what the buttons act on).
  for (const a of queue) byId.set(a.id, a.status);
  const summary: QueueSummary = { waiting: 0, inConsultation: 0, done: 0, noShows: 0 };
  for (const status of byId.values()) {
    if (status === "booked" || status === "checked_in") summary.waiting += 1;
    else if (status === "in_consultation") summary.inConsultation += 1;
    else if (status === "completed") summary.done += 1;
    else if (status === "no_show") summary.noShows += 1;
  }
  return summary;
}

/**
 * Who "Call next" starts: the first checked-in patient in queue order (at `clinicId` when
 * given). Patients still only booked are not called: they have not arrived.
 */
export function nextToCall<T extends Pick<QueueEntryView, "status" | "clinicId" | "position" | "startsAt">>(queue: readonly T[], clinicId?: string | null): T | null {
  const waiting = queue.filter((e) => e.status === "checked_in" && (!clinicId || e.clinicId === clinicId));
  waiting.sort((a, b) => a.position - b.position || a.startsAt.localeCompare(b.startsAt));
  return waiting[0] ?? null;
}

/** The buttons an entry offers for its status (the service checks again); `cancel` only for users who may cancel. */
export function allowedActions(status: AppointmentStatus, mayCancel: boolean): (MoveIntent | "cancel")[] {
  switch (status) {
    case "booked":
      return mayCancel ? ["check_in", "no_show", "cancel"] : ["check_in", "no_show"];
    case "checked_in":
      return ["start", "no_show"];
    case "in_consultation":
      return ["complete"];
    default:
      return [];
  }
}

/** Queue entries grouped by clinic, keeping the queue's order inside each clinic and the clinics' first appearance. */
export function groupByClinic<T extends Pick<QueueEntryView, "clinicId" | "clinicName">>(queue: readonly T[]): { clinicId: string; clinicName: string; entries: T[] }[] {
  const groups = new Map<string, { clinicId: string; clinicName: string; entries: T[] }>();
  for (const entry of queue) {
    let group = groups.get(entry.clinicId);
    if (!group) {
      group = { clinicId: entry.clinicId, clinicName: entry.clinicName, entries: [] };
      groups.set(entry.clinicId, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()];
}

/** A fingerprint of what the page shows, to tell whether a live update changed anything. */
export function queueSignature(queue: readonly Pick<QueueEntryView, "id" | "status" | "position">[]): string {
  return queue.map((e) => `${e.id}:${e.status}:${e.position}`).join("|");
}

/** The wait shown for an entry: `now` (in consultation), `next` (0 min, waiting), or rounded-up minutes. */
export function waitText(entry: Pick<QueueEntryView, "status" | "estimatedWaitMinutes">): { kind: "now" } | { kind: "next" } | { kind: "minutes"; minutes: number } {
  if (entry.status === "in_consultation") return { kind: "now" };
  if (entry.estimatedWaitMinutes <= 0) return { kind: "next" };
  // "About 15 min" reads better than "about 13 min": round up to 5.
  return { kind: "minutes", minutes: Math.ceil(entry.estimatedWaitMinutes / 5) * 5 };
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

/** Calls `fn` once, `ms` after the last of a burst of calls (with that call's arguments). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const debounced = (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
