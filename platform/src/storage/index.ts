// CONTRACT (owned by the providers helper): one storage interface for uploaded files.
// Local disk by default (under DATA_DIR/uploads), S3-compatible when S3_BUCKET is set.
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

/** The storage the configuration asks for: S3-compatible when S3_BUCKET is set, else local disk. */
export function createFileStorage(_config: {
  DATA_DIR: string;
  UPLOADS_DIR?: string;
  S3_BUCKET?: string;
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
}): FileStorage {
  const todo = async (): Promise<never> => {
    throw new Error("storage: not implemented yet");
  };
  return { put: todo, get: todo, delete: todo };
}
