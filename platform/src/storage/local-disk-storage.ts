import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStorage, StoredFile } from "./index.js";
import { assertStorageKey } from "./storage-key.js";

/**
 * Files under one directory on local disk (the default). The content type is kept in a
 * sidecar `<key>.type` file. Writes are atomic (temp file + rename) with mode 0600, so a
 * crash never leaves half a document and other local users cannot read them.
 */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    const p = path.resolve(this.root, assertStorageKey(key));
    // Belt and braces: the key check already refuses anything that could climb out.
    if (!p.startsWith(this.root + path.sep)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
    return p;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await atomicWrite(`${file}.type`, Buffer.from(contentType, "utf8"));
    await atomicWrite(file, bytes);
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    try {
      const [bytes, type] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8").catch(() => "application/octet-stream")]);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: type };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}.type`, { force: true });
  }
}

async function atomicWrite(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600, flag: "wx" });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
