import { Parser } from "htmlparser2";
import { ingestLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { textBudget } from "./budget";
import { faqDocument, faqEntriesFromRows } from "./faq";
import type { FaqEntry, ParsedDocument } from "./types";
import { checkZip, DEFAULT_ZIP_LIMITS, openZip, type ZipContract, type ZipLimits } from "./zip";

const XLSX: ZipContract = {
  kind: "Excel workbook (.xlsx)",
  required: ["xl/workbook.xml"],
  notKindMessage: "This file is a zip archive but not an Excel workbook (.xlsx): it has no workbook inside. If it is a Word file, give it the .docx extension.",
};
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** SpreadsheetML through htmlparser2 in XML mode; element names lose their namespace prefix. */
function walkXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(local(name), attrs),
      onclosetag: (name) => handlers.close?.(local(name)),
      ontext: (text) => handlers.text?.(text),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(new TextDecoder().decode(bytes));
  parser.end();
}

/** The shared string table: each <si> is the concatenation of its <t> runs (phonetic <rPh> runs left out). */
function sharedStrings(bytes: Uint8Array | null): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  walkXml(bytes, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += 1;
      else if (name === "t") inText = true;
    },
    close(name) {
      if (name === "si") {
        strings.push(current ?? "");
        current = null;
      } else if (name === "rPh") phonetic -= 1;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && phonetic === 0 && current !== null) current += text;
    },
  });
  return strings;
}

/** The path of the workbook's first sheet, through the workbook relationships. */
function firstSheetPath(workbook: Uint8Array, rels: Uint8Array | null, names: string[]): string {
  let firstId: string | null = null;
  walkXml(workbook, {
    open(name, attrs) {
      if (name === "sheet" && firstId === null) firstId = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? null;
    },
  });
  let target: string | null = null;
  if (rels && firstId) {
    walkXml(rels, {
      open(name, attrs) {
        if (name === "Relationship" && attrs.Id === firstId) target = attrs.Target ?? null;
      },
    });
  }
  if (target) {
    const path = (target as string).startsWith("/") ? (target as string).slice(1) : `xl/${(target as string).replace(/^\.\//, "")}`;
    if (names.includes(path)) return path;
  }
  const fallback = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort()[0];
  if (!fallback) throw new AppError("bad_request", "This Excel workbook has no sheet. Put the questions and answers on the first sheet.");
  return fallback;
}

/** "BC12" -> 54 (zero-based column of the cell reference). */
function columnOf(ref: string | undefined): number | null {
  const letters = ref?.match(/^[A-Z]+/)?.[0];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_COLUMNS = 200;

/**
 * The sheet as rows of cell texts (shared, inline and formula strings, numbers, booleans). Each cell's
 * text counts against the budget as it is read: many rows pointing at one long shared string cost
 * nothing here but would expand without end in every step after.
 */
function sheetRows(sheet: Uint8Array, strings: string[], maxChars: number): string[][] {
  const spend = textBudget("Excel sheet", maxChars);
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: { column: number; type: string; value: string } | null = null;
  let inValue = false;
  let nextColumn = 0;
  walkXml(sheet, {
    open(name, attrs) {
      if (name === "row") {
        row = [];
        nextColumn = 0;
      } else if (name === "c" && row) {
        const column = columnOf(attrs.r) ?? nextColumn;
        nextColumn = column + 1;
        cell = { column, type: attrs.t ?? "n", value: "" };
      } else if ((name === "v" || name === "t") && cell) inValue = true;
    },
    close(name) {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "c" && cell && row) {
        const c: { column: number; type: string; value: string } = cell;
        const text = c.type === "s" ? (strings[Number(c.value)] ?? "") : c.type === "b" ? (c.value === "1" ? "TRUE" : "FALSE") : c.type === "e" ? "" : c.value;
        if (c.column < MAX_COLUMNS) {
          spend(text.length);
          (row as string[])[c.column] = text;
        }
        cell = null;
      } else if (name === "row" && row) {
        const r: string[] = row;
        rows.push(Array.from({ length: r.length }, (_, i) => r[i] ?? ""));
        row = null;
      }
    },
    text(text) {
      if (inValue && cell) (cell as { value: string }).value += text;
    },
  });
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** Quick structural checks, run at upload: a zip, not a bomb, with a workbook inside. */
export function checkXlsx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new AppError("bad_request", "This is an older Excel file (.xls) or a password-protected one. Save it as .xlsx (or CSV) without a password and upload that.");
  }
  checkZip(bytes, XLSX, limits);
}

export function xlsxFaqEntries(bytes: Uint8Array, maxChars = ingestLimits().maxTextChars, limits: ZipLimits = DEFAULT_ZIP_LIMITS): FaqEntry[] {
  checkXlsx(bytes, limits);
  const zip = openZip(bytes, XLSX, limits);
  const sheetPath = firstSheetPath(zip.read("xl/workbook.xml")!, zip.read("xl/_rels/workbook.xml.rels"), zip.names);
  const strings = sharedStrings(zip.read("xl/sharedStrings.xml"));
  return faqEntriesFromRows(sheetRows(zip.read(sheetPath)!, strings, maxChars));
}

/** An XLSX FAQ sheet: the first sheet's rows, through its shared strings. */
export function parseXlsx(bytes: Uint8Array, maxChars = ingestLimits().maxTextChars, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ParsedDocument {
  return faqDocument(xlsxFaqEntries(bytes, maxChars, limits));
}
