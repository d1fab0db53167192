"use client";

import { ScanText } from "lucide-react";
import { useLocale, useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import type { StudioDocument } from "./document-status";
import { pageRanges } from "./page-ranges";

/** Below this mean word confidence a page's reading is worth checking against the original. */
const LOW_OCR_CONFIDENCE = 70;

/** Which pages of the live passages were read by OCR, and how sure it was: what a doctor should check. */
export function OcrSummary({ document: doc }: { document: Pick<StudioDocument, "ocrPages" | "format"> }) {
  const t = useT();
  const locale = useLocale();
  if (doc.ocrPages.length === 0) return null;
  const read = doc.ocrPages.filter((p): p is { page: number; confidence: number } => p.confidence !== null);
  const empty = doc.ocrPages.filter((p) => p.confidence === null).map((p) => p.page);
  const low = read.filter((p) => p.confidence < LOW_OCR_CONFIDENCE).map((p) => p.page);
  const confidence = read.length > 0 ? Math.round(read.reduce((sum, p) => sum + p.confidence, 0) / read.length) : null;
  const image = doc.format === "image";
  const pages = pageRanges(read.map((p) => p.page), locale);
  return (
    <div data-testid="ocr-summary" className="flex flex-col gap-2">
      <p className="flex items-center gap-1.5 text-xs text-slate-700">
        <ScanText aria-hidden className="size-3.5 shrink-0" />
        <span>
          {confidence !== null
            ? image
              ? t("knowledge.ocr.image", { confidence })
              : t(read.length === 1 ? "knowledge.ocr.page" : "knowledge.ocr.pages", { pages, confidence })
            : null}
          {empty.length > 0 ? ` ${t("knowledge.ocr.empty", { pages: pageRanges(empty, locale) })}` : null}
        </span>
      </p>
      {low.length > 0 ? (
        <Alert tone="warning" data-testid="ocr-low-confidence">
          {image ? t("knowledge.ocr.lowImage") : t("knowledge.ocr.low", { pages: pageRanges(low, locale) })}
        </Alert>
      ) : null}
    </div>
  );
}
