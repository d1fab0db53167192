"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onChange` whenever the server announces that this organization's escalations changed
 * (server-sent events); polling stays as the fallback when the stream is down.
 */
export function useEscalationEvents(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const source = new EventSource("/api/escalations/stream");
    const handle = () => latest.current();
    source.addEventListener("escalations", handle);
    return () => {
      source.removeEventListener("escalations", handle);
      source.close();
    };
  }, []);
}
