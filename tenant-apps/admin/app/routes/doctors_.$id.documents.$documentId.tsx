import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadOrThrow, requireProviderAdmin } from "../provider-admin.server";

/*
 * A resource route (no component): the bytes of one credential document, for a signed-in
 * admin whose ability the platform checks on the record. Never cached, never rendered
 * inline, never sniffed into something the browser would run (ADR-0014).
 */

/** `type/subtype` only; anything odd is served as opaque bytes. */
function safeContentType(value: string): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(value) ? value.toLowerCase() : "application/octet-stream";
}

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form (`filename*`). */
function contentDisposition(filename: string): string {
  const name = filename.trim() || "document";
  const fallback = name.replace(/(?:[^\x20-\x7e]|["\\%])+/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Streams the document as a download. */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const admin = requireProviderAdmin(context, request);
  const file = await loadOrThrow(() => admin.downloadDocument(params.id ?? "", params.documentId ?? ""));
  // Storage hands back plain (never shared) buffers; the cast only narrows the DOM typing.
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": safeContentType(file.contentType),
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Should the file be opened in a tab after all, it runs nothing and reaches nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
