import { intlLocale, useLocale, useT } from "@visitnow/ui";
import { useEffect, useState } from "react";
import { formatCountdown, formatTimeIn, secondsLeft } from "./booking-slots";

/**
 * "Held for you until 10:42 am", and once the page runs JavaScript a live "9:32 left".
 * The ticking number is hidden from screen readers; a polite live region speaks only at
 * one minute left and when the hold runs out, so nobody hears a clock every second.
 */
export function HoldCountdown({
  expiresAt,
  zone,
  serverNow,
  onExpire,
}: {
  expiresAt: string;
  zone: string;
  /** The server's clock when the page was made, to correct a browser clock that is off. */
  serverNow: number;
  onExpire?: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const tag = intlLocale(locale);
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    const skew = serverNow - Date.now();
    let expired = false;
    const tick = () => {
      const seconds = secondsLeft(expiresAt, Date.now() + skew);
      setLeft(seconds);
      if (seconds === 0 && !expired) {
        expired = true;
        onExpire?.();
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [expiresAt, serverNow, onExpire]);

  const announcement = left === null ? "" : left === 0 ? t("patient.booking.hold.expiredShort") : left <= 60 ? t("patient.booking.hold.lastMinute") : "";

  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
      <p className="font-medium">{t("patient.booking.hold.until", { time: formatTimeIn(expiresAt, zone, tag) })}</p>
      {left !== null ? (
        <p aria-hidden="true" className={`font-heading text-lg font-bold tabular-nums ${left <= 60 ? "text-danger" : ""}`}>
          {t("patient.booking.hold.left", { time: formatCountdown(left) })}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
