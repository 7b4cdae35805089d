import { parseArgs } from "node:util";
import { createPlatform, createLogger, isDomainError, loadConfig, type MigrationProgress } from "@visitnow/platform";
import { createProvisioningService } from "./create-provisioning-service.js";
import { seedDemo } from "./demo-seed.js";

const USAGE = `Usage: npm run tenants -- <command> [options]

Commands:
  list                                   List tenants with status, domains and theme
  create --slug S --name N --kind hospital|marketplace --domain HOST
         [--alias HOST ...] [--theme T] [--locale en|hi] [--tz Asia/Kolkata]
                                         Provision a tenant (role, schema, tables, domains)
  migrate [--slug S ...] [--concurrency N]
                                         Migrate the platform schema, then every tenant
  suspend <slug>                         Stop routing to a tenant (its hosts answer 503)
  resume <slug>                          Route to a suspended tenant again
  delete <slug> --confirm <slug>         Remove a tenant's schema, role and domains
  seed                                   Provision the demo tenants, users and doctors (idempotent)
  themes                                 List the available themes
`;

function progressLine(p: MigrationProgress, failed: number): string {
  const width = 30;
  const filled = Math.round((p.done / Math.max(p.total, 1)) * width);
  return `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.done}/${p.total} tenants${failed ? `, ${failed} failed` : ""}`;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      slug: { type: "string", multiple: true },
      name: { type: "string" },
      kind: { type: "string" },
      domain: { type: "string" },
      alias: { type: "string", multiple: true },
      theme: { type: "string" },
      locale: { type: "string" },
      tz: { type: "string" },
      confirm: { type: "string" },
      concurrency: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const config = loadConfig();
  if (values.concurrency) config.MIGRATE_CONCURRENCY = Number(values.concurrency);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
  const platform = await createPlatform(config, { logger });
  const service = createProvisioningService(platform);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    if (command !== "migrate" && command !== "themes") await platform.migrations.migratePlatformOnly();
    switch (command) {
      case "list": {
        const tenants = await service.list();
        if (values.json) out(JSON.stringify(tenants, null, 2));
        else if (!tenants.length) out("No tenants yet. Create one with `npm run tenants -- create ...` or `npm run seed`.");
        else
          for (const t of tenants)
            out(
              `${t.slug.padEnd(20)} ${t.status.padEnd(12)} ${t.kind.padEnd(11)} theme=${t.theme.padEnd(10)} ` +
                t.domains.map((d) => `${d.hostname}${d.kind === "primary" ? "*" : ""}`).join(", "),
            );
        return 0;
      }
      case "create": {
        const slug = values.slug?.[0] ?? positionals[0];
        const tenant = await service.create(
          {
            slug: slug ?? "",
            name: values.name ?? "",
            kind: (values.kind ?? "hospital") as "hospital" | "marketplace",
            theme: values.theme,
            defaultLocale: values.locale as "en" | "hi" | undefined,
            timeZone: values.tz,
            domains: [
              ...(values.domain ? [{ hostname: values.domain, kind: "primary" as const }] : []),
              ...(values.alias ?? []).map((hostname) => ({ hostname, kind: "alias" as const })),
            ],
          },
          (step) => process.stderr.write(`  ${step}\n`),
        );
        out(`Created ${tenant.slug} (${tenant.status}), schema ${tenant.schema}, role ${tenant.role}`);
        return 0;
      }
      case "migrate": {
        let failed = 0;
        const tty = process.stderr.isTTY;
        let lastPct = -1;
        const summary = await service.migrate({
          slugs: values.slug,
          onWait: () => process.stderr.write("Another migration is running; waiting for it to finish...\n"),
          onProgress: (p) => {
            if (p.last.result === "failed") {
              failed += 1;
              process.stderr.write(`${tty ? "\n" : ""}  ${p.last.slug}: FAILED: ${p.last.error}\n`);
            }
            const pct = Math.floor((p.done / p.total) * 10);
            if (tty) process.stderr.write(`\r${progressLine(p, failed)}`);
            else if (pct !== lastPct || p.done === p.total) {
              lastPct = pct;
              process.stderr.write(`${progressLine(p, failed)}\n`);
            }
          },
        });
        if (tty && summary.tenants.length) process.stderr.write("\n");
        if (summary.platformApplied.length) out(`Platform: applied ${summary.platformApplied.join(", ")}`);
        else out("Platform: up to date");
        const c = summary.counts;
        out(`Tenants: ${c.total} total, ${c.applied} migrated, ${c.noop} already up to date, ${c.failed} failed (${Math.round(summary.durationMs)} ms)`);
        return c.failed ? 2 : 0;
      }
      case "suspend":
      case "resume": {
        const slug = positionals[0] ?? values.slug?.[0];
        if (!slug) throw new Error(`Usage: tenants ${command} <slug>`);
        const t = command === "suspend" ? await service.suspend(slug) : await service.resume(slug);
        out(`${t.slug} is now ${t.status}`);
        return 0;
      }
      case "delete": {
        const slug = positionals[0] ?? values.slug?.[0];
        if (!slug) throw new Error("Usage: tenants delete <slug> --confirm <slug>");
        await service.delete(slug, { confirm: values.confirm });
        out(`Deleted ${slug}: schema, role, domains and registration removed`);
        return 0;
      }
      case "seed": {
        const created = await seedDemo(service, out, {
          identity: platform.identity,
          platformAdmins: platform.platformAdmins,
          providers: platform.providers,
          directory: platform.directory,
          accountAdmin: platform.accountAdmin,
          scheduling: platform.scheduling,
        });
        out(created.length ? `Seeded ${created.join(", ")}` : "Demo tenants already present");
        return 0;
      }
      case "themes":
        out(platform.themes.names().join("\n"));
        return 0;
      default:
        process.stderr.write(`Unknown command "${command}"\n\n${USAGE}`);
        return 1;
    }
  } catch (err) {
    if (isDomainError(err)) {
      process.stderr.write(`Error (${err.code}): ${err.message}\n`);
      if (Array.isArray(err.details)) for (const d of err.details as { field: string; message: string }[]) process.stderr.write(`  ${d.field}: ${d.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await platform.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
