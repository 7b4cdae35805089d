// `npm start`: works on a fresh clone with nothing run before it.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, ensureBuilt, ensureInstalled } from "./bootstrap.mjs";

ensureInstalled();
ensureBuilt();
const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "platform/src/server/main.ts")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { NODE_ENV: "development", ...process.env },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
