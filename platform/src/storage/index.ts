// CONTRACT (owned by the providers helper): one storage interface for uploaded files.
// Local disk by default (under DATA_DIR/uploads), S3-compatible when S3_BUCKET is set.
import path from "node:path";
import { LocalDiskStorage } from "./local-disk-storage.js";
import { S3Storage } from "./s3-storage.js";

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Where uploaded bytes live. Keys are random and never exposed as public URLs. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Null when there is no such key. */
  get(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
}

export { LocalDiskStorage } from "./local-disk-storage.js";
export { S3Storage, type S3Sender } from "./s3-storage.js";
export { assertStorageKey } from "./storage-key.js";
export { sniffFileType, type SniffedType } from "./sniff-file-type.js";

/** The storage the configuration asks for: S3-compatible when S3_BUCKET is set, else local disk. */
export function createFileStorage(config: {
  DATA_DIR: string;
  UPLOADS_DIR?: string;
  S3_BUCKET?: string;
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
}): FileStorage {
  if (config.S3_BUCKET) {
    return S3Storage.fromConfig({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(config.UPLOADS_DIR ?? path.join(config.DATA_DIR, "uploads"));
}
