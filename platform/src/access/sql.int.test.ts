import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMongoAbility, type RawRuleOf } from "@casl/ability";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { ACTIONS, accessibleWhere, defineAbilityFor, subject, type Actor, type AppAbility } from "./index.js";
import { ACTOR_NAMES, ACTORS, NOW } from "./test-fixtures.js";

let platform: Platform;
let tenant: Tenant;

// Qualified and bare column names both work: `??` quotes each part.
const COLUMNS = {
  id: "appointment_rows.id",
  patientId: "patient_id",
  providerId: "provider_id",
  clinicId: "appointment_rows.clinic_id",
  status: "status",
  fee: "fee",
  reason: "reason",
};

type Row = { id: string; patient_id: string; provider_id: string | null; clinic_id: string; status: string; fee: number; reason: string };
// Not "appointments": the tenant schema has the real table (issue 5); these rows are a stand-in.
let appointments: Record<string, unknown>[] = [];

const toRecord = (r: Row) => ({
  id: r.id,
  patientId: r.patient_id,
  providerId: r.provider_id,
  clinicId: r.clinic_id,
  status: r.status,
  fee: r.fee,
  reason: r.reason,
});

beforeAll(async () => {
  platform = await createTestPlatform();
  tenant = await createTestTenant(createProvisioningService(platform));
  const rows: Row[] = [];
  let n = 0;
  for (const patient of ["p1", "p2", "p3"]) {
    for (const provider of ["pr1", "pr2", null]) {
      for (const clinic of ["c1", "c2", "c3"]) {
        n++;
        rows.push({
          id: `a${String(n).padStart(2, "0")}`,
          patient_id: patient,
          provider_id: provider,
          clinic_id: clinic,
          status: n % 3 === 0 ? "cancelled" : "booked",
          fee: 100 * n,
          reason: `reason ${n}`,
        });
      }
    }
  }
  await platform.withTenant(tenant, async ({ db }) => {
    await db.schema.createTable("appointment_rows", (t) => {
      t.text("id").primary();
      t.text("patient_id").notNullable();
      t.text("provider_id");
      t.text("clinic_id").notNullable();
      t.text("status").notNullable();
      t.integer("fee").notNullable();
      t.text("reason").notNullable();
    });
    await db("appointment_rows").insert(rows);
    await db.schema.createTable("things", (t) => {
      t.text("id").primary();
      t.text("s");
      t.integer("n");
      t.boolean("b");
      t.integer("k").notNullable();
    });
    const things = [];
    let i = 0;
    for (const s of ["x", "y", null]) for (const nv of [1, 5, null]) for (const b of [true, false, null]) things.push({ id: `t${++i}`, s, n: nv, b, k: i });
    await db("things").insert(things);
  });
  appointments = rows.map(toRecord);
});

afterAll(async () => {
  await platform?.close();
});

async function idsWhere(table: string, where: (qb: never) => void): Promise<string[]> {
  const rows = await platform.withTenant(tenant, ({ db }) => db(table).where(where as never).select("id").orderBy("id"));
  return rows.map((r: { id: string }) => r.id);
}

const ids = (records: Record<string, unknown>[]) => records.map((r) => r.id as string).sort();

const EXTRA_ACTORS: Record<string, Actor> = {
  other_doctor: { ...ACTORS.doctor, userId: "d2", providerId: "pr2" },
  unlinked_doctor: { ...ACTORS.doctor, providerId: null },
  two_clinic_desk: { ...ACTORS.front_desk, clinicIds: ["c1", "c2"] },
  clinicless_desk: { ...ACTORS.front_desk, clinicIds: [] },
  owner_doctor: { ...ACTORS.tenant_admin, roles: ["tenant_admin", "doctor"], providerId: "pr1" },
  desk_and_finance: { ...ACTORS.front_desk, roles: ["front_desk", "finance"] },
  patient_and_desk: { ...ACTORS.patient, roles: ["patient", "front_desk"], clinicIds: ["c3"] },
};
const ALL_ACTORS: [string, Actor][] = [...ACTOR_NAMES.map((n) => [n, ACTORS[n]] as [string, Actor]), ...Object.entries(EXTRA_ACTORS)];

describe("accessibleWhere against Postgres agrees with the ability on every appointment", () => {
  for (const [name, actor] of ALL_ACTORS) {
    it(`for ${name}, for every action`, async () => {
      const ability = defineAbilityFor(actor, { now: NOW });
      for (const action of ACTIONS) {
        const expected = ids(appointments.filter((a) => ability.can(action, subject("Appointment", { ...a }))));
        const actual = await idsWhere("appointment_rows", accessibleWhere(ability, action, "Appointment", COLUMNS) as never);
        expect(actual, `${name} ${action}`).toEqual(expected);
      }
    });
  }

  // Guards against the comparison above passing vacuously (both sides empty or full).
  it.each([
    ["patient", ACTORS.patient, "read", 9],
    ["patient", ACTORS.patient, "transition", 0],
    ["doctor", ACTORS.doctor, "read", 9],
    ["front_desk", ACTORS.front_desk, "cancel", 9],
    ["two_clinic_desk", EXTRA_ACTORS.two_clinic_desk!, "read", 18],
    ["patient_and_desk", EXTRA_ACTORS.patient_and_desk!, "read", 15],
    ["tenant_admin", ACTORS.tenant_admin, "read", 27],
    ["tenant_admin", ACTORS.tenant_admin, "update", 0],
    ["platform_admin", ACTORS.platform_admin, "read", 0],
    ["unlinked_doctor", EXTRA_ACTORS.unlinked_doctor!, "read", 0],
  ] as const)("%s may %s exactly %i appointments", async (_name, actor, action, count) => {
    const ability = defineAbilityFor(actor, { now: NOW });
    expect(await idsWhere("appointment_rows", accessibleWhere(ability, action, "Appointment", COLUMNS) as never)).toHaveLength(count);
  });
});

describe("accessibleWhere translates each operator as CASL evaluates it, nulls included", () => {
  const THING_COLUMNS = { id: "id", s: "s", n: "n", b: "b", k: "k" };
  type Rules = RawRuleOf<AppAbility>[];
  const cases: [string, Rules][] = [
    ["equality", [{ action: "read", subject: "Report", conditions: { s: "x" } }]],
    ["$eq and a boolean", [{ action: "read", subject: "Report", conditions: { s: { $eq: "y" }, b: true } }]],
    ["equality with null", [{ action: "read", subject: "Report", conditions: { s: null } }]],
    ["$ne", [{ action: "read", subject: "Report", conditions: { s: { $ne: "x" } } }]],
    ["$ne null", [{ action: "read", subject: "Report", conditions: { n: { $ne: null } } }]],
    ["$in", [{ action: "read", subject: "Report", conditions: { s: { $in: ["x", "y"] } } }]],
    ["$in with null", [{ action: "read", subject: "Report", conditions: { s: { $in: ["x", null] } } }]],
    ["empty $in", [{ action: "read", subject: "Report", conditions: { s: { $in: [] } } }]],
    ["$nin", [{ action: "read", subject: "Report", conditions: { s: { $nin: ["x"] } } }]],
    ["$nin with null", [{ action: "read", subject: "Report", conditions: { n: { $nin: [1, null] } } }]],
    ["empty $nin", [{ action: "read", subject: "Report", conditions: { s: { $nin: [] } } }]],
    ["$lt $lte $gt $gte", [{ action: "read", subject: "Report", conditions: { k: { $gt: 3, $lte: 20 } } }, { action: "read", subject: "Report", conditions: { k: { $lt: 2 } } }, { action: "read", subject: "Report", conditions: { k: { $gte: 26 } } }]],
    ["several fields (an AND)", [{ action: "read", subject: "Report", conditions: { s: "x", b: { $ne: true }, n: { $in: [1, 5] } } }]],
    ["several rules (a union)", [{ action: "read", subject: "Report", conditions: { s: "x" } }, { action: "read", subject: "Report", conditions: { n: 1 } }]],
    [
      "a conditional cannot after a can",
      [
        { action: "read", subject: "Report", conditions: { s: { $in: ["x", "y"] } } },
        { action: "read", subject: "Report", inverted: true, conditions: { n: 5 } },
        { action: "read", subject: "Report", inverted: true, conditions: { b: { $ne: false }, s: "y" } },
      ],
    ],
    [
      "cannots with every operator, negated",
      [
        { action: "read", subject: "Report" },
        { action: "read", subject: "Report", inverted: true, conditions: { n: { $nin: [1] }, k: { $lt: 20 }, s: { $ne: null } } },
        { action: "read", subject: "Report", inverted: true, conditions: { b: { $in: [true, null] }, k: { $gte: 22, $lte: 25 } } },
        { action: "read", subject: "Report", inverted: true, conditions: { s: null, n: { $eq: 5 }, k: { $gt: 10 } } },
        { action: "read", subject: "Report", inverted: true, conditions: { n: { $ne: 1 }, s: { $nin: ["x", null] } } },
      ],
    ],
    ["unconditional can", [{ action: "read", subject: "Report" }]],
    ["unconditional can with a cannot", [{ action: "read", subject: "Report" }, { action: "read", subject: "Report", inverted: true, conditions: { s: "x" } }]],
    ["unconditional cannot", [{ action: "read", subject: "Report", conditions: { s: "x" } }, { action: "read", subject: "Report", inverted: true }]],
    ["manage all", [{ action: "manage", subject: "all", conditions: { b: false } }]],
    ["no rules", []],
    ["rules for another action only", [{ action: "update", subject: "Report" }]],
  ];

  for (const [label, rules] of cases) {
    it(label, async () => {
      const ability = createMongoAbility(rules) as AppAbility;
      const things = await platform.withTenant(tenant, ({ db }) => db("things").select());
      const expected = ids(things.filter((t: Record<string, unknown>) => ability.can("read", subject("Report", { ...t }))));
      expect(await idsWhere("things", accessibleWhere(ability, "read", "Report", THING_COLUMNS) as never)).toEqual(expected);
    });
  }

  it("leaves the query unfiltered for unconditional access and filters everything for no access", async () => {
    const calls: string[] = [];
    const qb = { whereRaw: (sql: string) => calls.push(sql) } as never;
    accessibleWhere(createMongoAbility([{ action: "read", subject: "Report" }]) as AppAbility, "read", "Report", {})(qb);
    expect(calls).toEqual([]);
    accessibleWhere(createMongoAbility([]) as AppAbility, "read", "Report", {})(qb);
    expect(calls).toEqual(["(false)"]);
  });

  it("throws on a field with no column", () => {
    const ability = defineAbilityFor(ACTORS.patient, { now: NOW });
    const { patientId: _omitted, ...withoutPatient } = COLUMNS;
    expect(() => accessibleWhere(ability, "read", "Appointment", withoutPatient)).toThrow(/no column for field "patientId"/);
  });

  it("throws on an operator it cannot translate", () => {
    const ability = createMongoAbility([{ action: "read", subject: "Report", conditions: { s: { $regex: "^x" } } }]) as AppAbility;
    expect(() => accessibleWhere(ability, "read", "Report", THING_COLUMNS)).toThrow(/unsupported operator \$regex/);
  });

  it("throws on $or/$and/$nor inside a rule, which CASL itself does not evaluate", () => {
    for (const op of ["$or", "$and", "$nor"]) {
      const ability = createMongoAbility([{ action: "read", subject: "Report", conditions: { [op]: [{ s: "x" }] } }]) as AppAbility;
      expect(ability.can("read", subject("Report", { s: "x" }))).toBe(false);
      expect(() => accessibleWhere(ability, "read", "Report", THING_COLUMNS)).toThrow(/unsupported operator \$(or|and|nor)/);
    }
  });

  it("throws on a condition over a nested object", () => {
    const ability = createMongoAbility([{ action: "read", subject: "Report", conditions: { s: { deep: 1 } } }]) as AppAbility;
    expect(() => accessibleWhere(ability, "read", "Report", THING_COLUMNS)).toThrow(/unsupported value/);
  });

  it("passes values as bindings, never as SQL text", async () => {
    const nasty = "x'; drop table things; --";
    const ability = createMongoAbility([{ action: "read", subject: "Report", conditions: { s: nasty } }]) as AppAbility;
    expect(await idsWhere("things", accessibleWhere(ability, "read", "Report", THING_COLUMNS) as never)).toEqual([]);
    const count = await platform.withTenant(tenant, ({ db }) => db("things").count<{ count: string }[]>("* as count"));
    expect(count[0]!.count).toBe("27");
  });
});
