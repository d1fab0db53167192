/**
 * The rolling summary of a long conversation, extractive (no model): the patient's earlier questions
 * and the first sentence of each answer, newest kept when it grows too long. The model prompt gets this
 * summary plus the last few turns, so nothing earlier is silently cut.
 */
import { splitSentences } from "@/server/knowledge/text/language";

/** Turns (messages) sent to the model word for word; older ones go into the summary. */
export const RECENT_TURNS = 6;
const MAX_SUMMARY_CHARS = 1500;
const MAX_LINE_CHARS = 200;

export interface TurnForSummary {
  role: "patient" | "avatar";
  content: string;
}

const clip = (s: string) => (s.length > MAX_LINE_CHARS ? `${s.slice(0, MAX_LINE_CHARS - 1)}…` : s);

/**
 * The summary of `turns` after `earlier` (a summary made the same way of the turns before them): one line
 * per turn, newest kept. Folding turns into the stored summary as they leave the model's window gives the
 * same text as summarising them all at once, without reading them again.
 */
export function summariseTurns(turns: readonly TurnForSummary[], earlier = ""): string {
  const added = turns.map((t) => {
    if (t.role === "patient") return `Patient: ${clip(t.content.replace(/\s+/g, " ").trim())}`;
    // The first sentence after any fixed lead-in line ("From Dr. X's materials:") carries the answer.
    const body = t.content.split(/\n\s*\n/).find((p, i, all) => !/[:：]\s*$/.test(p.trim()) || i === all.length - 1) ?? t.content;
    const first = splitSentences(body)[0]?.text ?? body;
    return `Avatar: ${clip(first.replace(/\s+/g, " ").trim())}`;
  });
  // Lines never hold a newline (whitespace is collapsed), so the stored summary splits back into its lines.
  const lines = [...(earlier ? earlier.split("\n") : []), ...added];
  const kept: string[] = [];
  let chars = 0;
  for (const line of lines.reverse()) {
    if (chars + line.length > MAX_SUMMARY_CHARS) break;
    kept.unshift(line);
    chars += line.length + 1;
  }
  return kept.join("\n");
}
