import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStorage, LocalDiskStorage, S3Storage, sniffFileType } from "./index.js";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%...");
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);

describe("sniffFileType", () => {
  it("recognises PDF, PNG, JPEG and WebP by their magic bytes", () => {
    expect(sniffFileType(PDF)).toBe("application/pdf");
    expect(sniffFileType(PNG)).toBe("image/png");
    expect(sniffFileType(JPEG)).toBe("image/jpeg");
    expect(sniffFileType(WEBP)).toBe("image/webp");
  });

  it("refuses HTML, a RIFF that is not WebP, and too-short input", () => {
    expect(sniffFileType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffFileType(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull();
    expect(sniffFileType(Uint8Array.from([0x89, 0x50]))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

describe("LocalDiskStorage", () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "vn-storage-"));
    storage = new LocalDiskStorage(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores, reads back and deletes bytes with their content type, owner-only and without temp files left", async () => {
    const key = "t1/providers/p1/0b9f6e0c-2a35-4d7e-9a53-6c0d2f3f1a11";
    await storage.put(key, PDF, "application/pdf");
    const got = await storage.get(key);
    expect(got?.contentType).toBe("application/pdf");
    expect(Buffer.from(got!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect((await stat(path.join(dir, key))).mode & 0o777).toBe(0o600);
    expect((await readdir(path.join(dir, "t1/providers/p1"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine
  });

  it("returns null for a key that was never written", async () => {
    expect(await storage.get("t1/none")).toBeNull();
  });

  it("refuses keys that could escape the storage directory", async () => {
    for (const key of ["../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "", "a/..", "a/.hidden", "a\\b"]) {
      await expect(storage.put(key, PNG, "image/png"), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("is what createFileStorage builds without S3_BUCKET, under UPLOADS_DIR", async () => {
    const s = createFileStorage({ DATA_DIR: "/nonexistent", UPLOADS_DIR: dir, S3_REGION: "ap-south-1", S3_FORCE_PATH_STYLE: false });
    expect(s).toBeInstanceOf(LocalDiskStorage);
    await s.put("x/y", PNG, "image/png");
    expect((await new LocalDiskStorage(dir).get("x/y"))?.contentType).toBe("image/png");
  });
});

describe("S3Storage", () => {
  function stub(objects = new Map<string, { bytes: Uint8Array; type: string }>()) {
    const sent: unknown[] = [];
    const client = {
      async send(cmd: PutObjectCommand | GetObjectCommand | DeleteObjectCommand) {
        sent.push(cmd);
        const input = cmd.input as { Bucket: string; Key: string; Body?: Uint8Array; ContentType?: string };
        if (cmd instanceof PutObjectCommand) objects.set(input.Key, { bytes: input.Body!, type: input.ContentType! });
        if (cmd instanceof DeleteObjectCommand) objects.delete(input.Key);
        if (cmd instanceof GetObjectCommand) {
          const o = objects.get(input.Key);
          if (!o) throw Object.assign(new Error("The specified key does not exist."), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
          return { Body: { transformToByteArray: async () => o.bytes }, ContentType: o.type };
        }
        return {};
      },
    };
    return { client, sent };
  }

  it("sends Put, Get and Delete with the bucket and key, and answers null for a missing key", async () => {
    const { client, sent } = stub();
    const s3 = new S3Storage(client, "vn-uploads");
    await s3.put("t1/providers/p1/k1", JPEG, "image/jpeg");
    expect(await s3.get("t1/providers/p1/k1")).toEqual({ bytes: JPEG, contentType: "image/jpeg" });
    await s3.delete("t1/providers/p1/k1");
    expect(await s3.get("t1/providers/p1/k1")).toBeNull();
    expect(sent.map((c) => [c!.constructor.name, (c as PutObjectCommand).input.Bucket, (c as PutObjectCommand).input.Key])).toEqual([
      ["PutObjectCommand", "vn-uploads", "t1/providers/p1/k1"],
      ["GetObjectCommand", "vn-uploads", "t1/providers/p1/k1"],
      ["DeleteObjectCommand", "vn-uploads", "t1/providers/p1/k1"],
      ["GetObjectCommand", "vn-uploads", "t1/providers/p1/k1"],
    ]);
  });

  it("passes other errors on and refuses unsafe keys before sending", async () => {
    const s3 = new S3Storage({ send: async () => { throw Object.assign(new Error("denied"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } }); } }, "b");
    await expect(s3.get("a/b")).rejects.toThrow("denied");
    await expect(s3.put("../x", PNG, "image/png")).rejects.toThrow(/Invalid storage key/);
  });

  it("is what createFileStorage builds when S3_BUCKET is set", () => {
    const s = createFileStorage({ DATA_DIR: "/tmp", S3_BUCKET: "vn-uploads", S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "ap-south-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_FORCE_PATH_STYLE: true });
    expect(s).toBeInstanceOf(S3Storage);
  });
});
