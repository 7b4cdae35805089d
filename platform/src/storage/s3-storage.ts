import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { FileStorage, StoredFile } from "./index.js";
import { assertStorageKey } from "./storage-key.js";

/** The one method of `S3Client` this store uses (tests pass a stub). */
export interface S3Sender {
  send(command: PutObjectCommand | GetObjectCommand | DeleteObjectCommand): Promise<unknown>;
}

/** Files in an S3-compatible bucket (AWS, MinIO, R2, ...). Objects are private; nothing is served from the bucket. */
export class S3Storage implements FileStorage {
  constructor(
    private readonly client: S3Sender,
    private readonly bucket: string,
  ) {}

  /** A store with a real S3 client from the configuration. */
  static fromConfig(c: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean }): S3Storage {
    const client = new S3Client({
      region: c.region,
      endpoint: c.endpoint,
      forcePathStyle: c.forcePathStyle,
      // Without explicit keys the SDK's default chain applies (env, instance role, ...).
      credentials: c.accessKeyId && c.secretAccessKey ? { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey } : undefined,
    });
    return new S3Storage(client, c.bucket);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key), Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<StoredFile | null> {
    try {
      const out = (await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }))) as {
        Body?: { transformToByteArray(): Promise<Uint8Array> };
        ContentType?: string;
      };
      if (!out.Body) return null;
      return { bytes: await out.Body.transformToByteArray(), contentType: out.ContentType ?? "application/octet-stream" };
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }));
  }
}
