import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { AppName } from "../context.js";

export interface RemixAppBuild {
  name: AppName;
  /** `/` for the patient app and the console, `/doctor` and `/admin` otherwise. */
  basename: string;
  build: ServerBuild;
  clientDir: string;
}

export type RemixBuilds = Record<AppName, RemixAppBuild>;

const BASENAMES: Record<AppName, string> = { patient: "/", doctor: "/doctor", admin: "/admin", console: "/" };

/** True when every app has a server build under `tenant-apps/<app>/build`. */
export function remixBuildsExist(repoRoot: string): boolean {
  return (Object.keys(BASENAMES) as AppName[]).every((a) => existsSync(path.join(repoRoot, "tenant-apps", a, "build/server/index.js")));
}

/** Imports the four apps' server builds (made by `npm run build`). */
export async function loadRemixBuilds(repoRoot: string): Promise<RemixBuilds> {
  const out = {} as RemixBuilds;
  for (const name of Object.keys(BASENAMES) as AppName[]) {
    const dir = path.join(repoRoot, "tenant-apps", name, "build");
    const serverFile = path.join(dir, "server/index.js");
    if (!existsSync(serverFile)) throw new Error(`Missing build for the ${name} app (${serverFile}); run \`npm run build\``);
    const build = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
    out[name] = { name, basename: BASENAMES[name], build, clientDir: path.join(dir, "client") };
  }
  return out;
}
