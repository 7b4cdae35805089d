import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { UploadedFile } from "@visitnow/platform/context";

/** The largest file a form part may carry; the platform checks type and size again. */
export const MAX_FILE_BYTES = 6 * 1024 * 1024;
/** Generous for a bio, small enough that a text field cannot fill memory. */
const MAX_TEXT_BYTES = 64 * 1024;

/** A multipart form read into memory: text fields (repeated names as lists), non-empty files, and the fields that were too large. */
export interface ParsedUploadForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
  /** Names of the parts that went over their limit (their content is dropped). */
  oversized: string[];
}

/**
 * Reads a `multipart/form-data` request. Unlike Remix's memory handler, an oversized
 * part does not abort the whole form: it is skipped and named in `oversized`, so the
 * page can say which file was too big and still refill every other field.
 */
export async function readUploadForm(request: Request): Promise<ParsedUploadForm> {
  const oversized: string[] = [];
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const limit = filename === undefined ? MAX_TEXT_BYTES : MAX_FILE_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Keep reading past the limit without storing: the parser needs the part consumed to reach the next one.
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
    if (size > limit) {
      oversized.push(name);
      return undefined;
    }
    if (filename === undefined) return new TextDecoder().decode(concat(chunks, size));
    // A file input left empty still sends a part with no name and no bytes.
    if (size === 0 || filename === "") return undefined;
    return new File([concat(chunks, size)], filename, { type: contentType });
  };

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch (err) {
    if (err instanceof TypeError) throw new Response("This form could not be read. Please send it again.", { status: 400 });
    throw err;
  }

  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      const previous = fields[name];
      if (previous === undefined) fields[name] = value;
      else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
    } else {
      files.push({
        field: name,
        filename: value.name,
        contentType: value.type || "application/octet-stream",
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
    }
  }
  return { fields, files, oversized };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
