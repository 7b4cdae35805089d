import { IANAZone } from "luxon";
import { ValidationError } from "../errors/index.js";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

// Offsets are read from Intl in chunks of this many days, sampled once a day. This
// assumes a zone never changes its offset twice within 24 hours, true of every zone in
// the tz database since well before the dates we schedule.
const CHUNK_DAYS = 32;
const CHUNK_MS = CHUNK_DAYS * DAY_MS;
// A long-running process asks about a bounded set of months; this only stops a runaway.
const MAX_CHUNKS = 4096;

/** A change of a zone's UTC offset: from `at` (epoch ms) on, the offset is `offset` minutes. */
export interface OffsetTransition {
  at: number;
  offset: number;
}

interface Chunk {
  startOffset: number;
  transitions: OffsetTransition[];
}

/** A zone's UTC offsets with its transitions located to the second, cached per 32-day chunk. */
export class ZoneOffsets {
  private readonly chunks = new Map<number, Chunk>();

  constructor(private readonly zone: IANAZone) {}

  /** The zone's offset from UTC in minutes at an instant. */
  offsetAt(ms: number): number {
    const chunk = this.chunk(Math.floor(ms / CHUNK_MS));
    let offset = chunk.startOffset;
    for (const t of chunk.transitions) {
      if (t.at > ms) break;
      offset = t.offset;
    }
    return offset;
  }

  /** The transitions with `fromMs <= at < toMs`, in order. */
  transitionsIn(fromMs: number, toMs: number): OffsetTransition[] {
    const found: OffsetTransition[] = [];
    for (let i = Math.floor(fromMs / CHUNK_MS); i <= Math.floor((toMs - 1) / CHUNK_MS); i++) {
      for (const t of this.chunk(i).transitions) if (t.at >= fromMs && t.at < toMs) found.push(t);
    }
    return found;
  }

  private chunk(index: number): Chunk {
    let chunk = this.chunks.get(index);
    if (chunk) return chunk;
    // luxon's IANAZone.offset formats a date through Intl on every call (microseconds);
    // a slot page needs thousands of conversions, so read each day once and keep it.
    const start = index * CHUNK_MS;
    chunk = { startOffset: this.zone.offset(start), transitions: [] };
    let prevAt = start;
    let prev = chunk.startOffset;
    for (let k = 1; k <= CHUNK_DAYS; k++) {
      const at = start + k * DAY_MS;
      const offset = this.zone.offset(at);
      if (offset !== prev) {
        const changeAt = this.firstChange(prevAt, at, prev);
        // A change exactly at the next chunk's start is that chunk's start offset.
        if (changeAt < start + CHUNK_MS) chunk.transitions.push({ at: changeAt, offset });
      }
      prevAt = at;
      prev = offset;
    }
    if (this.chunks.size >= MAX_CHUNKS) this.chunks.clear();
    this.chunks.set(index, chunk);
    return chunk;
  }

  // Bisects to the second: tz transitions fall on whole seconds.
  private firstChange(lo: number, hi: number, loOffset: number): number {
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.zone.offset(mid) === loOffset) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

const cache = new Map<string, ZoneOffsets>();

/** Returns true when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.length === 0) return false;
  // luxon asks Intl each time; every expandSlots call validates its rules' zones.
  if (cache.has(timeZone)) return true;
  return IANAZone.isValidZone(timeZone);
}

/** The cached offsets of an IANA zone; throws `validation_failed` for an unknown zone. */
export function requireZoneOffsets(timeZone: string): ZoneOffsets {
  let offsets = cache.get(timeZone);
  if (offsets) return offsets;
  if (!isKnownTimeZone(timeZone)) throw new ValidationError(`Unknown time zone "${timeZone}"`, { timeZone });
  offsets = new ZoneOffsets(IANAZone.create(timeZone));
  cache.set(timeZone, offsets);
  return offsets;
}
