import type { Knex } from "knex";
import type { TenantScope } from "../db/index.js";

const PROVIDERS = "providers";
const PROVIDER_CLINICS = "provider_clinics";
const CLINICS = "clinics";

/** A published doctor as the patient booking pages need them: id, name and active clinics. */
export interface BookableDoctor {
  id: string;
  slug: string;
  name: string;
  clinics: { id: string; name: string; timeZone: string }[];
}

/** Where an appointment happens, for its detail view and calendar file. */
export interface AppointmentPlaces {
  providerSlugs: Map<string, string>;
  clinicAddresses: Map<string, string>;
}

/** Read-only lookups for the patient booking facade (slug -> doctor, addresses). */
export class PatientBookingStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /** The published doctor with `slug`, with their active clinics by name; null otherwise. */
  async publishedDoctor(slug: string): Promise<BookableDoctor | null> {
    const p = await this.db(PROVIDERS).where({ slug, published: true }).first("id", "slug", "name");
    if (!p) return null;
    const clinics = await this.db(`${PROVIDER_CLINICS} as pc`)
      .join(`${CLINICS} as c`, "c.id", "pc.clinic_id")
      .where({ "pc.provider_id": p.id, "c.active": true })
      .orderBy([{ column: "c.name" }, { column: "c.id" }])
      .select("c.id", "c.name", "c.time_zone");
    return {
      id: p.id as string,
      slug: p.slug as string,
      name: p.name as string,
      clinics: clinics.map((c: Record<string, unknown>) => ({ id: c.id as string, name: c.name as string, timeZone: c.time_zone as string })),
    };
  }

  /** Doctors' slugs and clinics' one-line addresses ("address, locality, city"). */
  async places(providerIds: string[], clinicIds: string[]): Promise<AppointmentPlaces> {
    const providers = providerIds.length ? await this.db(PROVIDERS).whereIn("id", [...new Set(providerIds)]).select("id", "slug") : [];
    const clinics = clinicIds.length ? await this.db(CLINICS).whereIn("id", [...new Set(clinicIds)]).select("id", "address_line", "locality", "city") : [];
    return {
      providerSlugs: new Map(providers.map((r: Record<string, unknown>) => [r.id as string, r.slug as string])),
      clinicAddresses: new Map(
        clinics.map((r: Record<string, unknown>) => [r.id as string, joinAddress([r.address_line as string, r.locality as string, r.city as string])]),
      ),
    };
  }
}

/** "1 Main Road, Indiranagar, Bengaluru" without repeating a part the line already names. */
export function joinAddress(parts: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const raw of parts) {
    const part = raw?.trim();
    if (!part) continue;
    if (out.some((p) => p.toLowerCase().includes(part.toLowerCase()))) continue;
    out.push(part);
  }
  return out.join(", ");
}
