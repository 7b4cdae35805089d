import { rulesToQuery } from "@casl/ability/extra";
import type { Knex } from "knex";
import type { Action, AppAbility, RecordSubjectType } from "./subjects.js";

type Fragment = { sql: string; bindings: Knex.Value[] };
type Conditions = Record<string, unknown>;

const COMPARISONS = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" } as const;
const NEGATED_COMPARISONS = { $lt: ">=", $lte: ">", $gt: "<=", $gte: "<" } as const;
const FALSE: Fragment = { sql: "false", bindings: [] };
const TRUE: Fragment = { sql: "true", bindings: [] };

/**
 * A knex where-callback that keeps exactly the rows of `type` the ability lets the actor
 * `action`, e.g. `db("appointments").where(accessibleWhere(ability, "read", "Appointment", COLUMNS))`.
 * `columns` maps each field used in a condition to its (scalar) column; a condition on any
 * other field throws, as does an operator other than $eq $ne $in $nin $lt $lte $gt $gte.
 * Comparisons ($lt…) assume NOT NULL columns (CASL compares null as less than anything).
 * AND it with the rest of the query; don't follow it with a top-level `orWhere`. Field
 * restrictions do not filter rows: pick fields with `pickPermitted`.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  type: RecordSubjectType,
  columns: Record<string, string>,
): (qb: Knex.QueryBuilder) => void {
  // rulesToQuery answers null (no access), {} (unconditional), or { $or: [can rules],
  // $and: [cannot rules] }: a row passes when it matches some `can` and no `cannot`.
  const query = rulesToQuery(ability, action, type, (rule) => ({ conditions: rule.conditions as Conditions }));
  // Translate now, so a rule the helper cannot express fails where the query is built.
  const where =
    query === null
      ? FALSE
      : join(
          [
            join((query.$or ?? []).map((r) => ruleConditions(r.conditions, false, columns)), "or", TRUE),
            join((query.$and ?? []).map((r) => ruleConditions(r.conditions, true, columns)), "and"),
          ],
          "and",
        );
  return (qb) => {
    if (where === TRUE) return;
    qb.whereRaw(`(${where.sql})`, where.bindings);
  };
}

// One rule's conditions: an AND of field conditions. Logical operators ($or, $and, $nor)
// are refused: CASL does not evaluate them inside a rule (it reads them as field names),
// so translating them would let SQL return rows that `can()` refuses.
// Negation is pushed down to the leaves and every leaf is two-valued (never SQL null),
// so a `cannot` over a nullable column means what CASL means: `{ $ne: x }` matches a
// null column, `{ x }` does not.
function ruleConditions(conditions: Conditions, negated: boolean, columns: Record<string, string>): Fragment {
  const parts = Object.entries(conditions).map(([key, value]) => {
    if (key.startsWith("$")) throw new Error(`accessibleWhere: unsupported operator ${key} in a rule's conditions`);
    return field(key, value, negated, columns);
  });
  return join(parts, negated ? "or" : "and");
}

function join(parts: Fragment[], op: "and" | "or", empty: Fragment = op === "and" ? TRUE : FALSE): Fragment {
  // An empty AND is true and an empty OR is false, as in Mongo.
  if (parts.length === 0) return empty;
  const kept = op === "and" ? parts.filter((p) => p !== TRUE) : parts.filter((p) => p !== FALSE);
  if (kept.length === 0) return op === "and" ? TRUE : FALSE;
  if (kept.length === 1) return kept[0]!;
  return { sql: kept.map((p) => `(${p.sql})`).join(` ${op} `), bindings: kept.flatMap((p) => p.bindings) };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k.startsWith("$"))
  );
}

function field(name: string, value: unknown, negated: boolean, columns: Record<string, string>): Fragment {
  if (!Object.prototype.hasOwnProperty.call(columns, name)) throw new Error(`accessibleWhere: no column for field "${name}"`);
  const column = columns[name]!;
  if (!isOperatorObject(value)) return equals(column, scalar(name, value), negated);
  const parts = Object.entries(value).map(([op, operand]) => {
    switch (op) {
      case "$eq":
        return equals(column, scalar(name, operand), negated);
      case "$ne":
        return equals(column, scalar(name, operand), !negated);
      case "$in":
        return within(column, name, operand, negated);
      case "$nin":
        return within(column, name, operand, !negated);
      case "$lt":
      case "$lte":
      case "$gt":
      case "$gte": {
        const v = scalar(name, operand);
        if (v === null) throw new Error(`accessibleWhere: ${op} null on field "${name}"`);
        // A null column matches no comparison; its negation matches it.
        return negated
          ? { sql: `?? ${NEGATED_COMPARISONS[op]} ? or ?? is null`, bindings: [column, v, column] }
          : { sql: `?? ${COMPARISONS[op]} ?`, bindings: [column, v] };
      }
      default:
        throw new Error(`accessibleWhere: unsupported operator ${op} on field "${name}"`);
    }
  });
  return join(parts, negated ? "or" : "and");
}

function scalar(name: string, value: unknown): string | number | boolean | Date | null {
  if (value === null || value instanceof Date || ["string", "number", "boolean"].includes(typeof value)) {
    return value as string | number | boolean | Date | null;
  }
  throw new Error(`accessibleWhere: unsupported value for field "${name}": ${JSON.stringify(value)}`);
}

function equals(column: string, value: string | number | boolean | Date | null, negated: boolean): Fragment {
  if (value === null) return { sql: `?? is ${negated ? "not " : ""}null`, bindings: [column] };
  return negated
    ? { sql: "?? <> ? or ?? is null", bindings: [column, value, column] }
    : { sql: "?? = ?", bindings: [column, value] };
}

function within(column: string, name: string, operand: unknown, negated: boolean): Fragment {
  if (!Array.isArray(operand)) throw new Error(`accessibleWhere: $in/$nin on field "${name}" expects an array`);
  const values = operand.map((v) => scalar(name, v));
  const present = values.filter((v): v is string | number | boolean | Date => v !== null);
  const withNull = present.length !== values.length;
  const marks = present.map(() => "?").join(", ");
  if (!negated) {
    const parts: Fragment[] = [];
    if (present.length) parts.push({ sql: `?? in (${marks})`, bindings: [column, ...present] });
    if (withNull) parts.push({ sql: "?? is null", bindings: [column] });
    return join(parts, "or");
  }
  const parts: Fragment[] = [];
  if (present.length) parts.push({ sql: `?? not in (${marks}) or ?? is null`, bindings: [column, ...present, column] });
  if (withNull) parts.push({ sql: "?? is not null", bindings: [column] });
  return join(parts, "and");
}
