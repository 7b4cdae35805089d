// `npm run audit -- verify --tenant <slug> | --platform | --all` (see audit-command.ts).
import { loadConfig } from "../config/index.js";
import { createPlatform } from "../create-platform.js";
import { createLogger } from "../observability/index.js";
import { AUDIT_USAGE, runAuditCommand } from "./audit-command.js";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] !== "verify") {
    process.stderr.write(AUDIT_USAGE);
    return argv[0] === "help" || argv[0] === "--help" ? 0 : 1;
  }
  const platform = await createPlatform(loadConfig(), { logger: createLogger({ level: process.env.LOG_LEVEL ?? "warn" }) });
  try {
    return await runAuditCommand(argv, {
      platform,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await platform.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
