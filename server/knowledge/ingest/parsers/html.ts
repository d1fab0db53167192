import { Parser } from "htmlparser2";
import { AppError } from "@/server/lib/errors";
import { decodeText } from "./text";
import type { ParsedDocument } from "./types";

/** Elements whose content is never patient-facing text: code, styling, navigation, embedded media. */
const DROPPED = new Set([
  "script", "style", "noscript", "template", "nav", "head", "svg", "math", "iframe", "object", "embed", "canvas", "button", "select", "form", "dialog",
]);
const HEADING = /^h([1-6])$/;
const MARKER_ONLY = /^\s*(?:-|\d+\.|#{1,6})\s*$/;
/** Elements that end a line of text: each starts a new block in the output. */
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "figure", "figcaption", "ul", "ol", "dl", "dt", "dd",
  "table", "thead", "tbody", "tfoot", "caption", "address", "details", "summary", "hr", "body", "html",
]);

/**
 * HTML (a web page, or a Word document converted by mammoth) as Markdown-ish text: headings become
 * "#" lines so passages keep their heading path, list items "- " lines, table rows "| a | b |" lines,
 * paragraphs blank-line separated; scripts, styles and navigation are dropped.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  let dropDepth = 0;
  let preDepth = 0;
  let heading = 0;
  const listStack: { ordered: boolean; n: number }[] = [];
  let cells: string[] | null = null;
  let cell: string | null = null;

  const flushLine = (blank: boolean) => {
    // A list or heading marker waits for its text (e.g. <li><p>text</p></li>).
    if (MARKER_ONLY.test(line)) return;
    const text = line.replace(/[ \t\u00a0]+/g, " ").trim();
    line = "";
    if (text) out.push(text);
    if (blank && out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  const append = (text: string) => {
    if (cell !== null) cell += text;
    else line += text;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (dropDepth > 0 || DROPPED.has(name)) {
          dropDepth += 1;
          return;
        }
        if (cell !== null) {
          // Inside a table cell everything is one line of that cell.
          if (name === "br" || name === "li" || BLOCK.has(name)) cell += " ";
          return;
        }
        const h = HEADING.exec(name);
        if (h) {
          flushLine(true);
          heading = Number(h[1]);
          line = `${"#".repeat(heading)} `;
        } else if (name === "li") {
          flushLine(false);
          const list = listStack[listStack.length - 1];
          const indent = "  ".repeat(Math.max(0, listStack.length - 1));
          line = list?.ordered ? `${indent}${(list.n += 1)}. ` : `${indent}- `;
        } else if (name === "ul" || name === "ol") {
          flushLine(listStack.length === 0);
          listStack.push({ ordered: name === "ol", n: 0 });
        } else if (name === "tr") {
          flushLine(false);
          cells = [];
        } else if ((name === "td" || name === "th") && cells) {
          cell = "";
        } else if (name === "br") {
          if (preDepth > 0) line += "\n";
          else flushLine(false);
        } else if (name === "pre") {
          flushLine(true);
          preDepth += 1;
        } else if (BLOCK.has(name)) {
          flushLine(listStack.length === 0);
        }
      },
      ontext(data) {
        if (dropDepth > 0) return;
        append(preDepth > 0 ? data : data.replace(/\s+/g, " "));
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          dropDepth -= 1;
          return;
        }
        if (cell !== null && name !== "td" && name !== "th" && name !== "tr" && name !== "table") return;
        if (HEADING.test(name)) {
          // A heading with no text is no heading.
          if (MARKER_ONLY.test(line)) line = "";
          flushLine(true);
          heading = 0;
        } else if ((name === "td" || name === "th") && cells && cell !== null) {
          cells.push(cell.replace(/\s+/g, " ").trim().replace(/\|/g, "/"));
          cell = null;
        } else if (name === "tr" && cells) {
          if (cells.some((c) => c)) out.push(`| ${cells.join(" | ")} |`);
          cells = null;
        } else if (name === "table") {
          flushLine(true);
        } else if (name === "ul" || name === "ol") {
          listStack.pop();
          flushLine(listStack.length === 0);
        } else if (name === "li") {
          if (MARKER_ONLY.test(line)) line = "";
          flushLine(false);
        } else if (name === "pre") {
          preDepth = Math.max(0, preDepth - 1);
          const text = line.replace(/\s+$/, "");
          line = "";
          if (text.trim()) out.push(...text.split("\n"));
          out.push("");
        } else if (BLOCK.has(name)) {
          flushLine(listStack.length === 0);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushLine(true);
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

export function parseHtml(bytes: Uint8Array): ParsedDocument {
  const text = htmlToText(decodeText(bytes, "HTML"));
  if (!text.trim()) throw new AppError("bad_request", "The web page has no text to index (only scripts, styles or navigation).");
  return { text, structure: "markdown" };
}
