import pg from "pg";

export interface NotificationListenerOptions {
  databaseUrl: string;
  /** Channel names (safe identifiers, constants of the caller). */
  channels: readonly string[];
  /** The connection's `application_name`, e.g. `visitnow-queue-listener`. */
  name: string;
  /** What the log lines call it, e.g. "queue change listener". */
  label: string;
  log: { warn(obj: object, msg: string): void };
  onNotification(channel: string, payload: string | undefined): void;
  /**
   * `false` when the connection is lost (changes may be missed from then on), `true` once
   * LISTEN is in place again (and after the first connect): callers drop what a missed
   * change could have made stale.
   */
  onStatus?(listening: boolean): void;
}

/**
 * One dedicated Postgres connection that LISTENs on some channels and, when it is lost,
 * reconnects with backoff (1 s, doubling to 30 s) until closed. Shared by the caches and
 * the live queue, which differ only in what a notification and a lost connection mean.
 * Needs a direct connection, not one through a transaction-pooling PgBouncer.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private closed = false;

  constructor(private readonly opts: NotificationListenerOptions) {}

  /** True while other processes' notifications reach this one. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** The server process id of the listening connection (null while down): what `pg_terminate_backend` takes. */
  get backendPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  /** Resolves once the first LISTEN is in place; rejects when that first connection fails. */
  async start(): Promise<void> {
    this.closed = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const { opts } = this;
    const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: opts.name });
    client.on("notification", (msg) => opts.onNotification(msg.channel, msg.payload));
    client.on("error", (err) => {
      opts.log.warn({ err: err.message }, `${opts.label} lost its connection; reconnecting`);
      if (this.client === client) this.client = null;
      client.removeAllListeners("notification");
      void client.end().catch(() => undefined);
      opts.onStatus?.(false);
      this.reconnect(1000);
    });
    await client.connect();
    await client.query(opts.channels.map((c) => `listen ${c}`).join("; "));
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    opts.onStatus?.(true);
  }

  private reconnect(delayMs: number): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed) return;
      this.connect().catch((err: Error) => {
        this.opts.log.warn({ err: err.message }, `${this.opts.label} could not reconnect; retrying`);
        this.reconnect(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners("error");
      c.on("error", () => undefined);
      await c.end().catch(() => undefined);
    }
  }
}
