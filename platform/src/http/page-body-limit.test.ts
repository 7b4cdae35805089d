import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { pageBodyLimit } from "./create-app.js";

function app(max: number) {
  const a = express();
  a.use(pageBodyLimit(max));
  a.all("*", (_req, res) => void res.send("reached"));
  return a;
}

describe("page body limit", () => {
  it("lets a form under the limit through", async () => {
    const res = await request(app(1024)).post("/join").type("form").send("a=1");
    expect(res.status).toBe(200);
    expect(res.text).toBe("reached");
  });

  it("refuses a form over the limit with 413 before any handler reads it", async () => {
    const res = await request(app(1024)).post("/join").type("form").send(`a=${"x".repeat(2048)}`);
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/too large/);
  });

  it("refuses a chunked body without a declared length with 411", async () => {
    const server = app(1024).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = http.request(
          { host: "127.0.0.1", port: (server.address() as AddressInfo).port, method: "POST", path: "/join", headers: { "content-type": "application/x-www-form-urlencoded" } },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.on("error", reject);
        // Two writes before end: node sends the body chunked, with no Content-Length.
        req.write("a=1");
        req.end("&b=2");
      });
      expect(status).toBe(411);
    } finally {
      server.close();
    }
  });

  it("never limits reads", async () => {
    const res = await request(app(1)).get("/search?q=skin");
    expect(res.status).toBe(200);
  });
});
