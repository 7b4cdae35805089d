export { loadConfig, REPO_ROOT, type Config } from "./config.js";
export { resolveDatabase, type ResolvedDatabase } from "./resolve-database.js";
