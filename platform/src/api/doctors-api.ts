// CONTRACT (owned by the search helper): GET /api/v1/doctors, /api/v1/doctors/{slug},
// /api/v1/specialties (public discovery, same filters as the search page). Stub until implemented.
import express, { type Router } from "express";
import type { DiscoveryServices } from "../context.js";
import type { Response } from "express";

/** Public discovery endpoints; `discovery(res)` gives the facade of the request's tenant. */
export function createDoctorsApiRouter(_deps: { discovery: (res: Response) => DiscoveryServices }): Router {
  return express.Router();
}
