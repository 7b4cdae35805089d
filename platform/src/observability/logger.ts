import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/**
 * The process logger: JSON lines. Credentials and anything that could carry PHI
 * (cookies, auth headers, bodies) are never logged; request logs carry the path only,
 * never the query string.
 */
export function createLogger(opts: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      name: opts.name ?? "visitnow",
      level: opts.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          "headers.cookie",
          "headers.authorization",
          "password",
          "*.password",
          "body",
          "*.body",
        ],
        censor: "[redacted]",
      },
    },
    opts.destination ?? pino.destination(1)
  );
}
