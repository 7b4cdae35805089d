// Wall-clock dates and times of instants in a zone the viewer chose (the patient's), for
// slot lists. Lives beside the other local-time helpers; the API and the patient app's
// booking facade both use it.
import type { OpenSlot } from "../appointments/contract.js";
import { formatLocalDate, formatLocalTime } from "./local-time.js";

const QUARTER = 15 * 60_000;
const DAY = 86_400_000;

/**
 * A converter from epoch ms to the local date ("YYYY-MM-DD") and time ("HH:MM") in `zone`.
 * Offsets change only on quarter-hour boundaries, so one Intl lookup per quarter hour
 * serves every instant in it. `zone` must be a known IANA zone (Intl throws otherwise).
 */
export function zonedClock(zone: string): (ms: number) => { date: string; time: string } {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / QUARTER);
    let off = offsets.get(bucket);
    if (off === undefined) {
      const at = bucket * QUARTER;
      const p = Object.fromEntries(fmt.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
      off = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - at;
      offsets.set(bucket, off);
    }
    return off;
  };
  return (ms) => {
    const wall = ms + offsetAt(ms);
    const day = Math.floor(wall / DAY);
    return { date: formatLocalDate(day), time: formatLocalTime(Math.floor((wall - day * DAY) / 60_000)) };
  };
}

/** An open slot with its wall-clock date and times in the patient's zone. */
export type OpenSlotWithPatientLocal = OpenSlot & { patientLocal: { date: string; start: string; end: string; timeZone: string } };

/** Adds each slot's wall-clock date and times in `zone`. */
export function withPatientLocal(slots: OpenSlot[], zone: string): OpenSlotWithPatientLocal[] {
  const local = zonedClock(zone);
  return slots.map((s) => {
    const start = local(Date.parse(s.startsAt));
    const end = local(Date.parse(s.endsAt));
    return { ...s, patientLocal: { date: start.date, start: start.time, end: end.time, timeZone: zone } };
  });
}
