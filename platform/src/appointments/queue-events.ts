import { NotificationListener } from "../db/index.js";

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
  private listener: NotificationListener | null = null;

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
    await this.listener?.close();
    const listener = new NotificationListener({
      databaseUrl,
      channels: [QUEUE_CHANGED_CHANNEL],
      name: "visitnow-queue-listener",
      label: "queue change listener",
      log: this.log,
      onNotification: (_channel, payload) => (payload ? this.emit(payload) : this.emitAll()),
      // Back (or first up): changes made while nobody listened are unknown, so everyone re-reads.
      onStatus: (listening) => {
        if (listening) this.emitAll();
      },
    });
    this.listener = listener;
    await listener.start();
  }

  /** True while other processes' changes reach this process. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    await l?.close();
  }
}
