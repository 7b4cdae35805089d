export { createApp, requestContext, requestState, tenantInfo, tenantRouter, type AppDeps, type RequestState } from "./create-app.js";
export { loadRemixBuilds, remixBuildsExist, type RemixBuilds } from "./remix-apps.js";
export { escapeHtml } from "./html.js";
