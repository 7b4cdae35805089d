import http from "node:http";

export interface BrowserResponse {
  url: URL;
  status: number;
  location: string | null;
  setCookies: string[];
  body: string;
}

/**
 * A minimal browser for HTTP-level tests: GET only, manual redirects, a cookie jar per
 * host (name -> value; paths and expiry dates beyond "deleted" are ignored). Every host
 * is reached on 127.0.0.1 with the URL's host in the Host header, so `*.localhost`
 * tenant hosts work without DNS.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  async get(target: string | URL): Promise<BrowserResponse> {
    const url = new URL(target);
    const cookies = [...(this.jar.get(url.host)?.entries() ?? [])].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await new Promise<http.IncomingMessage & { body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: Number(url.port || 80),
          method: "GET",
          path: `${url.pathname}${url.search}`,
          headers: { host: url.host, ...(cookies ? { cookie: cookies } : {}) },
        },
        (r) => {
          let body = "";
          r.setEncoding("utf8");
          r.on("data", (c: string) => (body += c));
          r.on("end", () => resolve(Object.assign(r, { body })));
          r.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
    const setCookies = res.headers["set-cookie"] ?? [];
    this.store(url.host, setCookies);
    const location = typeof res.headers.location === "string" ? res.headers.location : null;
    return { url, status: res.statusCode ?? 0, location, setCookies, body: res.body };
  }

  /**
   * Follows redirects from `start` and stops before requesting the first URL `stop`
   * accepts (returned as `stoppedAt`), or at the first non-redirect response.
   */
  async follow(start: string | URL, stop: (u: URL) => boolean, max = 15): Promise<{ stoppedAt: URL | null; last: BrowserResponse }> {
    let next = new URL(start);
    for (let i = 0; i < max; i++) {
      const res = await this.get(next);
      if (res.status < 300 || res.status >= 400 || !res.location) return { stoppedAt: null, last: res };
      next = new URL(res.location, next);
      if (stop(next)) return { stoppedAt: next, last: res };
    }
    throw new Error(`More than ${max} redirects from ${String(start)}`);
  }

  private store(host: string, setCookies: string[]): void {
    const jar = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, jar);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(";");
      const eq = (pair ?? "").indexOf("=");
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const deleted =
        attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) ||
        attrs.some((a) => /^\s*expires\s*=/i.test(a) && Date.parse(a.split("=").slice(1).join("=")) < Date.now());
      if (deleted || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
}
