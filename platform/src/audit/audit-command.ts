import { parseArgs } from "node:util";
import type { Platform } from "../create-platform.js";
import type { Tenant } from "../tenancy/index.js";
import type { ChainVerification } from "./audit-types.js";
import { createPlatformAuditService, createTenantAuditService } from "./create-audit-service.js";

export const AUDIT_USAGE = `Usage: npm run audit -- verify (--tenant <slug> ... | --platform | --all)

  verify --tenant <slug>   Verify one tenant's audit chain (repeatable)
  verify --platform        Verify the platform audit chain (console actions)
  verify --all             Verify the platform chain and every tenant's

Prints "<slug>: OK (<n> rows)" or "<slug>: BROKEN at row <id> (<reason>)" per chain.
Exit status: 0 all intact, 2 a chain is broken, 1 usage error or a chain could not be read.
`;

/** The line the command prints for one chain. */
export function formatVerification(label: string, result: ChainVerification): string {
  return result.ok
    ? `${label}: OK (${result.count} ${result.count === 1 ? "row" : "rows"})`
    : `${label}: BROKEN at row ${result.firstBroken.id} (${result.firstBroken.reason})`;
}

/**
 * `audit verify ...` against an already built platform: prints one line per chain to
 * `out` and returns the exit status (0 intact, 2 broken, 1 usage or read error).
 * Read-only: it neither migrates nor writes.
 */
export async function runAuditCommand(
  argv: string[],
  deps: { platform: Platform; out: (line: string) => void; err?: (line: string) => void },
): Promise<number> {
  const err = deps.err ?? deps.out;
  const [command, ...rest] = argv;
  if (command !== "verify") {
    err(AUDIT_USAGE);
    return command === "help" || command === "--help" ? 0 : 1;
  }
  let values: { tenant?: string[]; platform?: boolean; all?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { tenant: { type: "string", multiple: true }, platform: { type: "boolean" }, all: { type: "boolean" } },
    }));
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${AUDIT_USAGE}`);
    return 1;
  }
  if (!values.tenant?.length && !values.platform && !values.all) {
    err(AUDIT_USAGE);
    return 1;
  }

  const { platform } = deps;
  let broken = false;
  let failed = false;
  const check = async (label: string, verify: () => Promise<ChainVerification>): Promise<void> => {
    try {
      const result = await verify();
      if (!result.ok) broken = true;
      deps.out(formatVerification(label, result));
    } catch (e) {
      failed = true;
      deps.out(`${label}: ERROR (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  if (values.platform || values.all) {
    await check("platform", () => createPlatformAuditService(platform.db).verifyChain());
  }
  // Tenants still being provisioned may have no schema yet.
  const tenants: Tenant[] = values.all ? (await platform.tenants.list()).filter((t) => t.status !== "provisioning") : [];
  for (const slug of values.all ? [] : (values.tenant ?? [])) {
    const tenant = await platform.tenants.findBySlug(slug);
    if (!tenant) {
      failed = true;
      deps.out(`${slug}: ERROR (no such tenant)`);
    } else tenants.push(tenant);
  }
  for (const tenant of tenants) {
    await check(tenant.slug, () => platform.withTenant(tenant, (scope) => createTenantAuditService(scope).verifyChain()));
  }
  return broken ? 2 : failed ? 1 : 0;
}
