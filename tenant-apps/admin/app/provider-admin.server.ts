import { unstable_parseMultipartFormData, type AppLoadContext, type UploadHandler } from "@remix-run/node";
import type { ProviderAdminServices, UploadedFile } from "@visitnow/platform/context";
import { translate, type FormErrors } from "@visitnow/ui";
import { requireAdminStaff } from "./access.server";
import { adminActionErrors } from "./tenant-admin.server";

/** The largest single part a page reads; the platform's own limits (photo 2 MB, documents 5 MB) are checked after. */
export const MAX_PART_BYTES = 6 * 1024 * 1024;

/** Provider onboarding, clinics and specialties for a signed-in admin-console user (signed out: to sign-in). */
export function requireProviderAdmin(context: AppLoadContext, request: Request): ProviderAdminServices {
  requireAdminStaff(context, request);
  // The server builds this for every fully signed-in staff request to this app.
  if (!context.providerAdmin) throw new Response("Provider administration is not available", { status: 500 });
  return context.providerAdmin;
}

function codeOf(err: unknown): string | null {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : null;
}

/**
 * A loader's facade call: `not_found` becomes a 404 and `forbidden` a 403 for the route's
 * error boundary (so a record of another tenant looks like any missing page).
 */
export async function loadOrThrow<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = codeOf(err);
    if (code === "not_found") throw new Response("Not found", { status: 404 });
    if (code === "forbidden") {
      throw new Response(JSON.stringify({ reason: "missing_role" }), {
        status: 403,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      });
    }
    throw err;
  }
}

/** Like `loadOrThrow`, but `null` when the user's role may not see this part of the page. */
export async function loadOptional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    const code = codeOf(err);
    if (code === "forbidden" || code === "not_found") return null;
    throw err;
  }
}

/** What a form posted, as strings; the names in `lists` (checkbox groups) always as arrays. */
export type FormValues = Record<string, string | string[]>;

const NOT_VALUES = new Set(["_csrf", "intent"]);

/**
 * The text fields of a posted form, for the facade and for refilling the form: only the
 * `fields` named (so strict input schemas never see `_csrf`, `intent` or an empty file
 * part), or every text field but those two when `fields` is left out.
 */
export function formValues(form: FormData, { fields, lists = [] }: { fields?: readonly string[]; lists?: readonly string[] } = {}): FormValues {
  const values: FormValues = {};
  for (const name of lists) values[name] = form.getAll(name).filter((v): v is string => typeof v === "string");
  for (const [name, value] of form) {
    if (NOT_VALUES.has(name) || lists.includes(name) || typeof value !== "string") continue;
    if (fields && !fields.includes(name)) continue;
    values[name] = value;
  }
  return values;
}

/** One text field of a form, or "" (never a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Reads a multipart form into memory. A part over `MAX_PART_BYTES` is drained and left
 * out instead of failing the whole parse (what `MaxPartSizeExceededError` would do), so
 * the page can keep every value typed and name each file that was too large.
 */
export async function readUploadForm(request: Request): Promise<{ form: FormData; files: UploadedFile[]; tooLarge: string[] }> {
  const tooLarge: string[] = [];
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_PART_BYTES) chunks.push(chunk);
    }
    if (size > MAX_PART_BYTES) {
      tooLarge.push(name);
      return undefined;
    }
    const bytes = concat(chunks, size);
    if (typeof filename === "string") return new File([bytes], filename, { type: contentType });
    return new TextDecoder().decode(bytes);
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    // An empty file input still sends a part with no name and no bytes.
    if (typeof value === "string" || (value.size === 0 && !value.name)) continue;
    files.push({
      field,
      filename: value.name,
      contentType: value.type || "application/octet-stream",
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return { form, files, tooLarge };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** True when the request carries a multipart body (a form with a file input). */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").includes("multipart/form-data");
}

/** Field errors for files that were over the limit, in the page's language. */
export function tooLargeErrors(context: AppLoadContext, fields: string[]): FormErrors {
  const message = translate(context.i18n.messages, "admin.upload.tooLarge", { mb: Math.floor(MAX_PART_BYTES / 1024 / 1024) });
  return { formError: null, fieldErrors: Object.fromEntries(fields.map((field) => [field, message])) };
}

/**
 * Form errors for a failed provider-admin action, with the service's field paths
 * (`fee.amountMinor`, `specialtyIds.2`, `openingHours.mon`) renamed to the form's fields.
 */
export function providerActionErrors(
  context: AppLoadContext,
  err: unknown,
  rename: (path: string) => string = formField,
): { errors: FormErrors; status: number } {
  const { errors, status } = adminActionErrors(context, err);
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors.fieldErrors)) fieldErrors[rename(path)] ??= message;
  return { errors: { ...errors, fieldErrors }, status: codeOf(err) === "conflict" ? 409 : status };
}

/** The form field a service field path belongs to. */
export function formField(path: string): string {
  if (path.startsWith("openingHours")) {
    const day = /^openingHours[._](\w{3})/.exec(path)?.[1];
    return day ? `openingHours_${day}` : "openingHours_mon";
  }
  const head = path.split(/[.[]/)[0] ?? path;
  if (head === "fee" || head === "feeMinor" || head === "currency") return "feeRupees";
  return head;
}

/** A translated message for a field the person left empty. */
export function requiredError(context: AppLoadContext, field: string, key: string): FormErrors {
  return { formError: null, fieldErrors: { [field]: translate(context.i18n.messages, key) } };
}

/** The default clinic time zone (India). */
export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

/**
 * IANA time zones for a select, built on the server so the page and hydration agree.
 * Node's ICU still lists the old `Asia/Calcutta`; the current name replaces it.
 */
export function timeZoneList(current?: string | null): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.delete("Asia/Calcutta");
  zones.add(DEFAULT_TIME_ZONE);
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}
