import { AppError } from "@/server/lib/errors";

/** The error for a document that expands beyond the text one document may hold. */
export function tooMuchText(kind: string, maxChars: number): AppError {
  return new AppError(
    "bad_request",
    `This ${kind} expands to more than ${maxChars.toLocaleString("en-US")} characters of text, the limit for one document, so it was not indexed. Split it into smaller files and upload those.`,
  );
}

/** Counts characters as a parser produces them and stops it the moment the document passes the limit. */
export function textBudget(kind: string, maxChars: number): (chars: number) => void {
  let left = maxChars;
  return (chars) => {
    left -= chars;
    if (left < 0) throw tooMuchText(kind, maxChars);
  };
}
