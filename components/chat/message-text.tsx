"use client";

import { Fragment } from "react";
import { useT } from "@/components/i18n/client";

const MARKER = /\[(\d{1,2})\]/g;

/** The answer text with each [n] the composer wrote turned into a numbered button that opens source n. */
export function MessageText({ text, citationCount, onMarker }: { text: string; citationCount: number; onMarker: (index: number) => void }) {
  const t = useT();
  const pieces: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const index = Number(match[1]);
    if (index < 1 || index > citationCount) continue;
    pieces.push(<Fragment key={`t${last}`}>{text.slice(last, match.index)}</Fragment>);
    pieces.push(
      <sup key={`m${match.index}`}>
        <button
          type="button"
          onClick={() => onMarker(index)}
          aria-label={t("chat.sources.marker", { index })}
          data-testid="citation-marker"
          className="mx-0.5 inline-flex min-w-5 items-center justify-center rounded bg-brand-100 px-1 text-xs font-semibold text-brand-800 hover:bg-brand-600 hover:text-white"
        >
          {index}
        </button>
      </sup>,
    );
    last = match.index + match[0].length;
  }
  pieces.push(<Fragment key={`t${last}`}>{text.slice(last)}</Fragment>);
  return <div className="leading-relaxed break-words whitespace-pre-wrap">{pieces}</div>;
}
