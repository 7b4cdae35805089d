import type { Knex } from "knex";
import type { BookingPolicyView } from "../appointments/contract.js";
import type { TenantScope } from "../db/index.js";

const TABLE = "booking_policies";

/** The columns of a policy row as a `BookingPolicyView`, for raw SQL that reads policies inline. */
export const POLICY_JSON = `json_build_object(
  'providerId', bp.provider_id, 'minNoticeMinutes', bp.min_notice_minutes, 'maxAdvanceDays', bp.max_advance_days,
  'cancelCutoffMinutes', bp.cancel_cutoff_minutes, 'rescheduleCutoffMinutes', bp.reschedule_cutoff_minutes,
  'maxActivePerProvider', bp.max_active_per_provider, 'holdMinutes', bp.hold_minutes)`;

/** What applies when a tenant has lost its default row (the migration seeds one; the column defaults). */
export const FALLBACK_POLICY: BookingPolicyView = {
  providerId: null,
  minNoticeMinutes: 60,
  maxAdvanceDays: 30,
  cancelCutoffMinutes: 120,
  rescheduleCutoffMinutes: 120,
  maxActivePerProvider: 1,
  holdMinutes: 5,
};

export type PolicyWrite = Omit<BookingPolicyView, "providerId">;

function toView(r: Record<string, unknown>): BookingPolicyView {
  return {
    providerId: (r.provider_id as string | null) ?? null,
    minNoticeMinutes: r.min_notice_minutes as number,
    maxAdvanceDays: r.max_advance_days as number,
    cancelCutoffMinutes: r.cancel_cutoff_minutes as number,
    rescheduleCutoffMinutes: r.reschedule_cutoff_minutes as number,
    maxActivePerProvider: r.max_active_per_provider as number,
    holdMinutes: r.hold_minutes as number,
  };
}

function toRow(w: PolicyWrite) {
  return {
    min_notice_minutes: w.minNoticeMinutes,
    max_advance_days: w.maxAdvanceDays,
    cancel_cutoff_minutes: w.cancelCutoffMinutes,
    reschedule_cutoff_minutes: w.rescheduleCutoffMinutes,
    max_active_per_provider: w.maxActivePerProvider,
    hold_minutes: w.holdMinutes,
  };
}

/** Booking rules: the tenant default (provider_id null) and per-doctor overrides. */
export class BookingPolicyStore {
  private readonly db: Knex.Transaction;

  constructor(scope: TenantScope) {
    this.db = scope.db;
  }

  /** The doctor's own row, else the tenant default (one query). */
  async policyFor(providerId: string | null): Promise<BookingPolicyView> {
    const q = this.db(TABLE).whereNull("provider_id");
    if (providerId) q.orWhere("provider_id", providerId);
    const r = await q.orderByRaw("provider_id is null").first();
    return r ? toView(r) : FALLBACK_POLICY;
  }

  /** Writes the tenant default (`providerId` null) or a doctor's row, creating it when missing. */
  /** Drops a doctor's own rules (the tenant's then apply); false when they had none. */
  async removeOwn(providerId: string): Promise<boolean> {
    return (await this.db(TABLE).where({ provider_id: providerId }).delete()) > 0;
  }

  async save(providerId: string | null, w: PolicyWrite): Promise<void> {
    const row = { ...toRow(w), updated_at: this.db.fn.now() };
    if (providerId) {
      await this.db(TABLE).insert({ ...row, provider_id: providerId }).onConflict("provider_id").merge();
      return;
    }
    const updated = await this.db(TABLE).whereNull("provider_id").update(row);
    if (!updated) await this.db(TABLE).insert({ ...row, provider_id: null });
  }
}
