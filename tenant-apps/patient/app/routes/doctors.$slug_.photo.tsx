import type { LoaderFunctionArgs } from "@remix-run/node";
import { orNotFound, requireDiscovery } from "../discovery.server";

/**
 * A published doctor's photo (resource route). The bytes come through the platform's
 * storage, never from a public path; `nosniff` keeps a browser from reading them as
 * anything but the checked image type.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const discovery = requireDiscovery(context);
  const photo = await orNotFound(discovery.doctorPhoto(params.slug ?? ""));
  // Storage reads into plain ArrayBuffers (never shared memory), which is what a Response body takes.
  return new Response(photo.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.byteLength),
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
