/*
 * Types only: what the platform server passes to every loader as `context`, and the
 * single-fetch typing for loader data. Nothing here reaches the bundles.
 */
import type { VisitNowLoadContext } from "@visitnow/platform/context";

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends VisitNowLoadContext {}
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
