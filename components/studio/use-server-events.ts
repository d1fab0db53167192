"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onChange` whenever the server-sent-events stream at `url` sends `event` (this organization's
 * escalations or documents changed, whichever app instance made the change); the caller keeps polling
 * as the fallback when the stream is down.
 */
export function useServerEvents(url: string, event: string, onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const source = new EventSource(url);
    const handle = () => latest.current();
    source.addEventListener(event, handle);
    return () => {
      source.removeEventListener(event, handle);
      source.close();
    };
  }, [url, event]);
}
