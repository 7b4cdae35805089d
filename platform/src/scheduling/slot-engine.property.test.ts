import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { expandSlots, formatLocalTime, parseLocalTime, type Slot, type WeeklyRule } from "./index.js";

const ZONES = [
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "UTC",
];
const DAY_MS = 86_400_000;
const YEARS_FROM = Date.UTC(2026, 0, 1);
const YEARS_TO = Date.UTC(2029, 0, 1);

// The days on which each zone changes its offset, found with luxon (not the engine), so
// that windows land on DST changes far more often than uniform dates would.
const CHANGE_DAYS = new Map<string, number[]>(
  ZONES.map((zone) => {
    const days: number[] = [];
    for (let ms = YEARS_FROM; ms < YEARS_TO; ms += DAY_MS) {
      if (DateTime.fromMillis(ms, { zone }).offset !== DateTime.fromMillis(ms + DAY_MS, { zone }).offset) days.push(ms / DAY_MS);
    }
    return [zone, days];
  }),
);

// The wall clock of an instant in a zone, read through Intl: an oracle independent of the engine.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(date: Date, zone: string): { date: string; time: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string) => DateTime.fromISO(date, { zone: "UTC" }).weekday;
const minutes = (t: string) => parseLocalTime(t)!;

const breaksArb = (start: number, end: number) =>
  fc
    .uniqueArray(fc.integer({ min: start + 1, max: end - 1 }), { maxLength: 4 })
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const breaks: { start: string; end: string }[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) breaks.push({ start: formatLocalTime(sorted[i]!), end: formatLocalTime(sorted[i + 1]!) });
      return breaks;
    });

// Rules mostly share the case's zone (so that they overlap and meet its DST changes) and
// are valid around the window's day.
const ruleArb = (id: string, zone: string, anchorDay: number, night: boolean) =>
  fc
    .record({
      zone: fc.oneof({ arbitrary: fc.constant(zone), weight: 3 }, { arbitrary: fc.constantFrom(...ZONES), weight: 1 }),
      clinicId: fc.constantFrom("c1", "c2"),
      weekdays: fc.oneof(fc.constant<number[]>([1, 2, 3, 4, 5, 6, 7]), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })),
      // Night rules meet the DST changes, which happen between 00:00 and 03:00 in these zones.
      start: night ? fc.integer({ min: 0, max: 180 }) : fc.integer({ min: 0, max: 1380 }),
      length: fc.integer({ min: 20, max: 600 }),
      slotMinutes: fc.oneof(fc.constantFrom(10, 15, 20, 30, 45, 60), fc.integer({ min: 5, max: 240 })),
      bufferBefore: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      bufferAfter: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      validFrom: fc.integer({ min: anchorDay - 60, max: anchorDay + 5 }),
      validDays: fc.option(fc.integer({ min: 0, max: 200 })),
    })
    .chain((r) => {
      const end = Math.min(r.start + r.length, 1439);
      return breaksArb(r.start, end).map(
        (breaks): WeeklyRule => ({
          id,
          providerId: "p1",
          clinicId: r.clinicId,
          timeZone: r.zone,
          weekdays: r.weekdays,
          start: formatLocalTime(r.start),
          end: formatLocalTime(end),
          slotMinutes: r.slotMinutes,
          bufferBeforeMinutes: r.bufferBefore,
          bufferAfterMinutes: r.bufferAfter,
          capacity: 1,
          mode: "in_clinic",
          validFrom: isoDate(r.validFrom),
          validUntil: r.validDays === null ? null : isoDate(r.validFrom + r.validDays),
          breaks,
        }),
      );
    });

// Half the windows hold one of the zone's DST changes, and their rules then cover the night.
const windowArb = (zone: string) => {
  const changes = CHANGE_DAYS.get(zone)!;
  const anyDay = fc.record({
    day: fc.integer({ min: YEARS_FROM / DAY_MS, max: YEARS_TO / DAY_MS - 1 }),
    shiftMinutes: fc.integer({ min: -1440, max: 1440 }),
    lengthMinutes: fc.oneof(fc.integer({ min: 60, max: 3 * 1440 }), fc.integer({ min: 3 * 1440, max: 14 * 1440 })),
    night: fc.boolean(),
  });
  const changeDay = () => fc.record({
    day: fc.constantFrom(...changes),
    shiftMinutes: fc.integer({ min: -2 * 1440, max: 0 }),
    lengthMinutes: fc.integer({ min: 3 * 1440, max: 10 * 1440 }),
    night: fc.constant(true),
  });
  return (changes.length > 0 ? fc.oneof(anyDay, changeDay()) : anyDay).map(({ day, shiftMinutes, lengthMinutes, night }) => {
    const from = day * DAY_MS + shiftMinutes * 60_000;
    return { day, night, from: new Date(from), to: new Date(from + lengthMinutes * 60_000) };
  });
};

const caseArb = fc.constantFrom(...ZONES).chain((zone) =>
  windowArb(zone).chain(({ day, night, from, to }) =>
    fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`r${i}`, zone, day, night))))
      .map((rules) => ({ rules, window: { from, to } })),
  ),
);

const loneRuleArb = caseArb.map((c) => ({ rule: c.rules[0]!, window: c.window }));

type Case = { rules: WeeklyRule[]; window: { from: Date; to: Date } };

function run({ rules, window }: Case): { slots: Slot[]; ruleOf: (s: Slot) => WeeklyRule } {
  const slots = expandSlots({ rules, exceptions: [], ...window });
  const byId = new Map(rules.map((r) => [r.id, r]));
  return { slots, ruleOf: (s) => byId.get(s.ruleId!)! };
}

const RUNS = { numRuns: 200 };

describe("expandSlots properties", () => {
  it("(1) never gives one provider two slots that overlap in absolute time", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { slots } = run(c);
        const byStart = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        for (let i = 1; i < byStart.length; i++) expect(byStart[i]!.startsAt.getTime()).toBeGreaterThanOrEqual(byStart[i - 1]!.endsAt.getTime());
      }),
      RUNS,
    );
  });

  it("(2) never starts a slot inside a break or lets one overlap a break, in local time", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { slots, ruleOf } = run(c);
        for (const s of slots) {
          const [start, end] = [minutes(s.localStart), minutes(s.localEnd)];
          for (const b of ruleOf(s).breaks ?? []) expect(start < minutes(b.end) && end > minutes(b.start)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("(3) puts every slot at the wall times the rule's arithmetic gives, exactly slotMinutes long", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { slots, ruleOf } = run(c);
        for (const s of slots) {
          const r = ruleOf(s);
          expect(wallOf(s.startsAt, r.timeZone)).toEqual({ date: s.localDate, time: s.localStart });
          expect(wallOf(s.endsAt, r.timeZone)).toEqual({ date: s.localDate, time: s.localEnd });
          expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(r.slotMinutes * 60_000);
          expect(minutes(s.localEnd) - minutes(s.localStart)).toBe(r.slotMinutes);
          // The grid restarts at the session start and at the end of each break.
          const step = r.bufferBeforeMinutes + r.slotMinutes + r.bufferAfterMinutes;
          const occupied = minutes(s.localStart) - r.bufferBeforeMinutes;
          const anchors = [r.start, ...(r.breaks ?? []).map((b) => b.end)].map(minutes);
          expect(anchors.some((a) => occupied >= a && (occupied - a) % step === 0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("(4) keeps every slot, buffers included, within its rule's hours, weekdays and dates", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { slots, ruleOf } = run(c);
        for (const s of slots) {
          const r = ruleOf(s);
          expect(minutes(s.localStart) - r.bufferBeforeMinutes).toBeGreaterThanOrEqual(minutes(r.start));
          expect(minutes(s.localEnd) + r.bufferAfterMinutes).toBeLessThanOrEqual(minutes(r.end));
          expect(r.weekdays).toContain(weekdayOf(s.localDate));
          expect(s.localDate >= r.validFrom).toBe(true);
          if (r.validUntil !== null) expect(s.localDate <= r.validUntil).toBe(true);
          expect([s.providerId, s.clinicId, s.timeZone]).toEqual([r.providerId, r.clinicId, r.timeZone]);
        }
      }),
      RUNS,
    );
  });

  it("(5) returns slots sorted by start then clinic, all starting in [from, to)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { slots } = run(c);
        for (const s of slots) {
          expect(s.startsAt.getTime()).toBeGreaterThanOrEqual(c.window.from.getTime());
          expect(s.startsAt.getTime()).toBeLessThan(c.window.to.getTime());
        }
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1]!, slots[i]!];
          const order = a.startsAt.getTime() - b.startsAt.getTime() || (a.clinicId < b.clinicId ? -1 : a.clinicId > b.clinicId ? 1 : 0);
          expect(order).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it("(6) gives a lone rule every slot of its grid on days without a DST change (the properties above hold for no slots at all)", () => {
    fc.assert(
      fc.property(loneRuleArb, ({ rule, window }) => {
        const got = new Set(expandSlots({ rules: [rule], exceptions: [], ...window }).map((s) => `${s.localDate} ${s.localStart}`));
        const step = rule.bufferBeforeMinutes + rule.slotMinutes + rule.bufferAfterMinutes;
        const breaks = (rule.breaks ?? []).map((b) => [minutes(b.start), minutes(b.end)] as const);
        const first = DateTime.fromJSDate(window.from, { zone: rule.timeZone }).startOf("day");
        for (let d = first; d.toMillis() < window.to.getTime(); d = d.plus({ days: 1 })) {
          const date = d.toISODate()!;
          if (!rule.weekdays.includes(d.weekday) || date < rule.validFrom || (rule.validUntil !== null && date > rule.validUntil)) continue;
          if (d.offset !== d.endOf("day").offset) continue;
          // A plain reference loop over the wall-clock grid.
          for (let cursor = minutes(rule.start); cursor + step <= minutes(rule.end); ) {
            const hit = breaks.find(([bs, be]) => bs < cursor + step && be > cursor);
            if (hit) {
              cursor = hit[1];
              continue;
            }
            const start = cursor + rule.bufferBeforeMinutes;
            const at = d.set({ hour: Math.floor(start / 60), minute: start % 60 }).toMillis();
            if (at >= window.from.getTime() && at < window.to.getTime()) expect(got).toContain(`${date} ${formatLocalTime(start)}`);
            cursor += step;
          }
        }
      }),
      RUNS,
    );
  });
});
