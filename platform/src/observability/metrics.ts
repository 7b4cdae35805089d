import client from "prom-client";

/**
 * Prometheus metrics for the HTTP edge. Tenant is a label only on one counter and only
 * for the first `maxTenantLabels` tenants seen, then `other`, so cardinality stays bounded.
 */
export class HttpMetrics {
  readonly registry = new client.Registry();
  private readonly requests: client.Counter<"app" | "method" | "status">;
  private readonly duration: client.Histogram<"app" | "status">;
  private readonly tenantRequests: client.Counter<"tenant">;
  private readonly tenantsSeen = new Set<string>();

  constructor(private readonly maxTenantLabels = 50) {
    client.collectDefaultMetrics({ register: this.registry, prefix: "visitnow_" });
    this.requests = new client.Counter({
      name: "visitnow_http_requests_total",
      help: "HTTP requests by app, method and status",
      labelNames: ["app", "method", "status"],
      registers: [this.registry],
    });
    this.duration = new client.Histogram({
      name: "visitnow_http_request_duration_seconds",
      help: "HTTP request latency by app and status",
      labelNames: ["app", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.tenantRequests = new client.Counter({
      name: "visitnow_tenant_requests_total",
      help: `HTTP requests per tenant (first ${maxTenantLabels} tenants by name, the rest as "other")`,
      labelNames: ["tenant"],
      registers: [this.registry],
    });
  }

  observe(app: string, method: string, status: number, seconds: number, tenant: string | null): void {
    const s = String(status);
    const m = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(method) ? method : "OTHER";
    this.requests.inc({ app, method: m, status: s });
    this.duration.observe({ app, status: s }, seconds);
    if (tenant) {
      if (!this.tenantsSeen.has(tenant) && this.tenantsSeen.size < this.maxTenantLabels) this.tenantsSeen.add(tenant);
      this.tenantRequests.inc({ tenant: this.tenantsSeen.has(tenant) ? tenant : "other" });
    }
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
