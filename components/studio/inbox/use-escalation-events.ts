"use client";

import { useServerEvents } from "../use-server-events";

/** Calls `onChange` whenever the server announces that this organization's escalations changed. */
export function useEscalationEvents(onChange: () => void): void {
  useServerEvents("/api/escalations/stream", "escalations", onChange);
}
