import { useRevalidator } from "@remix-run/react";
import { Badge, useT } from "@visitnow/ui";
import { useEffect, useRef, useState } from "react";
import { debounce, queueSignature } from "./queue-model";

/** The platform's live queue stream (served outside the hub's `/doctor` basename). */
export function queueStreamUrl(doctorId: string, clinicId: string | null, date: string | null = null): string {
  const params = new URLSearchParams({ doctor: doctorId });
  if (clinicId) params.set("clinic", clinicId);
  if (date) params.set("date", date);
  return `/api/v1/queue/stream?${params}`;
}

/**
 * Keeps the page's queue fresh while it is open: listens to the queue stream and reloads
 * the page's data (debounced) on each change. `signature` is what the page shows now, so
 * the stream's first message (the queue as it is at connection time) reloads only when
 * something changed since the page was rendered. Without JavaScript nothing happens and
 * the page's Refresh link does the job.
 */
export function useLiveQueue(doctorId: string, clinicId: string | null, date: string | null, signature: string): { connected: boolean; updates: number } {
  const revalidator = useRevalidator();
  const [connected, setConnected] = useState(false);
  const [updates, setUpdates] = useState(0);
  // Read in the event handler without reopening the stream on every render.
  const latest = useRef({ revalidator, signature });
  latest.current = { revalidator, signature };

  useEffect(() => {
    if (!doctorId || typeof EventSource === "undefined") return;
    const source = new EventSource(queueStreamUrl(doctorId, clinicId, date));
    let first = true;
    const reload = debounce(() => {
      latest.current.revalidator.revalidate();
      setUpdates((n) => n + 1);
    }, 150);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    source.addEventListener("queue", (event) => {
      setConnected(true);
      if (first) {
        first = false;
        if (sameQueue((event as MessageEvent<string>).data, latest.current.signature)) return;
      }
      reload();
    });
    // The server ends the stream when the user may no longer see the queue: stop retrying.
    source.addEventListener("error", (event) => {
      if ((event as MessageEvent).data) {
        source.close();
        setConnected(false);
      }
    });
    return () => {
      reload.cancel();
      source.close();
      setConnected(false);
    };
  }, [doctorId, clinicId, date]);

  return { connected, updates };
}

function sameQueue(data: string, signature: string): boolean {
  try {
    const parsed = JSON.parse(data) as { items?: { id: string; status: string; position: number }[] };
    return Array.isArray(parsed.items) && queueSignature(parsed.items as never) === signature;
  } catch {
    return false;
  }
}

/** The "Live" badge while connected, and a polite announcement of each update for screen readers. */
export function QueueLiveStatus({ connected, updates }: { connected: boolean; updates: number }) {
  const t = useT();
  return (
    <>
      {connected ? (
        <Badge tone="info" dotClassName="bg-primary animate-pulse motion-reduce:animate-none">
          {t("doctor.queue.live")}
        </Badge>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {/* A new node per update, so the same words are announced again. */}
        {updates > 0 ? <span key={updates}>{t("doctor.queue.updated")}</span> : null}
      </p>
    </>
  );
}
