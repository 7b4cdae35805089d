import pg from "pg";

/** The channel on which a tenant's `appointments` announce changes (payload: the schema). */
export const QUEUE_CHANGED_CHANNEL = "visitnow_queue_changed";

/** Called with the tenant schema whose appointments changed. */
export type QueueListener = (schema: string) => void;

/**
 * Delivers `visitnow_queue_changed` notifications (one per committed transaction that
 * touched a tenant's appointments) to the subscribers of that tenant's schema, so every
 * app process can refresh the doctor's day live. Holds one LISTEN connection; when it is
 * lost it reconnects, backing off to 30 s, and tells every subscriber once it is back
 * (changes made meanwhile are unknown).
 */
export class QueueEvents {
  private readonly subscribers = new Map<string, Set<QueueListener>>();
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(private readonly log: { warn(obj: object, msg: string): void } = { warn: () => undefined }) {}

  /** Subscribes to one tenant schema's changes; returns the unsubscribe function. */
  subscribe(schema: string, listener: QueueListener): () => void {
    let set = this.subscribers.get(schema);
    if (!set) this.subscribers.set(schema, (set = new Set()));
    set.add(listener);
    return () => {
      const s = this.subscribers.get(schema);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) this.subscribers.delete(schema);
    };
  }

  /** Delivers a change to the schema's subscribers (also used by this process after its own commits). */
  emit(schema: string): void {
    for (const l of [...(this.subscribers.get(schema) ?? [])]) {
      try {
        l(schema);
      } catch (err) {
        // One broken subscriber (a closed stream) must not starve the others.
        this.log.warn({ err: (err as Error).message }, "queue change subscriber failed");
      }
    }
  }

  private emitAll(): void {
    for (const schema of [...this.subscribers.keys()]) this.emit(schema);
  }

  /** Starts listening on `databaseUrl`; resolves once the first LISTEN is in place. */
  async listen(databaseUrl: string): Promise<void> {
    this.closed = false;
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: "visitnow-queue-listener" });
      client.on("notification", (msg) => (msg.payload ? this.emit(msg.payload) : this.emitAll()));
      client.on("error", (err) => {
        this.log.warn({ err: err.message }, "queue change listener lost its connection; reconnecting");
        if (this.listener === client) this.listener = null;
        client.removeAllListeners("notification");
        void client.end().catch(() => undefined);
        reconnect(1000);
      });
      await client.connect();
      await client.query(`listen ${QUEUE_CHANGED_CHANNEL}`);
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      const wasDown = this.listener === null;
      this.listener = client;
      if (wasDown) this.emitAll();
    };
    const reconnect = (delayMs: number): void => {
      if (this.closed) return;
      setTimeout(() => {
        if (this.closed) return;
        connect().catch((err: Error) => {
          this.log.warn({ err: err.message }, "queue change listener could not reconnect; retrying");
          reconnect(Math.min(delayMs * 2, 30_000));
        });
      }, delayMs).unref();
    };
    await connect();
  }

  /** True while other processes' changes reach this process. */
  get listening(): boolean {
    return this.listener !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const l = this.listener;
    this.listener = null;
    if (l) {
      l.removeAllListeners("error");
      l.on("error", () => undefined);
      await l.end().catch(() => undefined);
    }
  }
}
