import { useSearchParams } from "@remix-run/react";

/** `?next=…` to carry the return path between the sign-in pages (empty when there is none). */
export function useNextSearch(): string {
  const [params] = useSearchParams();
  const next = params.get("next");
  return next ? `?${new URLSearchParams({ next }).toString()}` : "";
}
