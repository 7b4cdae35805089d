// Public discovery endpoints: GET /api/v1/doctors, /api/v1/doctors/{slug} and
// /api/v1/specialties. Same filters and results as the patient app's search page.
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import type { DiscoveryServices } from "../context.js";

/** Runs an async handler and passes DomainErrors on to the app's error handler (stable JSON shape). */
function handle(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

/** A query string as a plain record of single values (a repeated key keeps its first value). */
function queryParams(req: Request): URLSearchParams {
  const i = req.originalUrl.indexOf("?");
  return new URLSearchParams(i >= 0 ? req.originalUrl.slice(i + 1) : "");
}

/** Public discovery endpoints; `discovery(res)` gives the facade of the request's tenant. */
export function createDoctorsApiRouter(deps: { discovery: (res: Response) => DiscoveryServices }): Router {
  const router = express.Router();

  router.get(
    "/api/v1/doctors",
    handle(async (req, res) => {
      const result = await deps.discovery(res).search(queryParams(req));
      res.json(result);
    }),
  );

  router.get(
    "/api/v1/doctors/:slug",
    handle(async (req, res) => {
      res.json(await deps.discovery(res).getDoctor(String(req.params.slug)));
    }),
  );

  router.get(
    "/api/v1/specialties",
    handle(async (_req, res) => {
      const facets = await deps.discovery(res).facets();
      res.json({ items: facets.specialties });
    }),
  );

  return router;
}
