"use client";

import { useEffect } from "react";

/** Escape inside the widget's frame asks the host page's widget.js to close the bubble (keyboard focus is in the frame then). */
export function EmbedEscape() {
  useEffect(() => {
    if (window.parent === window) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) window.parent.postMessage({ fenshen: "close" }, "*");
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
