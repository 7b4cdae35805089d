export { createApp, requestState, tenantInfo, type AppDeps, type RequestState } from "./create-app.js";
export { loadRemixBuilds, remixBuildsExist, type RemixBuilds } from "./remix-apps.js";
export { escapeHtml } from "./html.js";
