import type { Knex } from "knex";

export interface OutgoingMessage {
  tenantSlug: string | null;
  channel: "sms" | "email";
  recipient: string;
  subject?: string;
  body: string;
}

/**
 * Where one-time codes, resets and invites go. Until the notifications pipeline sends
 * them through twilio and SMTP, the development channel keeps them in
 * `platform.dev_messages`, where the console's Messages page and the tests read them.
 */
export interface MessageChannel {
  send(message: OutgoingMessage): Promise<void>;
}

export interface DevMessage extends OutgoingMessage {
  id: string;
  createdAt: Date;
}

const TABLE = "platform.dev_messages";

/** The development message channel and its reader. */
export class DevMessageStore implements MessageChannel {
  constructor(private readonly db: Knex) {}

  async send(m: OutgoingMessage): Promise<void> {
    await this.db(TABLE).insert({ tenant_slug: m.tenantSlug, channel: m.channel, recipient: m.recipient, subject: m.subject ?? null, body: m.body });
  }

  async list(opts: { tenantSlug?: string; recipient?: string; limit?: number } = {}): Promise<DevMessage[]> {
    const q = this.db(TABLE).orderBy("id", "desc").limit(opts.limit ?? 50);
    if (opts.tenantSlug) q.where({ tenant_slug: opts.tenantSlug });
    if (opts.recipient) q.where({ recipient: opts.recipient });
    const rows = await q;
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      tenantSlug: (r.tenant_slug as string) ?? null,
      channel: r.channel as "sms" | "email",
      recipient: r.recipient as string,
      subject: (r.subject as string) ?? undefined,
      body: r.body as string,
      createdAt: r.created_at as Date,
    }));
  }
}
