import type { Locale } from "@/server/i18n/locales";

/** Page numbers as ranges: 3, 4, 5, 8 → "3–5, 8" ("3–5、8" in Chinese). */
export function pageRanges(pages: number[], locale: Locale): string {
  const ranges: string[] = [];
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    ranges.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return ranges.join(locale === "zh-CN" ? "、" : ", ");
}
